//! Parser for the markdown page `catalog.md`.
//!
//! `build.rs` compiles this file through `#[path]` and turns its output into
//! static tables; the crate compiles it only for its unit tests. Each rule
//! below is a general rule about how the page is written, never a patch for a
//! named row, so that the next edit of the page parses or fails loudly.
//!
//! The rules, in the order a row meets them:
//! - The table is the first markdown table with three columns; each row is one
//!   operation. Cells are split on `|` outside code spans and escapes.
//! - Markdown backslash escapes (`\(`, `\-`, `\.`) are resolved outside code
//!   spans; text inside a code span is taken as is, then trimmed.
//! - The operation cell is a link. The name comes from the link target's file
//!   name `API_<label>.html`, so link text that is the URL itself still names
//!   the operation. Link text that is a name must equal the label. A label
//!   `runtime_<Name>` belongs to the SageMaker Runtime API; a target under
//!   `/augmented-ai/` belongs to Amazon Augmented AI.
//! - Actions are `service:Name`, with or without a code span.
//! - A parenthetical `(… only if …)` makes the one action before it
//!   conditional. A sentence ending in `:` that says `… only if …` makes every
//!   action after it conditional, up to the next such sentence.
//! - Resources are code spans (or bare words), each `*` or an ARN whose
//!   partition, region and account fields are placeholders.

use std::collections::BTreeMap;
use std::fmt;

use crate::corrections::CorrectionRow;
use crate::kinds::{Api, Condition, ResourceType};

/// A failure to parse the page, at a line counted from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError {
    pub(crate) line: usize,
    pub(crate) expected: String,
    pub(crate) found: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "catalog.md:{}: expected {}, found {}",
            self.line, self.expected, self.found
        )
    }
}

impl std::error::Error for ParseError {}

/// One row of the page's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageOperation {
    pub(crate) line: usize,
    pub(crate) name: String,
    /// The label of the link target, `runtime_InvokeEndpoint` for `API_runtime_InvokeEndpoint.html`.
    pub(crate) label: String,
    pub(crate) api: Api,
    pub(crate) documentation_url: String,
    pub(crate) actions: Vec<String>,
    pub(crate) conditional: Vec<PageGroup>,
    pub(crate) resources: Vec<PageResource>,
    /// Indices into the correction table of the rows applied to this operation.
    pub(crate) corrections: Vec<usize>,
}

/// Actions that the page requires only under conditions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageGroup {
    pub(crate) conditions: Vec<Condition>,
    pub(crate) description: String,
    pub(crate) actions: Vec<String>,
}

/// One entry of the resources cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PageResource {
    /// `*` alone.
    Any,
    /// `arn:aws:sagemaker:region:account-id:*`.
    AccountWide { as_written: String },
    /// An ARN of one resource type.
    Typed {
        as_written: String,
        resource_type: ResourceType,
        segments: Vec<PageSegment>,
    },
}

impl PageResource {
    pub(crate) fn as_written(&self) -> &str {
        match self {
            Self::Any => "*",
            Self::AccountWide { as_written } | Self::Typed { as_written, .. } => as_written,
        }
    }

    /// Returns the ARN in IAM's form, `arn:${Partition}:sagemaker:${Region}:${Account}:…`.
    pub(crate) fn iam_form(&self) -> String {
        const PREFIX: &str = "arn:${Partition}:sagemaker:${Region}:${Account}:";
        match self {
            Self::Any => "*".to_owned(),
            Self::AccountWide { .. } => format!("{PREFIX}*"),
            Self::Typed {
                resource_type,
                segments,
                ..
            } => {
                let mut arn = format!("{PREFIX}{}", resource_type.as_str());
                for segment in segments {
                    arn.push('/');
                    match segment {
                        PageSegment::Literal(text) => arn.push_str(text),
                        PageSegment::Variable { name, .. } => {
                            arn.push_str("${");
                            arn.push_str(name);
                            arn.push('}');
                        }
                        PageSegment::Wildcard => arn.push('*'),
                    }
                }
                arn
            }
        }
    }
}

/// One path segment after the resource type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PageSegment {
    Literal(String),
    Variable {
        name: &'static str,
        as_written: String,
    },
    Wildcard,
}

/// Parses the page into its operations, in page order.
pub(crate) fn parse_catalog(text: &str) -> Result<Vec<PageOperation>, ParseError> {
    let lines: Vec<&str> = text.lines().collect();
    let (header, rows) = find_table(&lines)?;
    let header_cells = split_row(lines[header], header + 1)?;
    if header_cells.len() != 3 {
        return Err(error(
            header + 1,
            "a table with 3 columns (operations, actions, resources)",
            lines[header].trim(),
        ));
    }

    let mut operations = Vec::new();
    let mut first_line: BTreeMap<String, usize> = BTreeMap::new();
    for index in rows {
        let line = index + 1;
        let operation = parse_row(lines[index], line)?;
        if let Some(first) = first_line.get(&operation.name) {
            return Err(error(
                line,
                format!(
                    "each operation once (`{}` is on line {first})",
                    operation.name
                ),
                format!("`{}` again", operation.name),
            ));
        }
        first_line.insert(operation.name.clone(), line);
        operations.push(operation);
    }
    if operations.is_empty() {
        return Err(error(header + 1, "at least one operation row", "none"));
    }
    check_lookup_keys(&operations)?;
    Ok(operations)
}

/// Checks that the lookups built from the operations are unambiguous: each
/// name and label folds (case, `_` and `-` ignored) to a key that no other
/// operation has, and each action has one spelling on the whole page.
fn check_lookup_keys(operations: &[PageOperation]) -> Result<(), ParseError> {
    let mut folded: BTreeMap<String, usize> = BTreeMap::new();
    let mut spellings: BTreeMap<String, &str> = BTreeMap::new();
    for operation in operations {
        for spelling in [&operation.name, &operation.label] {
            let key = crate::keys::fold_name(spelling).ok_or_else(|| {
                error(
                    operation.line,
                    format!("a name of at most {} characters", crate::keys::MAX_KEY),
                    quoted(spelling),
                )
            })?;
            let key = key.as_str().to_owned();
            match folded.get(&key) {
                Some(&other) if other != operation.line => {
                    return Err(error(
                        operation.line,
                        format!("a name that no other operation shares when case, `_` and `-` are ignored (line {other} has `{key}`)"),
                        quoted(spelling),
                    ));
                }
                _ => {
                    folded.insert(key, operation.line);
                }
            }
        }
        let actions = operation.actions.iter().chain(
            operation
                .conditional
                .iter()
                .flat_map(|group| &group.actions),
        );
        for action in actions {
            let key = action.to_ascii_lowercase();
            match spellings.get(&key) {
                Some(existing) if *existing != action.as_str() => {
                    return Err(error(
                        operation.line,
                        format!("one spelling of each action, as `{existing}` elsewhere"),
                        quoted(action),
                    ));
                }
                _ => {
                    spellings.insert(key, action);
                }
            }
        }
    }
    Ok(())
}

