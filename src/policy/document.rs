//! The IAM policy document: statements, JSON output and size limits.

use std::fmt;

use crate::model::Action;
use crate::requirements::Source;

/// The policy language version every generated document declares.
pub const POLICY_VERSION: &str = "2012-10-17";

/// An IAM identity-based policy document.
///
/// `Display` writes the compact JSON that `aws iam create-policy
/// --policy-document` accepts; [`to_json_pretty`](Self::to_json_pretty)
/// writes the same with indentation. With the `serde` feature the document
/// also implements `serde::Serialize` with the same layout.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PolicyDocument {
    pub(crate) source: Source,
    pub(crate) statements: Vec<Statement>,
}

/// One `Allow` statement of a [`PolicyDocument`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Statement {
    pub(crate) sid: String,
    pub(crate) actions: Vec<Action>,
    pub(crate) resources: Vec<String>,
    pub(crate) condition: Option<StatementCondition>,
}

/// A `Condition` block with one operator, one key and its values.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StatementCondition {
    pub(crate) operator: &'static str,
    pub(crate) key: &'static str,
    pub(crate) values: &'static [&'static str],
}

impl StatementCondition {
    /// `iam:PassedToService` = `sagemaker.amazonaws.com`: the role may be
    /// passed only to SageMaker.
    pub(crate) const PASSED_TO_SAGEMAKER: StatementCondition = StatementCondition {
        operator: "StringEquals",
        key: "iam:PassedToService",
        values: &["sagemaker.amazonaws.com"],
    };

    /// Returns the condition operator, such as `StringEquals`.
    pub fn operator(&self) -> &'static str {
        self.operator
    }

    /// Returns the condition key, such as `iam:PassedToService`.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// Returns the values the key is compared with.
    pub fn values(&self) -> &'static [&'static str] {
        self.values
    }
}

impl Statement {
    /// Returns the statement id, letters and digits only, unique in its document.
    pub fn sid(&self) -> &str {
        &self.sid
    }

    /// Returns the actions, sorted ignoring case, each once.
    pub fn actions(&self) -> &[Action] {
        &self.actions
    }

    /// Returns the resource ARNs and patterns, sorted, each once.
    pub fn resources(&self) -> &[String] {
        &self.resources
    }

    /// Returns the characters the statement adds to a compact policy
    /// document, whitespace not counted, computed without writing the JSON.
    pub(crate) fn size(&self) -> usize {
        let strings = |items: &mut dyn Iterator<Item = &str>| -> usize {
            let mut count: usize = 0;
            let mut total = 2; // the brackets
            for item in items {
                total += json_string_size(item);
                count += 1;
            }
            total + count.saturating_sub(1)
        };
        // {"Sid":…,"Effect":"Allow","Action":[…],"Resource":[…]}
        let mut size = 2 + r#""Sid":"#.len() + json_string_size(&self.sid);
        size += r#","Effect":"Allow""#.len();
        size += r#","Action":"#.len() + strings(&mut self.actions.iter().map(Action::as_str));
        size += r#","Resource":"#.len() + strings(&mut self.resources.iter().map(String::as_str));
        if let Some(condition) = &self.condition {
            // ,"Condition":{"Operator":{"key":[…]}}
            size += r#","Condition":"#.len() + 2 + json_string_size(condition.operator) + 1;
            size += 2 + json_string_size(condition.key) + 1;
            size += strings(&mut condition.values.iter().copied());
        }
        size
    }

    /// Returns the statement's condition, if it has one.
    pub fn condition(&self) -> Option<&StatementCondition> {
        self.condition.as_ref()
    }
}

impl PolicyDocument {
    /// Returns which requirements the document grants: IAM's (the default)
    /// or the page's alone. Every `Sid` starts with `Iam` or `Page` to say
    /// the same inside the JSON.
    pub fn source(&self) -> Source {
        self.source
    }

    /// Returns the statements in the order they are written.
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    /// Returns the number of characters IAM counts against its size limits:
    /// the compact JSON's characters, whitespace not counted. Allocates nothing.
    pub fn size(&self) -> usize {
        let statements: usize = self.statements.iter().map(Statement::size).sum();
        let commas = self.statements.len().saturating_sub(1);
        let mut empty = CharCounter::default();
        write_document(
            &mut empty,
            &PolicyDocument {
                source: self.source,
                statements: Vec::new(),
            },
            false,
        )
        .expect("counting cannot fail");
        empty.count + statements + commas
    }

    /// Returns the JSON with two-space indentation.
    pub fn to_json_pretty(&self) -> String {
        let mut out = String::new();
        write_document(&mut out, self, true).expect("writing to a String cannot fail");
        out
    }
}

impl fmt::Display for PolicyDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_document(f, self, false)
    }
}

/// Counts the characters written to it, whitespace not counted, as IAM
/// counts a policy's size.
#[derive(Default)]
struct CharCounter {
    count: usize,
}

impl fmt::Write for CharCounter {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.count += text.chars().filter(|c| !c.is_whitespace()).count();
        Ok(())
    }
}

/// Returns the characters `text` takes as a JSON string, quotes and escapes
/// included, whitespace not counted.
fn json_string_size(text: &str) -> usize {
    let mut counter = CharCounter::default();
    if text
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\')
    {
        return text.len() + 2;
    }
    write_json_string(&mut counter, text).expect("counting cannot fail");
    counter.count
}

