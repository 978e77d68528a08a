//! Compares the catalog's export with `tests/data/golden.json`, which was
//! written by hand from `catalog.md`, one entry per row of the page, without
//! running this crate.

#![cfg(feature = "serde")]

use serde_json::Value;

fn golden() -> Vec<Value> {
    let text = include_str!("data/golden.json");
    let mut document: Value = serde_json::from_str(text).expect("golden.json is valid JSON");
    match document["operations"].take() {
        Value::Array(operations) => operations,
        other => panic!("golden.json has no operations array: {other}"),
    }
}

fn exported() -> Vec<Value> {
    let mut document = serde_json::to_value(sagemaker_permissions::Catalog).unwrap();
    match document["operations"].take() {
        Value::Array(operations) => operations,
        other => panic!("the export has no operations array: {other}"),
    }
}

#[test]
fn golden_has_every_row() {
    assert_eq!(golden().len(), 76);
    assert_eq!(exported().len(), golden().len());
}

#[test]
fn export_matches_golden_file() {
    for (expected, actual) in golden().iter().zip(exported()) {
        let name = &expected["name"];
        let fields = expected
            .as_object()
            .expect("each golden entry is an object");
        for (field, expected_value) in fields {
            let mut actual_value = actual[field.as_str()].clone();
            if field == "corrections" {
                // The golden file records what was corrected; the reason is the crate's prose.
                for correction in actual_value.as_array_mut().unwrap() {
                    correction.as_object_mut().unwrap().remove("reason");
                }
            }
            assert_eq!(&actual_value, expected_value, "{name}: field `{field}`");
        }
    }
}

#[test]
fn export_has_schema_fields() {
    let expected = [
        "name",
        "api",
        "documentation_url",
        "actions",
        "conditional_actions",
        "resources",
        "corrections",
    ];
    for operation in exported() {
        for field in expected {
            assert!(
                operation.get(field).is_some(),
                "{}: no `{field}`",
                operation["name"]
            );
        }
        for correction in operation["corrections"].as_array().unwrap() {
            assert!(correction["reason"]
                .as_str()
                .is_some_and(|reason| !reason.is_empty()));
        }
    }
}