/// Replaces each action a correction row names with IAM's spelling on the
/// row's operation and records the row there.
///
/// A row that matches no action of its operation is an error, so a page that
/// has been fixed cannot leave a stale row behind.
pub(crate) fn apply_corrections(
    operations: &mut [PageOperation],
    rows: &[CorrectionRow],
) -> Result<(), String> {
    for (row_index, row) in rows.iter().enumerate() {
        let mut used = false;
        for operation in operations
            .iter_mut()
            .filter(|operation| operation.name == row.operation)
        {
            let mut applied = false;
            let lists = std::iter::once(&mut operation.actions).chain(
                operation
                    .conditional
                    .iter_mut()
                    .map(|group| &mut group.actions),
            );
            for list in lists {
                for action in list.iter_mut().filter(|action| *action == row.as_written) {
                    *action = row.corrected.to_owned();
                    applied = true;
                }
            }
            if applied {
                operation.corrections.push(row_index);
                used = true;
            }
        }
        if !used {
            return Err(format!(
                "src/differences.rs: the correction of `{}` matches no action of operation `{}` on the page; remove the row",
                row.as_written, row.operation
            ));
        }
    }
    Ok(())
}

fn error(line: usize, expected: impl Into<String>, found: impl Into<String>) -> ParseError {
    ParseError {
        line,
        expected: expected.into(),
        found: found.into(),
    }
}

fn quoted(text: &str) -> String {
    format!("`{}`", text.trim())
}

fn is_table_line(line: &str) -> bool {
    line.trim_start().starts_with('|')
}

fn is_separator_row(line: &str) -> bool {
    let trimmed = line.trim().trim_start_matches('|').trim_end_matches('|');
    !trimmed.trim().is_empty()
        && trimmed.split('|').all(|cell| {
            let cell = cell.trim().trim_start_matches(':').trim_end_matches(':');
            cell.len() >= 3 && cell.bytes().all(|b| b == b'-')
        })
}

/// Returns the header's line index and the indices of the table's body rows.
fn find_table(lines: &[&str]) -> Result<(usize, std::ops::Range<usize>), ParseError> {
    for index in 0..lines.len().saturating_sub(1) {
        if is_table_line(lines[index]) && is_separator_row(lines[index + 1]) {
            let start = index + 2;
            let end = (start..lines.len())
                .find(|&row| !is_table_line(lines[row]))
                .unwrap_or(lines.len());
            return Ok((index, start..end));
        }
    }
    Err(error(
        lines.len().max(1),
        "a markdown table with a header and a `| --- |` separator row",
        "no table",
    ))
}

/// Splits a table row into cells on `|` outside code spans and escapes.
fn split_row(row: &str, line: usize) -> Result<Vec<String>, ParseError> {
    let trimmed = row.trim();
    let inner = trimmed.strip_prefix('|').unwrap_or(trimmed);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cell.push(c);
                if let Some(next) = chars.next() {
                    cell.push(next);
                }
            }
            '`' => {
                let mut fence = 1;
                while chars.peek() == Some(&'`') {
                    chars.next();
                    fence += 1;
                }
                cell.extend(std::iter::repeat('`').take(fence));
                let mut run = 0;
                let mut closed = false;
                for inside in chars.by_ref() {
                    cell.push(inside);
                    if inside == '`' {
                        run += 1;
                        if run == fence {
                            closed = true;
                            break;
                        }
                    } else {
                        run = 0;
                    }
                }
                if !closed {
                    return Err(error(line, "a closing backtick", quoted(row)));
                }
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    if !cell.trim().is_empty() {
        cells.push(cell);
    }
    Ok(cells)
}

/// A piece of a cell: the content of a code span, or one character of text
/// with its backslash escape resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Code(String),
    Char(char),
}

fn tokenize(cell: &str, line: usize) -> Result<Vec<Piece>, ParseError> {
    let mut pieces = Vec::new();
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {
                pieces.push(Piece::Char(chars.next().unwrap_or('\\')));
            }
            '`' => {
                let mut fence = 1;
                while chars.peek() == Some(&'`') {
                    chars.next();
                    fence += 1;
                }
                let mut content = String::new();
                let mut run = 0;
                let mut closed = false;
                for inside in chars.by_ref() {
                    if inside == '`' {
                        run += 1;
                        if run == fence {
                            closed = true;
                            break;
                        }
                    } else {
                        content.extend(std::iter::repeat('`').take(run));
                        run = 0;
                        content.push(inside);
                    }
                }
                if !closed {
                    return Err(error(line, "a closing backtick", quoted(cell)));
                }
                pieces.push(Piece::Code(content.trim().to_owned()));
            }
            _ => pieces.push(Piece::Char(c)),
        }
    }
    Ok(pieces)
}

