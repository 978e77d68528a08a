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
//!   the operation; link text that is a name must equal the label. A label
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
    Ok(operations)
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

/// Where the actions of the cell go while it is read.
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
                push_action(&mut required, &mut groups, target, code.clone());
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
                    push_action(&mut required, &mut groups, target, word);
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

fn push_action(
    required: &mut Vec<String>,
    groups: &mut [PageGroup],
    target: Target,
    action: String,
) {
    match target {
        Target::Required => required.push(action),
        Target::Group(index) => groups[index].actions.push(action),
    }
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
    entries
        .iter()
        .map(|entry| parse_resource(entry, line))
        .collect()
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

/// A literal path segment is lower-case kebab-case, like `private-crowd`.
fn is_literal_segment(segment: &str) -> bool {
    !segment.is_empty()
        && segment
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
