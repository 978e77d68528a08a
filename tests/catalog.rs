//! The public lookup API, and invariants over every row of the page.

use std::collections::BTreeSet;

use sagemaker_permissions::{
    actions, corrections, find_operation, lookup, operation, operations, operations_for_action,
    operations_for_resource_type, operations_of_api, Api, Condition, ResourceType, TemplateKind,
    CATALOG_SHA256, OPERATION_COUNT,
};

const PAGE: &str = include_str!("../catalog.md");

#[test]
fn count_matches_page_rows() {
    let rows = PAGE
        .lines()
        .filter(|line| line.contains("/APIReference/API_"))
        .count();
    assert_eq!(OPERATION_COUNT, 76);
    assert_eq!(operations().len(), rows);
}

#[test]
fn page_line_holds_operation_link() {
    let lines: Vec<&str> = PAGE.lines().collect();
    for operation in operations() {
        let line = lines[operation.page_line() as usize - 1];
        assert!(
            line.contains(&format!("({})", operation.documentation_url())),
            "{}: line {} is `{line}`",
            operation.name(),
            operation.page_line()
        );
        assert!(operation
            .documentation_url()
            .ends_with(&format!("API_{}.html", operation.label())));
    }
}

#[test]
fn every_operation_has_required_action() {
    for operation in operations() {
        assert!(operation.actions().len() > 0, "{}", operation.name());
        assert!(!operation.resources().is_empty(), "{}", operation.name());
        let own = operation.actions().next().unwrap();
        assert_eq!(own.service(), "sagemaker", "{}", operation.name());
        assert_eq!(own.name(), operation.name(), "{}", operation.name());
    }
}

#[test]
fn resources_keep_page_spelling() {
    for operation in operations() {
        for resource in operation.resources() {
            assert!(
                PAGE.contains(resource.as_written()),
                "{}: {}",
                operation.name(),
                resource.as_written()
            );
            for variable in resource.variables() {
                assert!(resource.as_written().contains(variable.as_written()));
                assert!(resource
                    .iam_form()
                    .contains(&format!("${{{}}}", variable.name())));
            }
        }
    }
}

#[test]
fn resource_type_matches_variables() {
    for operation in operations() {
        for resource in operation.resources() {
            if let TemplateKind::Resource(resource_type) = resource.kind() {
                let names: Vec<&str> = resource.variables().map(|v| v.name()).collect();
                assert!(resource_type.variables().starts_with(&names), "{resource}");
                assert!(resource
                    .iam_form()
                    .contains(&format!(":{}/", resource_type.as_str())));
            }
        }
    }
}

#[test]
fn lookup_spellings() {
    let cases = [
        ("CreateTrainingJob", "CreateTrainingJob"),
        ("createtrainingjob", "CreateTrainingJob"),
        ("CREATE_TRAINING_JOB", "CreateTrainingJob"),
        ("create-training-job", "CreateTrainingJob"),
        ("createTrainingJob", "CreateTrainingJob"),
        ("sagemaker:CreateTrainingJob", "CreateTrainingJob"),
        ("SageMaker:createTrainingJob", "CreateTrainingJob"),
        ("runtime_InvokeEndpoint", "InvokeEndpoint"),
        ("invoke_endpoint", "InvokeEndpoint"),
        (
            "sagemaker:ListLabelingJobForWorkteam",
            "ListLabelingJobsForWorkteam",
        ),
        (
            "sagemaker:ListLabelingJobsForWorkteam",
            "ListLabelingJobsForWorkteam",
        ),
    ];
    for (spelling, expected) in cases {
        assert_eq!(
            find_operation(spelling).map(|operation| operation.name()),
            Some(expected),
            "{spelling}"
        );
    }
}

#[test]
fn lookup_misses() {
    for spelling in [
        "",
        "Create",
        "CreateTrainingJob ",
        "iam:PassRole",
        "sagemaker:",
        ":",
        "create training job",
        "x".repeat(1000).as_str(),
    ] {
        assert!(find_operation(spelling).is_none(), "{spelling:?}");
    }
    assert!(operation("createtrainingjob").is_none());
}

#[test]
fn unknown_operation_message() {
    let err = lookup("DescribeTrainingJobs").unwrap_err();
    assert_eq!(err.name(), "DescribeTrainingJobs");
    assert_eq!(
        err.to_string(),
        "unknown operation `DescribeTrainingJobs`; closest: DescribeTrainingJob, DescribeLabelingJob, CreateTrainingJob"
    );
    let err = lookup("zzz").unwrap_err();
    assert_eq!(err.to_string(), "unknown operation `zzz`");
}