/// Joins pieces into plain text: code spans lose their backticks, runs of
/// whitespace become one space.
fn plain_text(pieces: &[Piece]) -> String {
    let mut text = String::new();
    for piece in pieces {
        match piece {
            Piece::Code(code) => text.push_str(code),
            Piece::Char(c) => text.push(*c),
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_row(row: &str, line: usize) -> Result<PageOperation, ParseError> {
    let cells = split_row(row, line)?;
    if cells.len() != 3 {
        return Err(error(
            line,
            format!(
                "3 cells (operation, actions, resources) but the row has {}",
                cells.len()
            ),
            quoted(row),
        ));
    }
    let link = parse_operation_cell(&cells[0], line)?;
    let (actions, conditional) = parse_actions_cell(&cells[1], line)?;
    let resources = parse_resources_cell(&cells[2], line)?;
    Ok(PageOperation {
        line,
        name: link.name,
        label: link.label,
        api: link.api,
        documentation_url: link.url,
        actions,
        conditional,
        resources,
        corrections: Vec::new(),
    })
}

struct OperationLink {
    name: String,
    label: String,
    api: Api,
    url: String,
}

fn parse_operation_cell(cell: &str, line: usize) -> Result<OperationLink, ParseError> {
    let expected_link = "a link `[Name](…/API_Name.html)` to the operation's reference";
    let trimmed = cell.trim();
    let (text, url) = trimmed
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(')'))
        .and_then(|rest| rest.rsplit_once("]("))
        .ok_or_else(|| error(line, expected_link, quoted(trimmed)))?;
    let url = url.trim();

    let file = url.rsplit('/').next().unwrap_or_default();
    let label = file
        .strip_prefix("API_")
        .and_then(|rest| rest.strip_suffix(".html"))
        .filter(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        })
        .ok_or_else(|| {
            error(
                line,
                "a link target ending in `API_<Name>.html`",
                quoted(url),
            )
        })?;

    let (prefix, name) = match label.rsplit_once('_') {
        Some((prefix, name)) => (Some(prefix), name),
        None => (None, label),
    };
    if !is_pascal_case(name) {
        return Err(error(
            line,
            "an operation name in PascalCase in the link target",
            quoted(url),
        ));
    }
    let api = match prefix {
        Some("runtime") => Api::SagemakerRuntime,
        Some(_) => {
            return Err(error(
                line,
                "a link target `API_<Name>.html` or `API_runtime_<Name>.html`",
                quoted(url),
            ))
        }
        None if url.contains("/augmented-ai/") => Api::SagemakerA2iRuntime,
        None if url.contains("/sagemaker/") => Api::Sagemaker,
        None => {
            return Err(error(
                line,
                "a link into the SageMaker or Augmented AI API reference",
                quoted(url),
            ))
        }
    };

    let text = plain_text(&tokenize(text, line)?);
    let text_is_url = text.starts_with("https://") || text.starts_with("http://");
    if !text_is_url && text != label {
        return Err(error(
            line,
            format!("link text `{label}` to match the link target"),
            quoted(&text),
        ));
    }
    Ok(OperationLink {
        name: name.to_owned(),
        label: label.to_owned(),
        api,
        url: url.to_owned(),
    })
}

fn is_pascal_case(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Returns whether `token` is an IAM action `service:Name` without wildcards.
fn is_action(token: &str) -> bool {
    match token.split_once(':') {
        Some((service, name)) => {
            !service.is_empty()
                && service
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && is_pascal_case(name)
        }
        None => false,
    }
}

/// The list that the actions of a cell go to while it is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Required,
    Group(usize),
}

type ActionsCell = (Vec<String>, Vec<PageGroup>);

fn parse_actions_cell(cell: &str, line: usize) -> Result<ActionsCell, ParseError> {
    let pieces = tokenize(cell, line)?;
    let mut required: Vec<String> = Vec::new();
    let mut groups: Vec<PageGroup> = Vec::new();
    let mut target = Target::Required;
    let mut last_action: Option<Target> = None;
    let mut i = 0;

    while i < pieces.len() {
        match &pieces[i] {
            Piece::Char(c) if c.is_whitespace() => i += 1,
            Piece::Code(code) => {
                if !is_action(code) {
                    return Err(error(
                        line,
                        "an action such as `sagemaker:CreateModel`",
                        quoted(code),
                    ));
                }
                push_action(&mut required, &mut groups, target, code.clone(), line)?;
                last_action = Some(target);
                i += 1;
            }
            Piece::Char('(') => {
                let close = closing_parenthesis(&pieces, i).ok_or_else(|| {
                    error(
                        line,
                        "a `)` to close the parenthetical",
                        quoted(&plain_text(&pieces[i..])),
                    )
                })?;
                let description = plain_text(&pieces[i + 1..close]);
                let conditions = classify_condition(&description, line)?;
                let governed = last_action.take().ok_or_else(|| {
                    error(
                        line,
                        "an action before the parenthetical condition",
                        quoted(&description),
                    )
                })?;
                make_last_action_conditional(
                    &mut required,
                    &mut groups,
                    governed,
                    conditions,
                    description,
                );
                i = close + 1;
            }
            Piece::Char(_) => {
                let word_end = (i..pieces.len())
                    .find(|&j| match &pieces[j] {
                        Piece::Char(c) => c.is_whitespace() || *c == '(',
                        Piece::Code(_) => true,
                    })
                    .unwrap_or(pieces.len());
                let word = plain_text(&pieces[i..word_end]);
                if is_action(&word) {
                    push_action(&mut required, &mut groups, target, word, line)?;
                    last_action = Some(target);
                    i = word_end;
                    continue;
                }
                let colon = sentence_end(&pieces, i).ok_or_else(|| {
                    error(
                        line,
                        "an action or a sentence ending in `:` that says when the actions after it are required",
                        quoted(&plain_text(&pieces[i..])),
                    )
                })?;
                let description = plain_text(&pieces[i..colon]);
                let conditions = classify_condition(&description, line)?;
                groups.push(PageGroup {
                    conditions,
                    description,
                    actions: Vec::new(),
                });
                target = Target::Group(groups.len() - 1);
                last_action = None;
                i = colon + 1;
            }
        }
    }

    if let Some(empty) = groups.iter().find(|group| group.actions.is_empty()) {
        return Err(error(
            line,
            "an action after the condition",
            quoted(&empty.description),
        ));
    }
    if required.is_empty() {
        return Err(error(line, "at least one required action", quoted(cell)));
    }
    Ok((required, groups))
}

/// Adds an action to the list it belongs to. The same action twice in one
/// list is an error, because a repeated action is more likely an editing slip
/// than a requirement.
fn push_action(
    required: &mut Vec<String>,
    groups: &mut [PageGroup],
    target: Target,
    action: String,
    line: usize,
) -> Result<(), ParseError> {
    let list = match target {
        Target::Required => required,
        Target::Group(index) => &mut groups[index].actions,
    };
    if list.contains(&action) {
        return Err(error(
            line,
            "each action once in its list",
            format!("`{action}` twice"),
        ));
    }
    list.push(action);
    Ok(())
}

/// Moves the action just read out of `governed` into a new group. When that
/// action already sat under a sentence's condition, the new group requires
/// both conditions.
fn make_last_action_conditional(
    required: &mut Vec<String>,
    groups: &mut Vec<PageGroup>,
    governed: Target,
    mut conditions: Vec<Condition>,
    mut description: String,
) {
    let action = match governed {
        Target::Required => required.pop(),
        Target::Group(index) => {
            let outer = &groups[index];
            conditions.extend(outer.conditions.iter().copied());
            conditions.sort();
            conditions.dedup();
            description = format!("{}; {description}", outer.description);
            groups[index].actions.pop()
        }
    };
    groups.push(PageGroup {
        conditions,
        description,
        actions: action.into_iter().collect(),
    });
}

fn closing_parenthesis(pieces: &[Piece], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (index, piece) in pieces.iter().enumerate().skip(open) {
        match piece {
            Piece::Char('(') => depth += 1,
            Piece::Char(')') => {
                depth -= 1;
                if depth == 0 {
                    return Some(index);
                }
            }
            _ => {}
        }
    }
    None
}

/// Finds the `:` that ends a sentence: a colon in text (not in a code span)
/// followed by whitespace or the end of the cell.
fn sentence_end(pieces: &[Piece], start: usize) -> Option<usize> {
    (start..pieces.len()).find(|&index| {
        pieces[index] == Piece::Char(':')
            && match pieces.get(index + 1) {
                None => true,
                Some(Piece::Char(c)) => c.is_whitespace(),
                Some(Piece::Code(_)) => false,
            }
    })
}

/// Maps the page's wording of a condition to the closed set of conditions.
fn classify_condition(description: &str, line: usize) -> Result<Vec<Condition>, ParseError> {
    let lower = description.to_ascii_lowercase();
    if !lower.contains("only if") {
        return Err(error(
            line,
            "a condition phrase such as `required only if …`",
            quoted(description),
        ));
    }
    // Each clause after "only if" that names a condition must state that the
    // thing is given: "you do not specify a VPC" must not become `vpc`.
    // Clauses without a condition, such as the KMS rows' "and the associated
    // role does not have a policy that permits this action", stay in the
    // description only.
    let (_, requirement) = lower.split_once("only if").unwrap_or(("", &lower));
    for clause in requirement.split(" and ") {
        let names_condition = [
            "vpc",
            "elastic inference",
            "kms",
            "encryption key",
            "secrets manager",
        ]
        .iter()
        .any(|keyword| clause.contains(keyword));
        let words: Vec<&str> = clause
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
            .collect();
        let negated = words.iter().any(|word| {
            matches!(*word, "not" | "no" | "without" | "never") || word.ends_with("n't")
        });
        if names_condition && negated {
            return Err(error(
                line,
                "a condition that something is given, not that it is absent",
                quoted(description),
            ));
        }
    }
    let mut conditions = Vec::new();
    if lower.contains("vpc") {
        conditions.push(Condition::Vpc);
    }
    if lower.contains("elastic inference") {
        conditions.push(Condition::ElasticInference);
    }
    if lower.contains("kms") || lower.contains("encryption key") {
        conditions.push(Condition::KmsKey);
    }
    if lower.contains("secrets manager") {
        conditions.push(Condition::GitSecret);
    }
    if conditions.is_empty() {
        return Err(error(
            line,
            "a known condition (a VPC, an elastic inference accelerator, a KMS or encryption key, or a Secrets Manager secret)",
            quoted(description),
        ));
    }
    Ok(conditions)
}

fn parse_resources_cell(cell: &str, line: usize) -> Result<Vec<PageResource>, ParseError> {
    let pieces = tokenize(cell, line)?;
    let mut entries: Vec<String> = Vec::new();
    let mut word = String::new();
    for piece in &pieces {
        match piece {
            Piece::Code(code) => {
                if !word.is_empty() {
                    entries.push(std::mem::take(&mut word));
                }
                entries.push(code.clone());
            }
            Piece::Char(c) if c.is_whitespace() => {
                if !word.is_empty() {
                    entries.push(std::mem::take(&mut word));
                }
            }
            Piece::Char(c) => word.push(*c),
        }
    }
    if !word.is_empty() {
        entries.push(word);
    }
    if entries.is_empty() {
        return Err(error(
            line,
            "at least one resource ARN or `*`",
            quoted(cell),
        ));
    }
    let mut resources: Vec<PageResource> = Vec::new();
    for entry in &entries {
        let resource = parse_resource(entry, line)?;
        if resources.contains(&resource) {
            return Err(error(
                line,
                "each resource once in its cell",
                format!("`{entry}` twice"),
            ));
        }
        resources.push(resource);
    }
    Ok(resources)
}

fn parse_resource(text: &str, line: usize) -> Result<PageResource, ParseError> {
    if text == "*" {
        return Ok(PageResource::Any);
    }
    let expected = "an ARN `arn:aws:sagemaker:region:account-id:<resource>` or `*`";
    let fields: Vec<&str> = text.splitn(6, ':').collect();
    let [arn, partition, service, region, account, resource] = fields[..] else {
        return Err(error(line, expected, quoted(text)));
    };
    if arn != "arn" {
        return Err(error(line, expected, quoted(text)));
    }
    if !matches!(partition, "aws" | "partition" | "${Partition}") {
        return Err(error(line, "the partition `aws` in the ARN", quoted(text)));
    }
    if service != "sagemaker" {
        return Err(error(
            line,
            "the service `sagemaker` in the ARN",
            quoted(text),
        ));
    }
    if !matches!(region, "region" | "${Region}") {
        return Err(error(
            line,
            "the placeholder `region` in the ARN",
            quoted(text),
        ));
    }
    if !matches!(account, "account-id" | "account" | "${Account}") {
        return Err(error(
            line,
            "the placeholder `account-id` in the ARN",
            quoted(text),
        ));
    }
    if resource == "*" {
        return Ok(PageResource::AccountWide {
            as_written: text.to_owned(),
        });
    }

    let mut path = resource.split('/');
    let type_name = path.next().unwrap_or_default();
    let resource_type: ResourceType = type_name.parse().map_err(|_| {
        error(
            line,
            "a SageMaker resource type such as `training-job`",
            quoted(type_name),
        )
    })?;
    let segments = parse_path(resource_type, path.collect(), text, line)?;
    Ok(PageResource::Typed {
        as_written: text.to_owned(),
        resource_type,
        segments,
    })
}

fn parse_path(
    resource_type: ResourceType,
    raw: Vec<&str>,
    arn: &str,
    line: usize,
) -> Result<Vec<PageSegment>, ParseError> {
    let variables = resource_type.variables();
    let expected_variables = || {
        let names: Vec<String> = variables.iter().map(|name| format!("`{name}`")).collect();
        format!("a placeholder for {} in `{arn}`", names.join(" or "))
    };
    if raw.is_empty() {
        return Err(error(line, "a path after the resource type", quoted(arn)));
    }

    let mut segments = Vec::new();
    let mut next_variable = 0;
    for (index, segment) in raw.iter().enumerate() {
        let last = index + 1 == raw.len();
        if *segment == "*" {
            if !last {
                return Err(error(
                    line,
                    "`*` only as the last path segment",
                    quoted(arn),
                ));
            }
            segments.push(PageSegment::Wildcard);
            continue;
        }
        let variable = variables
            .get(next_variable)
            .filter(|name| placeholder_key(name) == placeholder_key(segment));
        if let Some(name) = variable {
            segments.push(PageSegment::Variable {
                name,
                as_written: (*segment).to_owned(),
            });
            next_variable += 1;
        } else if !last && is_literal_segment(segment) {
            segments.push(PageSegment::Literal((*segment).to_owned()));
        } else {
            return Err(error(line, expected_variables(), quoted(segment)));
        }
    }
    // A path that does not end in `*` names every variable of its type.
    let open_ended = segments.last() == Some(&PageSegment::Wildcard);
    if let Some(missing) = variables.get(next_variable).filter(|_| !open_ended) {
        return Err(error(
            line,
            format!("a placeholder for `{missing}` or a final `*`"),
            format!("the end of `{arn}`"),
        ));
    }
    Ok(segments)
}

/// Reduces a placeholder to a key that ignores case, spaces and separators
/// and one trailing `name`, `number` or `id`: `work team name`,
/// `trainingjobname`, `hyperParameterTuningJob` and `versionNumber` meet
/// `WorkteamName`, `TrainingJobName`, `HyperParameterTuningJobName` and
/// `Version`.
fn placeholder_key(text: &str) -> String {
    let key: String = text
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    for suffix in ["name", "number", "id"] {
        if let Some(stem) = key.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem.to_owned();
            }
        }
    }
    key
}

