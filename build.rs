//! Parses `catalog.md` and writes the catalog's static tables to
//! `$OUT_DIR/catalog.rs`, which `src/lib.rs` includes in a private module.
//!
//! A page that does not parse stops the build with
//! `catalog.md:LINE: expected …, found …`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs, process};

use sha2::{Digest, Sha256};

#[path = "src/corrections.rs"]
#[allow(dead_code)]
mod corrections;
#[path = "src/keys.rs"]
#[allow(dead_code)]
mod keys;
#[path = "src/kinds.rs"]
#[allow(dead_code)]
mod kinds;
#[path = "src/parser.rs"]
#[allow(dead_code)]
mod parser;

use corrections::CORRECTION_ROWS;
use parser::{PageOperation, PageResource, PageSegment};

fn main() {
    for path in [
        "catalog.md",
        "build.rs",
        "src/corrections.rs",
        "src/kinds.rs",
        "src/parser.rs",
        "src/keys.rs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }

    let page = match fs::read("catalog.md") {
        Ok(bytes) => bytes,
        Err(err) => fail(&format!("catalog.md: failed to read: {err}")),
    };
    let text = match String::from_utf8(page.clone()) {
        Ok(text) => text,
        Err(err) => fail(&format!("catalog.md: invalid UTF-8: {err}")),
    };
    let mut operations = match parser::parse_catalog(&text) {
        Ok(operations) => operations,
        Err(err) => fail(&err.to_string()),
    };
    if let Err(message) = parser::apply_corrections(&mut operations, CORRECTION_ROWS) {
        fail(&message);
    }

    let code = match generate(&operations, &page) {
        Ok(code) => code,
        Err(message) => fail(&message),
    };
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts"));
    if let Err(err) = fs::write(out.join("catalog.rs"), code) {
        fail(&format!("failed to write the generated catalog: {err}"));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    println!("cargo:warning={message}");
    process::exit(1);
}

/// Returns the Rust expression of an action literal.
fn action_literal(action: &str) -> String {
    let colon = action
        .find(':')
        .expect("the parser accepts only actions with a service prefix");
    format!("Action {{ text: {action:?}, colon: {colon} }}")
}

fn actions_literal(actions: &[String]) -> String {
    let items: Vec<String> = actions
        .iter()
        .map(|action| action_literal(action))
        .collect();
    format!("&[{}]", items.join(", "))
}

fn resource_literal(resource: &PageResource) -> String {
    let (kind, segments) = match resource {
        PageResource::Any => ("TemplateKind::Any".to_owned(), String::new()),
        PageResource::AccountWide { .. } => ("TemplateKind::AccountWide".to_owned(), String::new()),
        PageResource::Typed {
            resource_type,
            segments,
            ..
        } => {
            let items: Vec<String> = segments
                .iter()
                .map(|segment| match segment {
                    PageSegment::Literal(text) => format!("Segment::Literal({text:?})"),
                    PageSegment::Variable { name, as_written } => format!(
                        "Segment::Variable(Variable {{ name: {name:?}, as_written: {as_written:?} }})"
                    ),
                    PageSegment::Wildcard => "Segment::Wildcard".to_owned(),
                })
                .collect();
            (
                format!("TemplateKind::Resource(ResourceType::{resource_type:?})"),
                items.join(", "),
            )
        }
    };
    format!(
        "ArnTemplate {{ as_written: {:?}, iam_form: {:?}, kind: {kind}, segments: &[{segments}] }}",
        resource.as_written(),
        resource.iam_form(),
    )
}

fn operation_literal(operation: &PageOperation) -> String {
    let groups: Vec<String> = operation
        .conditional
        .iter()
        .map(|group| {
            let conditions: Vec<String> = group
                .conditions
                .iter()
                .map(|condition| format!("Condition::{condition:?}"))
                .collect();
            format!(
                "ConditionalGroup {{ conditions: &[{}], description: {:?}, actions: {} }}",
                conditions.join(", "),
                group.description,
                actions_literal(&group.actions),
            )
        })
        .collect();
    let resources: Vec<String> = operation.resources.iter().map(resource_literal).collect();
    let corrections: Vec<String> = operation
        .corrections
        .iter()
        .map(|&row| {
            let row = &CORRECTION_ROWS[row];
            format!(
                "Correction {{ as_written: {}, corrected: {}, reason: {:?} }}",
                action_literal(row.as_written),
                action_literal(row.corrected),
                row.reason,
            )
        })
        .collect();
    format!(
        "Operation {{\n    name: {:?},\n    label: {:?},\n    api: Api::{:?},\n    documentation_url: {:?},\n    page_line: {},\n    actions: {},\n    conditional_actions: &[{}],\n    resources: &[{}],\n    corrections: &[{}],\n}}",
        operation.name,
        operation.label,
        operation.api,
        operation.documentation_url,
        operation.line,
        actions_literal(&operation.actions),
        groups.join(", "),
        resources.join(", "),
        corrections.join(", "),
    )
}

/// Inserts `key` into a lookup map, failing when two operations claim it.
fn insert_unique(
    map: &mut BTreeMap<String, usize>,
    key: String,
    index: usize,
    operations: &[PageOperation],
) -> Result<(), String> {
    match map.get(&key) {
        Some(&other) if other != index => Err(format!(
            "catalog.md:{}: expected a name that no other operation shares when case and `_`/`-` are ignored, found `{}` (also line {})",
            operations[index].line, key, operations[other].line
        )),
        _ => {
            map.insert(key, index);
            Ok(())
        }
    }
}

fn index_list(indices: &BTreeSet<usize>) -> String {
    let items: Vec<String> = indices.iter().map(usize::to_string).collect();
    format!("&[{}]", items.join(", "))
}

fn generate(operations: &[PageOperation], page: &[u8]) -> Result<String, String> {
    let mut code = String::new();
    let digest = Sha256::digest(page);
    let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();

    writeln!(
        code,
        "// @generated by build.rs from catalog.md; do not edit."
    )
    .unwrap();
    writeln!(code, "pub(crate) const CATALOG_SHA256: &str = {hex:?};").unwrap();
    writeln!(
        code,
        "pub(crate) const OPERATION_COUNT: usize = {};",
        operations.len()
    )
    .unwrap();

    writeln!(
        code,
        "pub(crate) static OPERATIONS: [Operation; {}] = [",
        operations.len()
    )
    .unwrap();
    for operation in operations {
        writeln!(code, "{},", operation_literal(operation)).unwrap();
    }
    writeln!(code, "];").unwrap();

    // Exact names.
    let mut exact = phf_codegen::Map::new();
    let indices: Vec<String> = (0..operations.len()).map(|i| i.to_string()).collect();
    for (operation, index) in operations.iter().zip(&indices) {
        exact.entry(operation.name.as_str(), index);
    }
    writeln!(
        code,
        "pub(crate) static BY_NAME: phf::Map<&'static str, u16> = {};",
        exact.build()
    )
    .unwrap();

    // Names and labels with case and separators folded.
    let mut folded: BTreeMap<String, usize> = BTreeMap::new();
    for (index, operation) in operations.iter().enumerate() {
        for spelling in [&operation.name, &operation.label] {
            let key = keys::fold_name(spelling).ok_or_else(|| {
                format!(
                    "catalog.md:{}: expected a name of at most {} characters, found `{spelling}`",
                    operation.line,
                    keys::MAX_KEY
                )
            })?;
            insert_unique(&mut folded, key.as_str().to_owned(), index, operations)?;
        }
    }
    let mut folded_map = phf_codegen::Map::new();
    let folded_values: Vec<(String, String)> = folded
        .iter()
        .map(|(key, index)| (key.clone(), index.to_string()))
        .collect();
    for (key, index) in &folded_values {
        folded_map.entry(key.as_str(), index);
    }
    writeln!(
        code,
        "pub(crate) static BY_FOLDED_NAME: phf::Map<&'static str, u16> = {};",
        folded_map.build()
    )
    .unwrap();

    // Action -> operations, under IAM's spelling and under the page's.
    let mut by_action: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    let mut distinct: BTreeMap<String, String> = BTreeMap::new();
    for (index, operation) in operations.iter().enumerate() {
        let all = operation.actions.iter().chain(
            operation
                .conditional
                .iter()
                .flat_map(|group| &group.actions),
        );
        for action in all {
            let key = action.to_ascii_lowercase();
            if let Some(existing) = distinct.get(&key) {
                if existing != action {
                    return Err(format!(
                        "catalog.md:{}: expected one spelling of each action, found `{action}` and `{existing}`",
                        operation.line
                    ));
                }
            }
            distinct.insert(key.clone(), action.clone());
            by_action.entry(key).or_default().insert(index);
        }
        for &row in &operation.corrections {
            let as_written = CORRECTION_ROWS[row].as_written.to_ascii_lowercase();
            by_action.entry(as_written).or_default().insert(index);
        }
    }
    let action_values: Vec<(String, String)> = by_action
        .iter()
        .map(|(key, indices)| (key.clone(), index_list(indices)))
        .collect();
    let mut action_map = phf_codegen::Map::new();
    for (key, list) in &action_values {
        action_map.entry(key.as_str(), list);
    }
    writeln!(
        code,
        "pub(crate) static BY_ACTION: phf::Map<&'static str, &'static [u16]> = {};",
        action_map.build()
    )
    .unwrap();

    let actions: Vec<String> = distinct
        .values()
        .map(|action| action_literal(action))
        .collect();
    writeln!(
        code,
        "pub(crate) static ACTIONS: [Action; {}] = [{}];",
        actions.len(),
        actions.join(", ")
    )
    .unwrap();

    // Distinct ARN templates (by IAM form, in order of first appearance) and
    // the operations that list each one.
    let mut template_order: Vec<(String, &PageResource)> = Vec::new();
    let mut template_users: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (index, operation) in operations.iter().enumerate() {
        for resource in &operation.resources {
            let form = resource.iam_form();
            if !template_users.contains_key(&form) {
                template_order.push((form.clone(), resource));
            }
            template_users.entry(form).or_default().insert(index);
        }
    }
    let templates: Vec<String> = template_order
        .iter()
        .map(|(_, resource)| resource_literal(resource))
        .collect();
    writeln!(
        code,
        "pub(crate) static TEMPLATES: [ArnTemplate; {}] = [{}];",
        templates.len(),
        templates.join(", ")
    )
    .unwrap();
    let users: Vec<String> = template_order
        .iter()
        .map(|(form, _)| index_list(&template_users[form]))
        .collect();
    writeln!(
        code,
        "pub(crate) static TEMPLATE_OPERATIONS: [&'static [u16]; {}] = [{}];",
        users.len(),
        users.join(", ")
    )
    .unwrap();

    // Resource type -> operations.
    let mut by_type: BTreeMap<&'static str, BTreeSet<usize>> = BTreeMap::new();
    for (index, operation) in operations.iter().enumerate() {
        for resource in &operation.resources {
            if let PageResource::Typed { resource_type, .. } = resource {
                by_type
                    .entry(resource_type.as_str())
                    .or_default()
                    .insert(index);
            }
        }
    }
    let type_values: Vec<(&str, String)> = by_type
        .iter()
        .map(|(key, indices)| (*key, index_list(indices)))
        .collect();
    let mut type_map = phf_codegen::Map::new();
    for (key, list) in &type_values {
        type_map.entry(*key, list);
    }
    writeln!(
        code,
        "pub(crate) static BY_RESOURCE_TYPE: phf::Map<&'static str, &'static [u16]> = {};",
        type_map.build()
    )
    .unwrap();

    Ok(code)
}