#[test]
fn actions_are_distinct_and_sorted() {
    let all: Vec<String> = actions().map(|a| a.as_str().to_ascii_lowercase()).collect();
    let mut sorted = all.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(all, sorted);

    // The page's actions and those IAM's differences add.
    let from_operations: BTreeSet<String> = operations()
        .flat_map(|operation| operation.requirements(sagemaker_permissions::Source::Iam))
        .map(|requirement| requirement.action().as_str().to_ascii_lowercase())
        .collect();
    assert_eq!(all.into_iter().collect::<BTreeSet<_>>(), from_operations);
}

#[test]
fn reverse_lookup_matches_scan() {
    for action in actions() {
        let indexed: Vec<&str> = operations_for_action(action.as_str())
            .map(|operation| operation.name())
            .collect();
        let scanned: Vec<&str> = operations()
            .filter(|operation| {
                operation
                    .requirements(sagemaker_permissions::Source::Iam)
                    .any(|requirement| requirement.action() == action)
            })
            .map(|operation| operation.name())
            .collect();
        assert_eq!(indexed, scanned, "{action}");
    }
    assert_eq!(
        operations_for_action("iam:passrole").len(),
        operations_for_action("iam:PassRole").len()
    );
    assert_eq!(operations_for_action("sagemaker:Nothing").len(), 0);
}

#[test]
fn page_spelling_of_correction_resolves() {
    let names: Vec<&str> = operations_for_action("sagemaker:ListLabelingJobForWorkteam")
        .map(|operation| operation.name())
        .collect();
    assert_eq!(names, ["ListLabelingJobsForWorkteam"]);
    let listed: Vec<_> = corrections().collect();
    assert_eq!(listed.len(), 1);
}

#[test]
fn resource_type_lookup_matches_scan() {
    use strum::IntoEnumIterator;
    for resource_type in ResourceType::iter() {
        let indexed: Vec<&str> = operations_for_resource_type(resource_type)
            .map(|operation| operation.name())
            .collect();
        let scanned: Vec<&str> = operations()
            .filter(|operation| {
                operation
                    .resources()
                    .iter()
                    .any(|resource| resource.resource_type() == Some(resource_type))
            })
            .map(|operation| operation.name())
            .collect();
        assert_eq!(indexed, scanned, "{resource_type}");
        // A type on no row of the page is there for IAM's requirements.
        let in_differences = operations().any(|operation| {
            operation
                .requirements(sagemaker_permissions::Source::Iam)
                .flat_map(|requirement| requirement.resources().templates())
                .any(|template| template.resource_type() == Some(resource_type))
        });
        assert!(
            !indexed.is_empty() || in_differences,
            "{resource_type} is used nowhere"
        );
    }
}

#[test]
fn operations_by_api() {
    assert_eq!(operations_of_api(Api::SagemakerRuntime).count(), 1);
    assert_eq!(operations_of_api(Api::SagemakerA2iRuntime).count(), 5);
    assert_eq!(operations_of_api(Api::Sagemaker).count(), 70);
}

#[test]
fn conditions_round_trip_kebab_case() {
    use strum::IntoEnumIterator;
    for condition in Condition::iter() {
        assert_eq!(condition.as_str().parse::<Condition>().unwrap(), condition);
    }
    assert_eq!(Condition::ElasticInference.to_string(), "elastic-inference");
    assert_eq!(
        Api::SagemakerA2iRuntime.to_string(),
        "sagemaker-a2i-runtime"
    );
}

#[test]
fn digest_is_sha256_of_page() {
    use sha2::{Digest, Sha256};
    let digest: String = Sha256::digest(PAGE.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    assert_eq!(CATALOG_SHA256, digest);
}

#[test]
fn public_types_are_send_sync() {
    fn check<T: Send + Sync + 'static>() {}
    check::<sagemaker_permissions::Operation>();
    check::<sagemaker_permissions::Action>();
    check::<sagemaker_permissions::ArnTemplate>();
    check::<sagemaker_permissions::UnknownOperation>();
}

#[test]
fn unknown_operation_message_escapes() {
    let err = lookup("Create\u{1b}[31mRED\nline2").unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown operation `Create\\u{1b}[31mRED\\nline2`"
    );
    let long = "x".repeat(1000);
    let message = lookup(&long).unwrap_err().to_string();
    assert_eq!(message, format!("unknown operation `{}…`", "x".repeat(128)));
    assert_eq!(lookup(&long).unwrap_err().name(), long);
}

#[test]
fn readme_lists_every_correction() {
    let readme = include_str!("../README.md");
    let section = readme
        .split_once("## Corrections")
        .map(|(_, rest)| rest.split("\n## ").next().unwrap_or(rest))
        .expect("README.md has a section `## Corrections`");
    let rows: Vec<&str> = section
        .lines()
        .filter(|line| line.starts_with("| `"))
        .collect();
    let expected: Vec<String> = corrections()
        .map(|(operation, correction)| {
            format!(
                "| `{}` | `{}` | `{}` |",
                operation.name(),
                correction.as_written(),
                correction.corrected()
            )
        })
        .collect();
    assert_eq!(rows, expected);
}