/// Returns whether `segment` can be a literal path segment: lower-case
/// kebab-case, like `private-crowd`.
fn is_literal_segment(segment: &str) -> bool {
    !segment.is_empty()
        && segment
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://docs.aws.amazon.com/sagemaker/latest/APIReference";
    const ARN: &str = "arn:aws:sagemaker:region:account-id";

    /// Builds a small page whose table rows start on line 5.
    fn page(rows: &[String]) -> String {
        format!(
            "# A page\n\n| Operations | Actions | Resources |\n| --- | --- | --- |\n{}\n",
            rows.join("\n")
        )
    }

    fn row(name_cell: &str, actions: &str, resources: &str) -> String {
        format!("|  {name_cell}  |  {actions}  |  {resources}  | ")
    }

    fn link(name: &str) -> String {
        format!("[ `{name}`]({URL}/API_{name}.html)")
    }

    fn parse_one(actions: &str, resources: &str) -> Result<PageOperation, ParseError> {
        let text = page(&[row(&link("CreateModel"), actions, resources)]);
        parse_catalog(&text).map(|mut operations| operations.remove(0))
    }

    fn message(actions: &str, resources: &str) -> String {
        parse_one(actions, resources).unwrap_err().to_string()
    }

    fn model_arn() -> String {
        format!("`{ARN}:model/modelName`")
    }

    #[test]
    fn row_with_code_span_link() {
        let operation = parse_one("`sagemaker:CreateModel` `iam:PassRole`", &model_arn()).unwrap();
        assert_eq!(operation.line, 5);
        assert_eq!(operation.name, "CreateModel");
        assert_eq!(operation.label, "CreateModel");
        assert_eq!(operation.api, Api::Sagemaker);
        assert_eq!(
            operation.documentation_url,
            format!("{URL}/API_CreateModel.html")
        );
        assert_eq!(operation.actions, ["sagemaker:CreateModel", "iam:PassRole"]);
        assert!(operation.conditional.is_empty());
    }

    #[test]
    fn escapes_resolved_outside_code_spans() {
        let pieces = tokenize(r"a\(b\-c\. `x\-y`", 1).unwrap();
        assert_eq!(plain_text(&pieces), r"a(b-c. x\-y");
    }

    #[test]
    fn escaped_parenthetical_is_condition() {
        let operation = parse_one(
            r"`sagemaker:CreateModel` `kms:CreateGrant` \(required only if a `KmsKeyId` is specified\)",
            &model_arn(),
        )
        .unwrap();
        assert_eq!(operation.actions, ["sagemaker:CreateModel"]);
        assert_eq!(
            operation.conditional,
            [PageGroup {
                conditions: vec![Condition::KmsKey],
                description: "required only if a KmsKeyId is specified".to_owned(),
                actions: vec!["kms:CreateGrant".to_owned()],
            }]
        );
    }

    #[test]
    fn link_text_that_is_url() {
        let target = format!("{URL}/API_DescribeModel.html");
        let text = page(&[row(
            &format!("[{target}]({target})"),
            "`sagemaker:DescribeModel`",
            &model_arn(),
        )]);
        let operation = &parse_catalog(&text).unwrap()[0];
        assert_eq!(operation.name, "DescribeModel");
        assert_eq!(operation.documentation_url, target);
    }

    #[test]
    fn link_text_must_match_target() {
        let cell = format!("[ `DescribeModel`]({URL}/API_DeleteModel.html)");
        let text = page(&[row(&cell, "`sagemaker:DeleteModel`", &model_arn())]);
        assert_eq!(
            parse_catalog(&text).unwrap_err().to_string(),
            "catalog.md:5: expected link text `DeleteModel` to match the link target, found `DescribeModel`"
        );
    }

    #[test]
    fn runtime_label_belongs_to_runtime_api() {
        let cell = format!("[ `runtime_InvokeEndpoint`]({URL}/API_runtime_InvokeEndpoint.html)");
        let text = page(&[row(
            &cell,
            "`sagemaker:InvokeEndpoint`",
            &format!("`{ARN}:endpoint/endpointName`"),
        )]);
        let operation = &parse_catalog(&text).unwrap()[0];
        assert_eq!(operation.name, "InvokeEndpoint");
        assert_eq!(operation.label, "runtime_InvokeEndpoint");
        assert_eq!(operation.api, Api::SagemakerRuntime);
    }

    #[test]
    fn augmented_ai_link_belongs_to_a2i_api() {
        let cell = "[StopHumanLoop](https://docs.aws.amazon.com/augmented-ai/2019-11-07/APIReference/API_StopHumanLoop.html)";
        let text = page(&[row(
            cell,
            "`sagemaker:StopHumanLoop`",
            &format!("`{ARN}:human-loop/humanLoopName`"),
        )]);
        let operation = &parse_catalog(&text).unwrap()[0];
        assert_eq!(operation.name, "StopHumanLoop");
        assert_eq!(operation.api, Api::SagemakerA2iRuntime);
    }

    #[test]
    fn unknown_label_prefix_is_error() {
        let cell = format!("[ `edge_Thing`]({URL}/API_edge_Thing.html)");
        let text = page(&[row(&cell, "`sagemaker:Thing`", &model_arn())]);
        assert_eq!(
            parse_catalog(&text).unwrap_err().to_string(),
            format!("catalog.md:5: expected a link target `API_<Name>.html` or `API_runtime_<Name>.html`, found `{URL}/API_edge_Thing.html`")
        );
    }

    #[test]
    fn cell_without_link_is_error() {
        let text = page(&[row("CreateModel", "`sagemaker:CreateModel`", &model_arn())]);
        assert_eq!(
            parse_catalog(&text).unwrap_err().to_string(),
            "catalog.md:5: expected a link `[Name](…/API_Name.html)` to the operation's reference, found `CreateModel`"
        );
    }

    #[test]
    fn actions_without_code_spans() {
        let operation = parse_one("sagemaker:CreateModel iam:PassRole", &model_arn()).unwrap();
        assert_eq!(operation.actions, ["sagemaker:CreateModel", "iam:PassRole"]);
    }

    #[test]
    fn code_span_with_stray_spaces() {
        let operation = parse_one("` sagemaker:CreateModel `", &model_arn()).unwrap();
        assert_eq!(operation.actions, ["sagemaker:CreateModel"]);
    }

    #[test]
    fn sentence_governs_following_actions() {
        let operation = parse_one(
            "`sagemaker:CreateModel` The following permissions are required only if you specify a VPC: \
             `ec2:CreateNetworkInterface` `ec2:DescribeVpcs` \
             The following permission is required only if you specify an AWS Secrets Manager secret: \
             `secretsmanager:GetSecretValue`",
            &model_arn(),
        )
        .unwrap();
        assert_eq!(operation.actions, ["sagemaker:CreateModel"]);
        assert_eq!(operation.conditional.len(), 2);
        assert_eq!(operation.conditional[0].conditions, [Condition::Vpc]);
        assert_eq!(
            operation.conditional[0].description,
            "The following permissions are required only if you specify a VPC"
        );
        assert_eq!(
            operation.conditional[0].actions,
            ["ec2:CreateNetworkInterface", "ec2:DescribeVpcs"]
        );
        assert_eq!(operation.conditional[1].conditions, [Condition::GitSecret]);
        assert_eq!(
            operation.conditional[1].actions,
            ["secretsmanager:GetSecretValue"]
        );
    }

    #[test]
    fn vpc_and_accelerator_are_two_conditions() {
        let operation = parse_one(
            "`sagemaker:CreateModel` The following permission is required only if you specify a VPC and an elastic inference accelerator: `ec2:DescribeVpcEndpoints`",
            &model_arn(),
        )
        .unwrap();
        assert_eq!(
            operation.conditional[0].conditions,
            [Condition::Vpc, Condition::ElasticInference]
        );
    }

    #[test]
    fn encryption_key_is_kms_condition() {
        let operation = parse_one(
            "`sagemaker:CreateModel` The following permissions are required only if you specified an encryption key: `kms:DescribeKey`",
            &model_arn(),
        )
        .unwrap();
        assert_eq!(operation.conditional[0].conditions, [Condition::KmsKey]);
    }

    #[test]
    fn parenthetical_inside_sentence_group_needs_both() {
        let operation = parse_one(
            r"`sagemaker:CreateModel` The following permission is required only if you specify a VPC: `ec2:DescribeVpcs` `kms:CreateGrant` \(required only if a KMS key is given\)",
            &model_arn(),
        )
        .unwrap();
        assert_eq!(operation.conditional[0].actions, ["ec2:DescribeVpcs"]);
        assert_eq!(
            operation.conditional[1].conditions,
            [Condition::Vpc, Condition::KmsKey]
        );
        assert_eq!(operation.conditional[1].actions, ["kms:CreateGrant"]);
    }

    #[test]
    fn unknown_condition_phrase_is_error() {
        assert_eq!(
            message(
                r"`sagemaker:CreateModel` `kms:CreateGrant` \(required only if it rains\)",
                &model_arn()
            ),
            "catalog.md:5: expected a known condition (a VPC, an elastic inference accelerator, a KMS or encryption key, or a Secrets Manager secret), found `required only if it rains`"
        );
    }

    #[test]
    fn parenthetical_without_only_if_is_error() {
        assert_eq!(
            message(r"`sagemaker:CreateModel` \(see the VPC guide\)", &model_arn()),
            "catalog.md:5: expected a condition phrase such as `required only if …`, found `see the VPC guide`"
        );
    }

    #[test]
    fn parenthetical_first_is_error() {
        assert_eq!(
            message(r"\(required only if a VPC is given\) `sagemaker:CreateModel`", &model_arn()),
            "catalog.md:5: expected an action before the parenthetical condition, found `required only if a VPC is given`"
        );
    }

    #[test]
    fn unclosed_parenthetical_is_error() {
        assert_eq!(
            message(
                r"`sagemaker:CreateModel` `kms:CreateGrant` \(required only if",
                &model_arn()
            ),
            "catalog.md:5: expected a `)` to close the parenthetical, found `(required only if`"
        );
    }

    #[test]
    fn sentence_without_actions_is_error() {
        assert_eq!(
            message(
                "`sagemaker:CreateModel` The following permission is required only if you specify a VPC:",
                &model_arn()
            ),
            "catalog.md:5: expected an action after the condition, found `The following permission is required only if you specify a VPC`"
        );
    }

    #[test]
    fn cell_without_action_is_error() {
        assert_eq!(
            message("   ", &model_arn()),
            "catalog.md:5: expected at least one required action, found ``"
        );
    }

    #[test]
    fn prose_without_colon_is_error() {
        assert_eq!(
            message("`sagemaker:CreateModel` see below", &model_arn()),
            "catalog.md:5: expected an action or a sentence ending in `:` that says when the actions after it are required, found `see below`"
        );
    }

    #[test]
    fn malformed_action_is_error() {
        assert_eq!(
            message("`sagemaker:*`", &model_arn()),
            "catalog.md:5: expected an action such as `sagemaker:CreateModel`, found `sagemaker:*`"
        );
    }

    #[test]
    fn unclosed_backtick_is_error() {
        let text = page(&[row(
            &link("CreateModel"),
            "`sagemaker:CreateModel",
            &model_arn(),
        )]);
        assert_eq!(
            parse_catalog(&text).unwrap_err().to_string(),
            "catalog.md:5: expected a closing backtick, found `|  [ `CreateModel`](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModel.html)  |  `sagemaker:CreateModel  |  `arn:aws:sagemaker:region:account-id:model/modelName`  |`"
        );
    }

    #[test]
    fn several_arns_in_one_cell() {
        let operation = parse_one(
            "`sagemaker:CreateEndpoint`",
            &format!("`{ARN}:endpoint/endpointName` `{ARN}:endpoint-config/endpointConfigName`"),
        )
        .unwrap();
        let arns: Vec<String> = operation
            .resources
            .iter()
            .map(PageResource::iam_form)
            .collect();
        assert_eq!(
            arns,
            [
                "arn:${Partition}:sagemaker:${Region}:${Account}:endpoint/${EndpointName}",
                "arn:${Partition}:sagemaker:${Region}:${Account}:endpoint-config/${EndpointConfigName}",
            ]
        );
    }

    #[test]
    fn bare_arns_split_on_whitespace() {
        let operation = parse_one(
            "`sagemaker:CreateModel`",
            &format!("{ARN}:model/modelName {ARN}:model/otherModelName"),
        );
        // The second placeholder does not name `ModelName`, so it is rejected
        // rather than read as a literal segment.
        assert!(operation.is_err());
        let operation = parse_one(
            "`sagemaker:CreateModel`",
            &format!("{ARN}:model/modelName *"),
        )
        .unwrap();
        assert_eq!(operation.resources.len(), 2);
        assert_eq!(operation.resources[1], PageResource::Any);
    }

    #[test]
    fn star_alone_and_account_wide() {
        let operation = parse_one("`sagemaker:AddTags`", &format!("`*` `{ARN}:*`")).unwrap();
        assert_eq!(operation.resources[0], PageResource::Any);
        assert_eq!(operation.resources[0].iam_form(), "*");
        assert_eq!(
            operation.resources[1],
            PageResource::AccountWide {
                as_written: format!("{ARN}:*")
            }
        );
        assert_eq!(
            operation.resources[1].iam_form(),
            "arn:${Partition}:sagemaker:${Region}:${Account}:*"
        );
    }

    #[test]
    fn trailing_wildcards() {
        let operation = parse_one(
            "`sagemaker:CreateImageVersion`",
            &format!("`{ARN}:image/*` `{ARN}:image-version/imageName/*`"),
        )
        .unwrap();
        assert_eq!(
            operation.resources[0].iam_form(),
            "arn:${Partition}:sagemaker:${Region}:${Account}:image/*"
        );
        assert_eq!(
            operation.resources[1].iam_form(),
            "arn:${Partition}:sagemaker:${Region}:${Account}:image-version/${ImageName}/*"
        );
    }

    #[test]
    fn wildcard_in_middle_is_error() {
        assert_eq!(
            message("`sagemaker:X`", &format!("`{ARN}:image-version/*/versionNumber`")),
            format!("catalog.md:5: expected `*` only as the last path segment, found `{ARN}:image-version/*/versionNumber`")
        );
    }

    #[test]
    fn literal_crowd_segments() {
        let operation = parse_one(
            "`sagemaker:CreateWorkteam`",
            &format!("`{ARN}:workteam/private-crowd/work team name` `{ARN}:workteam/vendor-crowd/work team name`"),
        )
        .unwrap();
        let PageResource::Typed { segments, .. } = &operation.resources[0] else {
            panic!("expected a typed resource");
        };
        assert_eq!(
            segments[0],
            PageSegment::Literal("private-crowd".to_owned())
        );
        assert_eq!(
            segments[1],
            PageSegment::Variable {
                name: "WorkteamName",
                as_written: "work team name".to_owned()
            }
        );
        assert_eq!(
            operation.resources[1].iam_form(),
            "arn:${Partition}:sagemaker:${Region}:${Account}:workteam/vendor-crowd/${WorkteamName}"
        );
    }

    #[test]
    fn placeholder_spellings_map_to_iam_names() {
        let cases = [
            (
                "training-job/trainingJobName",
                "training-job/${TrainingJobName}",
            ),
            (
                "training-job/trainingjobname",
                "training-job/${TrainingJobName}",
            ),
            (
                "hyper-parameter-tuning-job/hyperParameterTuningJob",
                "hyper-parameter-tuning-job/${HyperParameterTuningJobName}",
            ),
            ("workteam/work team name", "workteam/${WorkteamName}"),
            (
                "image-version/imageName/versionNumber",
                "image-version/${ImageName}/${Version}",
            ),
            (
                "human-task-ui/humanTaskUiName",
                "human-task-ui/${HumanTaskUiName}",
            ),
        ];
        for (path, expected) in cases {
            let operation = parse_one("`sagemaker:X`", &format!("`{ARN}:{path}`")).unwrap();
            assert_eq!(
                operation.resources[0].iam_form(),
                format!("arn:${{Partition}}:sagemaker:${{Region}}:${{Account}}:{expected}"),
                "{path}"
            );
        }
    }

    #[test]
    fn misspelled_placeholder_is_error() {
        assert_eq!(
            message("`sagemaker:X`", &format!("`{ARN}:endpoint/endpontName`")),
            format!("catalog.md:5: expected a placeholder for `EndpointName` in `{ARN}:endpoint/endpontName`, found `endpontName`")
        );
    }

    #[test]
    fn path_missing_variable_is_error() {
        assert_eq!(
            message("`sagemaker:X`", &format!("`{ARN}:image-version/imageName`")),
            format!("catalog.md:5: expected a placeholder for `Version` or a final `*`, found the end of `{ARN}:image-version/imageName`")
        );
        // A misspelled placeholder read as a literal leaves a variable unfilled.
        assert!(parse_one(
            "`sagemaker:X`",
            &format!("`{ARN}:image-version/imagname/imagename`")
        )
        .is_err());
    }

    #[test]
    fn negated_condition_is_error() {
        assert_eq!(
            message(
                r"`sagemaker:CreateModel` `ec2:DescribeVpcs` \(required only if you do not specify a VPC\)",
                &model_arn()
            ),
            "catalog.md:5: expected a condition that something is given, not that it is absent, found `required only if you do not specify a VPC`"
        );
        assert!(parse_one(
            r"`sagemaker:CreateModel` `kms:CreateGrant` \(required only if you don't specify a KMS key\)",
            &model_arn()
        )
        .is_err());
    }

    #[test]
    fn qualifier_clause_may_negate() {
        let operation = parse_one(
            r"`sagemaker:CreateModel` `kms:CreateGrant` \(required only if a `VolumeKmsKeyId` is specified and the associated role does not have a policy that permits this action\)",
            &model_arn(),
        )
        .unwrap();
        assert_eq!(operation.conditional[0].conditions, [Condition::KmsKey]);
    }

    #[test]
    fn duplicate_action_is_error() {
        assert_eq!(
            message(
                "`sagemaker:CreateModel` `iam:PassRole` `iam:PassRole`",
                &model_arn()
            ),
            "catalog.md:5: expected each action once in its list, found `iam:PassRole` twice"
        );
    }

    #[test]
    fn duplicate_resource_is_error() {
        assert_eq!(
            message("`sagemaker:X`", &format!("{} {}", model_arn(), model_arn())),
            format!("catalog.md:5: expected each resource once in its cell, found `{ARN}:model/modelName` twice")
        );
    }

    #[test]
    fn folded_name_collision_is_error() {
        let text = page(&[
            row(
                &link("CreateModel"),
                "`sagemaker:CreateModel`",
                &model_arn(),
            ),
            row(
                &link("CREATEMODEL"),
                "`sagemaker:CreateModel`",
                &model_arn(),
            ),
        ]);
        assert_eq!(
            parse_catalog(&text).unwrap_err().to_string(),
            "catalog.md:6: expected a name that no other operation shares when case, `_` and `-` are ignored (line 5 has `createmodel`), found `CREATEMODEL`"
        );
    }

    #[test]
    fn action_spellings_must_agree() {
        let text = page(&[
            row(
                &link("CreateModel"),
                "`sagemaker:CreateModel` `iam:PassRole`",
                &model_arn(),
            ),
            row(
                &link("DeleteModel"),
                "`sagemaker:DeleteModel` `iam:Passrole`",
                &model_arn(),
            ),
        ]);
        assert_eq!(
            parse_catalog(&text).unwrap_err().to_string(),
            "catalog.md:6: expected one spelling of each action, as `iam:PassRole` elsewhere, found `iam:Passrole`"
        );
    }

    #[test]
    fn unknown_resource_type_is_error() {
        assert_eq!(
            message("`sagemaker:X`", &format!("`{ARN}:pipeline/pipelineName`")),
            "catalog.md:5: expected a SageMaker resource type such as `training-job`, found `pipeline`"
        );
    }

    #[test]
    fn unparsable_arn_is_error() {
        assert_eq!(
            message("`sagemaker:X`", "`arn:aws:sagemaker:region:model/x`"),
            "catalog.md:5: expected an ARN `arn:aws:sagemaker:region:account-id:<resource>` or `*`, found `arn:aws:sagemaker:region:model/x`"
        );
        assert_eq!(
            message("`sagemaker:X`", "`arn:aws:s3:region:account-id:bucket/x`"),
            "catalog.md:5: expected the service `sagemaker` in the ARN, found `arn:aws:s3:region:account-id:bucket/x`"
        );
        assert_eq!(
            message("`sagemaker:X`", "`arn:aws:sagemaker:us-east-1:account-id:model/modelName`"),
            "catalog.md:5: expected the placeholder `region` in the ARN, found `arn:aws:sagemaker:us-east-1:account-id:model/modelName`"
        );
        assert_eq!(
            message("`sagemaker:X`", &format!("`{ARN}:model`")),
            format!("catalog.md:5: expected a path after the resource type, found `{ARN}:model`")
        );
    }

    #[test]
    fn empty_resources_cell_is_error() {
        assert_eq!(
            message("`sagemaker:X`", " "),
            "catalog.md:5: expected at least one resource ARN or `*`, found ``"
        );
    }

    #[test]
    fn duplicate_operation_names_both_lines() {
        let text = page(&[
            row(
                &link("CreateModel"),
                "`sagemaker:CreateModel`",
                &model_arn(),
            ),
            row(
                &link("DeleteModel"),
                "`sagemaker:DeleteModel`",
                &model_arn(),
            ),
            row(
                &link("CreateModel"),
                "`sagemaker:CreateModel`",
                &model_arn(),
            ),
        ]);
        assert_eq!(
            parse_catalog(&text).unwrap_err().to_string(),
            "catalog.md:7: expected each operation once (`CreateModel` is on line 5), found `CreateModel` again"
        );
    }

    #[test]
    fn wrong_cell_count_is_error() {
        let text = page(&["|  a  |  b  | ".to_owned()]);
        assert_eq!(
            parse_catalog(&text).unwrap_err().to_string(),
            "catalog.md:5: expected 3 cells (operation, actions, resources) but the row has 2, found `|  a  |  b  |`"
        );
    }

    #[test]
    fn missing_table_is_error() {
        assert_eq!(
            parse_catalog("# Title\n\nNo table here.\n").unwrap_err().to_string(),
            "catalog.md:3: expected a markdown table with a header and a `| --- |` separator row, found no table"
        );
    }

    #[test]
    fn table_without_rows_is_error() {
        assert_eq!(
            parse_catalog(&page(&[])).unwrap_err().to_string(),
            "catalog.md:3: expected at least one operation row, found none"
        );
    }

    #[test]
    fn last_row_without_newline() {
        let mut text = page(&[row(
            &link("CreateModel"),
            "`sagemaker:CreateModel`",
            &model_arn(),
        )]);
        text.pop();
        assert_eq!(parse_catalog(&text).unwrap().len(), 1);
    }

    #[test]
    fn corrections_replace_and_record() {
        let rows = [CorrectionRow {
            operation: "CreateModel",
            as_written: "sagemaker:CreateModle",
            corrected: "sagemaker:CreateModel",
            reason: "typo",
        }];
        let mut operations = parse_catalog(&page(&[row(
            &link("CreateModel"),
            "`sagemaker:CreateModle`",
            &model_arn(),
        )]))
        .unwrap();
        apply_corrections(&mut operations, &rows).unwrap();
        assert_eq!(operations[0].actions, ["sagemaker:CreateModel"]);
        assert_eq!(operations[0].corrections, [0]);
    }

    #[test]
    fn bundled_page_parses() {
        let text = include_str!("../catalog.md");
        let operations = parse_catalog(text).unwrap();
        assert_eq!(operations.len(), 76);
    }

    #[test]
    fn conditions_never_include_iam_only() {
        let wordings = [
            "required only if the request carries tags",
            "required only if you deploy a model from a SageMaker hub",
            "required only if you specify a VPC, tags and an elastic inference accelerator",
        ];
        for wording in wordings {
            let conditions = classify_condition(wording, 1).unwrap_or_default();
            assert!(!conditions.contains(&Condition::Tags), "{wording}");
            assert!(!conditions.contains(&Condition::HubModel), "{wording}");
            assert!(!conditions.contains(&Condition::ExecutionRole), "{wording}");
        }
    }

    #[test]
    fn corrections_apply_to_named_operation_only() {
        let text = "| a | b | c |\n| --- | --- | --- |\n\
            | [ `ListModels`](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ListModels.html) | `sagemaker:ListModel` | `*` |\n\
            | [ `ListImages`](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ListImages.html) | `sagemaker:ListModel` | `*` |\n";
        let mut operations = parse_catalog(text).unwrap();
        let rows = [CorrectionRow {
            operation: "ListModels",
            as_written: "sagemaker:ListModel",
            corrected: "sagemaker:ListModels",
            reason: "",
        }];
        apply_corrections(&mut operations, &rows).unwrap();
        assert_eq!(operations[0].actions, ["sagemaker:ListModels"]);
        assert_eq!(operations[0].corrections, [0]);
        assert_eq!(operations[1].actions, ["sagemaker:ListModel"]);
        assert!(operations[1].corrections.is_empty());
    }

    #[test]
    fn correction_without_match_fails() {
        let text = "| a | b | c |\n| --- | --- | --- |\n\
            | [ `ListModels`](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ListModels.html) | `sagemaker:ListModels` | `*` |\n";
        let mut operations = parse_catalog(text).unwrap();
        let rows = [CorrectionRow {
            operation: "ListModels",
            as_written: "sagemaker:ListModel",
            corrected: "sagemaker:ListModels",
            reason: "",
        }];
        assert_eq!(
            apply_corrections(&mut operations, &rows).unwrap_err(),
            "src/differences.rs: the correction of `sagemaker:ListModel` matches no action of operation `ListModels` on the page; remove the row"
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn parser_never_panics(text in "\\PC*") {
                let _ = parse_catalog(&text);
            }

            #[test]
            fn row_parser_never_panics(
                name in "[ `\\[\\]()a-zA-Z_:/.\\\\-]{0,40}",
                actions in "[ `()\\\\a-zA-Z:*.-]{0,80}",
                resources in "[ `*a-z:/-]{0,80}",
            ) {
                let _ = parse_catalog(&page(&[row(&name, &actions, &resources)]));
            }

            #[test]
            fn bundled_rows_survive_any_edit(line in 0usize..76, position in 0usize..400, inserted in "\\PC{0,3}") {
                let text = include_str!("../catalog.md");
                let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
                let target = &mut lines[16 + line];
                let mut at = position.min(target.len());
                while !target.is_char_boundary(at) {
                    at -= 1;
                }
                target.insert_str(at, &inserted);
                let _ = parse_catalog(&lines.join("\n"));
            }
        }
    }
}