/// Writes `text` as a JSON string, copying runs that need no escape at once.
fn write_json_string(out: &mut impl fmt::Write, text: &str) -> fmt::Result {
    out.write_char('"')?;
    let mut start = 0;
    for (index, c) in text.char_indices() {
        let escaped = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if c.is_control() => "",
            _ => continue,
        };
        out.write_str(&text[start..index])?;
        if escaped.is_empty() {
            write!(out, "\\u{:04x}", u32::from(c))?;
        } else {
            out.write_str(escaped)?;
        }
        start = index + c.len_utf8();
    }
    out.write_str(&text[start..])?;
    out.write_char('"')
}

/// A writer of JSON objects and arrays, compact or indented.
struct JsonWriter<'a, W: fmt::Write> {
    out: &'a mut W,
    pretty: bool,
    depth: usize,
}

impl<W: fmt::Write> JsonWriter<'_, W> {
    fn newline(&mut self) -> fmt::Result {
        if self.pretty {
            self.out.write_char('\n')?;
            for _ in 0..self.depth {
                self.out.write_str("  ")?;
            }
        }
        Ok(())
    }

    fn open(&mut self, bracket: char) -> fmt::Result {
        self.out.write_char(bracket)?;
        self.depth += 1;
        Ok(())
    }

    fn close(&mut self, bracket: char) -> fmt::Result {
        self.depth -= 1;
        self.newline()?;
        self.out.write_char(bracket)
    }

    fn key(&mut self, first: bool, key: &str) -> fmt::Result {
        if !first {
            self.out.write_char(',')?;
        }
        self.newline()?;
        write_json_string(self.out, key)?;
        self.out.write_str(if self.pretty { ": " } else { ":" })
    }

    fn strings<'s>(&mut self, items: impl Iterator<Item = &'s str>) -> fmt::Result {
        self.open('[')?;
        for (index, item) in items.enumerate() {
            if index > 0 {
                self.out.write_char(',')?;
            }
            self.newline()?;
            write_json_string(self.out, item)?;
        }
        self.close(']')
    }
}

fn write_document(
    out: &mut impl fmt::Write,
    document: &PolicyDocument,
    pretty: bool,
) -> fmt::Result {
    let mut json = JsonWriter {
        out,
        pretty,
        depth: 0,
    };
    json.open('{')?;
    json.key(true, "Version")?;
    write_json_string(json.out, POLICY_VERSION)?;
    json.key(false, "Statement")?;
    json.open('[')?;
    for (index, statement) in document.statements.iter().enumerate() {
        if index > 0 {
            json.out.write_char(',')?;
        }
        json.newline()?;
        write_statement(&mut json, statement)?;
    }
    json.close(']')?;
    json.close('}')
}

fn write_statement<W: fmt::Write>(
    json: &mut JsonWriter<'_, W>,
    statement: &Statement,
) -> fmt::Result {
    json.open('{')?;
    json.key(true, "Sid")?;
    write_json_string(json.out, &statement.sid)?;
    json.key(false, "Effect")?;
    write_json_string(json.out, "Allow")?;
    json.key(false, "Action")?;
    json.strings(statement.actions.iter().map(Action::as_str))?;
    json.key(false, "Resource")?;
    json.strings(statement.resources.iter().map(String::as_str))?;
    if let Some(condition) = &statement.condition {
        json.key(false, "Condition")?;
        json.open('{')?;
        json.key(true, condition.operator)?;
        json.open('{')?;
        json.key(true, condition.key)?;
        json.strings(condition.values.iter().copied())?;
        json.close('}')?;
        json.close('}')?;
    }
    json.close('}')
}

#[cfg(feature = "serde")]
mod serialize {
    use serde::ser::{SerializeMap, SerializeStruct, Serializer};
    use serde::Serialize;

    use super::{PolicyDocument, Statement, StatementCondition, POLICY_VERSION};

    impl Serialize for PolicyDocument {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut document = serializer.serialize_struct("PolicyDocument", 2)?;
            document.serialize_field("Version", POLICY_VERSION)?;
            document.serialize_field("Statement", &self.statements)?;
            document.end()
        }
    }

    impl Serialize for Statement {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let fields = if self.condition.is_some() { 5 } else { 4 };
            let mut statement = serializer.serialize_struct("Statement", fields)?;
            statement.serialize_field("Sid", &self.sid)?;
            statement.serialize_field("Effect", "Allow")?;
            statement.serialize_field("Action", &self.actions)?;
            statement.serialize_field("Resource", &self.resources)?;
            if let Some(condition) = &self.condition {
                statement.serialize_field("Condition", condition)?;
            } else {
                statement.skip_field("Condition")?;
            }
            statement.end()
        }
    }

    /// Serializes as `{"StringEquals": {"iam:PassedToService": [...]}}`.
    impl Serialize for StatementCondition {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            struct Inner<'a>(&'a StatementCondition);
            impl Serialize for Inner<'_> {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    let mut map = serializer.serialize_map(Some(1))?;
                    map.serialize_entry(self.0.key, self.0.values)?;
                    map.end()
                }
            }
            let mut map = serializer.serialize_map(Some(1))?;
            map.serialize_entry(self.operator, &Inner(self))?;
            map.end()
        }
    }
}
