//! Policy generation: each property is checked for every operation and for
//! random sets of operations and conditions.

use std::collections::BTreeSet;

use proptest::prelude::*;
use sagemaker_permissions::{
    operation, operations, pattern_matches, Arn, Condition, Location, Operation, PolicyDocument,
    PolicyError, PolicyRequest, ResourceType, Resources, Scope, Segment, SizeLimit, Source,
    TemplateKind,
};
use strum::IntoEnumIterator;

const REGION: &str = "eu-west-1";
const ACCOUNT: &str = "111122223333";

fn location() -> Location {
    Location::new(
        Scope::Exact(REGION.parse().unwrap()),
        Scope::Exact(ACCOUNT.parse().unwrap()),
    )
}

fn open_location() -> Location {
    Location::new(Scope::Any, Scope::Any)
}

fn generate(names: &[&str], conditions: &[Condition], source: Source) -> PolicyDocument {
    let mut request = PolicyRequest::new(location())
        .source(source)
        .size_limit(SizeLimit::InlineRolePolicy);
    for name in names {
        request = request.operation(name);
    }
    for condition in conditions {
        request = request.condition(*condition);
    }
    let documents = request.generate_split().unwrap();
    assert_eq!(documents.len(), 1, "{names:?} did not fit one document");
    documents.into_iter().next().unwrap()
}

/// Builds a concrete ARN inside `template`, with a made-up name for each variable.
fn sample_arn(template: &sagemaker_permissions::ArnTemplate) -> String {
    let mut arn = format!("arn:aws:sagemaker:{REGION}:{ACCOUNT}:");
    match template.kind() {
        TemplateKind::Any => return arn + "training-job/sample",
        TemplateKind::AccountWide => return arn + "model/sample",
        TemplateKind::Resource(resource_type) => arn.push_str(resource_type.as_str()),
        _ => unreachable!("a template kind this test does not know"),
    }
    for segment in template.segments() {
        arn.push('/');
        match segment {
            Segment::Literal(text) => arn.push_str(text),
            Segment::Variable(variable) if variable.name() == "Version" => arn.push('7'),
            Segment::Variable(_) => arn.push_str("sample-name"),
            Segment::Wildcard => arn.push_str("sample-name"),
            _ => unreachable!("a segment kind this test does not know"),
        }
    }
    arn
}

/// Checks that the policy grants each needed action on a resource covering
/// the operations' resources, and nothing else.
fn check_policy(
    document: &PolicyDocument,
    chosen: &[&'static Operation],
    conditions: &[Condition],
    source: Source,
) {
    let mut needed: BTreeSet<String> = BTreeSet::new();
    for operation in chosen {
        for requirement in operation.requirements(source) {
            if !requirement.applies(conditions) {
                continue;
            }
            let action = requirement.action();
            needed.insert(action.as_str().to_ascii_lowercase());
            let granting: Vec<_> = document
                .statements()
                .iter()
                .filter(|statement| statement.actions().contains(&action))
                .collect();
            assert!(
                !granting.is_empty(),
                "{}: {action} not granted",
                operation.name()
            );
            if let Resources::Templates(templates) = requirement.resources() {
                for template in templates {
                    let sample = sample_arn(template);
                    let sample = Arn::parse(&sample).unwrap();
                    let covered = granting.iter().any(|statement| {
                        statement
                            .resources()
                            .iter()
                            .any(|pattern| pattern_matches(pattern, &sample).unwrap())
                    });
                    assert!(
                        covered,
                        "{}: {action} does not cover {sample}",
                        operation.name()
                    );
                }
            }
        }
    }

    for statement in document.statements() {
        for action in statement.actions() {
            assert!(
                needed.contains(&action.as_str().to_ascii_lowercase()),
                "{action} is granted but no chosen operation needs it"
            );
            if *action == "iam:PassRole" {
                let condition = statement
                    .condition()
                    .expect("iam:PassRole without a condition");
                assert_eq!(condition.key(), "iam:PassedToService");
                assert_eq!(condition.values(), ["sagemaker.amazonaws.com"]);
            }
        }
        let sagemaker = statement
            .actions()
            .iter()
            .any(|a| a.service() == "sagemaker");
        let other = statement
            .actions()
            .iter()
            .any(|a| a.service() != "sagemaker");
        if other {
            for resource in statement.resources() {
                assert!(
                    !resource.contains(":sagemaker:"),
                    "{}: another service's action on {resource}",
                    statement.sid()
                );
            }
        }
        if sagemaker {
            check_not_broader(statement, chosen, source);
        }
    }
}

/// Checks that every resource of a statement of SageMaker actions is one of
/// the actions' templates with at most its variables and trailing `*` open.
fn check_not_broader(
    statement: &sagemaker_permissions::Statement,
    chosen: &[&'static Operation],
    source: Source,
) {
    let sagemaker_actions = statement
        .actions()
        .iter()
        .filter(|action| action.service() == "sagemaker");
    for action in sagemaker_actions {
        let mut allowed_any = false;
        let mut templates = Vec::new();
        for operation in chosen {
            for requirement in operation.requirements(source) {
                if requirement.action() != *action {
                    continue;
                }
                match requirement.resources() {
                    Resources::OnlyWildcard => allowed_any = true,
                    Resources::Templates(list) => templates.extend(list.iter().copied()),
                    Resources::OtherService => panic!("{action} of another service"),
                    _ => unreachable!("a resource kind this test does not know"),
                }
            }
        }
        for resource in statement.resources() {
            if resource == "*" {
                let page_star = templates.iter().any(|t| t.kind() == TemplateKind::Any);
                assert!(allowed_any || page_star, "{action} on `*`");
                continue;
            }
            let arn = Arn::parse(resource).unwrap();
            assert_eq!(arn.partition(), "aws");
            assert_eq!(arn.service(), "sagemaker");
            assert_eq!(arn.region(), REGION);
            assert_eq!(arn.account(), ACCOUNT);
            let fits = templates
                .iter()
                .any(|template| fits_template(arn.resource(), template));
            assert!(
                fits,
                "{action} on {resource}, which no template of it allows"
            );
        }
    }
}

fn fits_template(resource: &str, template: &sagemaker_permissions::ArnTemplate) -> bool {
    match template.kind() {
        TemplateKind::Any => false,
        TemplateKind::AccountWide => resource == "*",
        TemplateKind::Resource(resource_type) => {
            let mut parts = resource.split('/');
            if parts.next() != Some(resource_type.as_str()) {
                return false;
            }
            let parts: Vec<&str> = parts.collect();
            parts.len() == template.segments().len()
                && parts
                    .iter()
                    .zip(template.segments())
                    .all(|(part, segment)| match segment {
                        Segment::Literal(text) => part == text,
                        Segment::Variable(_) => *part == "*" || !part.contains(['*', '?']),
                        Segment::Wildcard => *part == "*",
                        _ => false,
                    })
        }
        _ => false,
    }
}

#[test]
fn every_operation_alone() {
    for source in Source::iter() {
        for operation in operations() {
            for conditions in [vec![], Condition::iter().collect::<Vec<_>>()] {
                let document = generate(&[operation.name()], &conditions, source);
                check_policy(&document, &[operation], &conditions, source);
            }
        }
    }
}

#[test]
fn output_is_deterministic() {
    let first = generate(
        &["CreateTrainingJob", "InvokeEndpoint", "CreateWorkteam"],
        &[Condition::Vpc],
        Source::Iam,
    );
    let second = generate(
        &["CreateWorkteam", "invoke_endpoint", "CreateTrainingJob"],
        &[Condition::Vpc],
        Source::Iam,
    );
    assert_eq!(first.to_string(), second.to_string());
}

#[test]
fn actions_sorted_sids_unique() {
    let all: Vec<&str> = operations().map(|operation| operation.name()).collect();
    let document = generate(&all[..20], &[Condition::Tags], Source::Iam);
    let mut sids = BTreeSet::new();
    for statement in document.statements() {
        let mut sorted = statement.actions().to_vec();
        sorted.sort();
        assert_eq!(statement.actions(), sorted.as_slice());
        assert!(
            statement.sid().bytes().all(|b| b.is_ascii_alphanumeric()),
            "{}",
            statement.sid()
        );
        assert!(statement.sid().starts_with("Iam"));
        assert!(
            sids.insert(statement.sid().to_owned()),
            "repeated Sid {}",
            statement.sid()
        );
    }
}

#[test]
fn table_only_sids_say_page() {
    let document = generate(&["CreateModel"], &[], Source::Page);
    assert!(document
        .statements()
        .iter()
        .all(|s| s.sid().starts_with("Page")));
    assert_eq!(document.source(), Source::Page);
}

#[test]
fn conditional_actions_need_their_conditions() {
    let plain = generate(&["CreateNotebookInstance"], &[], Source::Iam).to_string();
    assert!(!plain.contains("ec2:"));
    assert!(!plain.contains("kms:"));
    let vpc = generate(&["CreateNotebookInstance"], &[Condition::Vpc], Source::Iam).to_string();
    assert!(vpc.contains("ec2:CreateNetworkInterface"));
    assert!(!vpc.contains("ec2:DescribeVpcEndpoints"));
    let both = generate(
        &["CreateNotebookInstance"],
        &[Condition::Vpc, Condition::ElasticInference],
        Source::Iam,
    )
    .to_string();
    assert!(both.contains("ec2:DescribeVpcEndpoints"));
}

#[test]
fn unused_and_ambiguous_names_rejected() {
    // The tagging calls' account-wide ARN has no place for a name.
    let err = PolicyRequest::new(location())
        .operation("AddTags")
        .name(ResourceType::TrainingJob, "job1")
        .generate()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "name `job1` for TrainingJobName fills no ARN of the requested operations: their templates lack the variable or end in `*` where it would stand; leave the name out or request an operation that takes it"
    );
    // The page's `workteam/*` has no place for a name either.
    let err = PolicyRequest::new(location())
        .operation("DeleteWorkteam")
        .name(ResourceType::Workteam, "team1")
        .source(Source::Page)
        .generate()
        .unwrap_err();
    assert!(matches!(err, PolicyError::UnusedName { .. }), "{err}");
    let err = PolicyRequest::new(location())
        .operation("DeleteImageVersion")
        .name(ResourceType::Image, "a")
        .name(ResourceType::Image, "b")
        .name(ResourceType::ImageVersion, "1")
        .name(ResourceType::ImageVersion, "2")
        .generate()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "several values for both ImageName and Version of `arn:${Partition}:sagemaker:${Region}:${Account}:image-version/${ImageName}/${Version}`: which values go together is ambiguous; generate one policy per combination"
    );
    let many: Vec<String> = (0..=sagemaker_permissions::MAX_NAMES)
        .map(|i| format!("job{i}"))
        .collect();
    let mut request = PolicyRequest::new(location()).operation("DescribeTrainingJob");
    for name in &many {
        request = request.name(ResourceType::TrainingJob, name);
    }
    assert_eq!(
        request.generate().unwrap_err().to_string(),
        "1001 names given, more than the 1000 a policy request accepts"
    );
}

#[test]
fn work_team_names_take_crowd_paths() {
    let document = PolicyRequest::new(location())
        .operation("DeleteWorkteam")
        .name(ResourceType::Workteam, "team1")
        .generate()
        .unwrap();
    let resources = document.statements()[0].resources();
    assert_eq!(
        resources,
        [
            "arn:aws:sagemaker:eu-west-1:111122223333:workteam/private-crowd/team1",
            "arn:aws:sagemaker:eu-west-1:111122223333:workteam/public-crowd/team1",
            "arn:aws:sagemaker:eu-west-1:111122223333:workteam/vendor-crowd/team1",
        ]
    );
}

#[test]
fn names_render_into_arns() {
    let document = PolicyRequest::new(location())
        .operation("DescribeImageVersion")
        .name(ResourceType::Image, "my-image")
        .name(ResourceType::ImageVersion, "3")
        .generate()
        .unwrap();
    let json = document.to_string();
    assert!(
        json.contains("arn:aws:sagemaker:eu-west-1:111122223333:image-version/my-image/3"),
        "{json}"
    );
}

#[test]
fn default_is_per_type_wildcard() {
    let json = generate(&["DescribeTrainingJob"], &[], Source::Iam).to_string();
    assert!(
        json.contains(r#""Resource":["arn:aws:sagemaker:eu-west-1:111122223333:training-job/*"]"#),
        "{json}"
    );
}

#[test]
fn open_location_uses_wildcards() {
    let json = PolicyRequest::new(open_location())
        .operation("CreateTrainingJob")
        .generate()
        .unwrap()
        .to_string();
    assert!(
        json.contains("arn:aws:sagemaker:*:*:training-job/*"),
        "{json}"
    );
    assert!(json.contains("arn:aws:iam::*:role/*"), "{json}");
}

#[test]
fn pass_role_on_given_role() {
    let role = "arn:aws:iam::111122223333:role/service-role/SageMakerExecution";
    let document = PolicyRequest::new(location())
        .operation("CreateModel")
        .role(role)
        .generate()
        .unwrap();
    let statement = document
        .statements()
        .iter()
        .find(|statement| statement.actions().iter().any(|a| *a == "iam:PassRole"))
        .unwrap();
    assert_eq!(statement.resources(), [role]);
    assert_eq!(statement.sid(), "IamPassRole");
}

#[test]
fn hostile_names_rejected() {
    for hostile in [
        "*",
        "job*",
        "a?b",
        "a/b",
        "a:b",
        "${aws:username}",
        "",
        " job",
        "a\nb",
    ] {
        let result = PolicyRequest::new(location())
            .operation("DescribeTrainingJob")
            .name(ResourceType::TrainingJob, hostile)
            .generate();
        assert!(
            matches!(result, Err(PolicyError::Arn(_))),
            "{hostile:?} gave {result:?}"
        );
    }
}

#[test]
fn given_arns_validated() {
    let cases = [
        ("arn:aws:iam::111122223333:role/*", "invalid role ARN `arn:aws:iam::111122223333:role/*`: must name one resource: wildcards and policy variables are not accepted; leave it out to grant every one in the account"),
        ("arn:aws:iam::444455556666:role/Other", "invalid role ARN `arn:aws:iam::444455556666:role/Other`: the account must be the request's, `111122223333`"),
        ("arn:aws:s3:::bucket", "invalid role ARN `arn:aws:s3:::bucket`: the service must be `iam`"),
        ("arn:aws:iam::111122223333:user/bob", "invalid role ARN `arn:aws:iam::111122223333:user/bob`: the resource must start with `role/` and name one"),
        ("arn:aws-cn:iam::111122223333:role/R", "invalid role ARN `arn:aws-cn:iam::111122223333:role/R`: the partition must be the request's, `aws`"),
    ];
    for (role, message) in cases {
        let err = PolicyRequest::new(location())
            .operation("CreateModel")
            .role(role)
            .generate()
            .unwrap_err();
        assert_eq!(err.to_string(), message);
    }
    let err = PolicyRequest::new(location())
        .operation("CreateTrainingJob")
        .condition(Condition::KmsKey)
        .kms_key("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
        .generate()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid KMS key ARN `arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`: the region must be the request's, `eu-west-1`"
    );
}

#[test]
fn request_errors_name_value() {
    assert_eq!(
        PolicyRequest::new(location())
            .generate()
            .unwrap_err()
            .to_string(),
        "no operations requested: name at least one SageMaker operation"
    );
    assert!(PolicyRequest::new(location())
        .operation("CreateTraningJob")
        .generate()
        .unwrap_err()
        .to_string()
        .starts_with("unknown operation `CreateTraningJob`"));
    assert_eq!(
        PolicyRequest::new(location())
            .operation("CreateModel")
            .variable("BucketName", "x")
            .generate()
            .unwrap_err()
            .to_string(),
        "unknown variable `BucketName`: expected a variable of a SageMaker resource type, such as TrainingJobName"
    );
}

#[test]
fn oversize_is_error_or_split() {
    let all: Vec<&str> = operations().map(|operation| operation.name()).collect();
    let conditions: Vec<Condition> = Condition::iter().collect();
    let mut request = PolicyRequest::new(location()).operations(all.iter().copied());
    for condition in &conditions {
        request = request.condition(*condition);
    }
    let whole = request
        .clone()
        .size_limit(SizeLimit::InlineRolePolicy)
        .generate_split()
        .unwrap();
    let total: usize = whole.iter().map(PolicyDocument::size).sum();
    if total > SizeLimit::ManagedPolicy.characters() {
        let err = request.clone().generate().unwrap_err();
        let PolicyError::TooLarge { size, limit, .. } = err else {
            panic!("expected TooLarge, got {err:?}");
        };
        assert_eq!(limit, 6_144);
        assert!(
            err.to_string().contains(&format!("{} over", size - limit)),
            "{err}"
        );
    }
    let split = request.generate_split().unwrap();
    for document in &split {
        assert!(document.size() <= SizeLimit::ManagedPolicy.characters());
    }
    let statements: usize = split
        .iter()
        .map(|document| document.statements().len())
        .sum();
    let all_in_one = whole
        .iter()
        .map(|document| document.statements().len())
        .sum::<usize>();
    assert_eq!(statements, all_in_one);
    let chosen: Vec<&'static Operation> = operations().collect();
    let merged = PolicyDocumentParts(split);
    merged.check(&chosen, &conditions);
}

/// Several documents checked as one grant.
struct PolicyDocumentParts(Vec<PolicyDocument>);

impl PolicyDocumentParts {
    fn check(&self, chosen: &[&'static Operation], conditions: &[Condition]) {
        for operation in chosen {
            for requirement in operation.requirements(Source::Iam) {
                if requirement.applies(conditions) {
                    let granted = self.0.iter().any(|document| {
                        document
                            .statements()
                            .iter()
                            .any(|statement| statement.actions().contains(&requirement.action()))
                    });
                    assert!(granted, "{} not granted", requirement.action());
                }
            }
        }
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_matches_display() {
    let document = generate(
        &["CreateTrainingJob", "InvokeEndpoint"],
        &[Condition::Vpc],
        Source::Iam,
    );
    let via_serde = serde_json::to_string(&document).unwrap();
    assert_eq!(via_serde, document.to_string());
    let value: serde_json::Value = serde_json::from_str(&document.to_json_pretty()).unwrap();
    assert_eq!(value["Version"], "2012-10-17");
}

proptest! {
    #[test]
    fn random_sets_grant_exactly_what_is_needed(
        indices in proptest::collection::vec(0usize..76, 1..10),
        mask in 0u8..32,
        page in any::<bool>(),
    ) {
        let all: Vec<&'static Operation> = operations().collect();
        let chosen: Vec<&'static Operation> = indices.iter().map(|&i| all[i]).collect();
        let conditions: Vec<Condition> = Condition::iter()
            .enumerate()
            .filter(|(bit, _)| mask & (1 << bit) != 0)
            .map(|(_, condition)| condition)
            .collect();
        let source = if page { Source::Page } else { Source::Iam };
        let names: Vec<&str> = chosen.iter().map(|operation| operation.name()).collect();
        let document = generate(&names, &conditions, source);
        check_policy(&document, &chosen, &conditions, source);
    }

    #[test]
    fn names_apply_or_fail(
        indices in proptest::collection::vec(0usize..76, 1..6),
        type_index in 0usize..32,
        name in "[a-z][a-z0-9]{0,10}",
    ) {
        let all: Vec<&'static Operation> = operations().collect();
        let chosen: Vec<&str> = indices.iter().map(|&i| all[i].name()).collect();
        let types: Vec<ResourceType> = ResourceType::iter().collect();
        let resource_type = types[type_index % types.len()];
        let variable = *resource_type.variables().last().unwrap();
        let result = PolicyRequest::new(location())
            .operations(chosen.iter().copied())
            .name(resource_type, &name)
            .size_limit(SizeLimit::InlineRolePolicy)
            .generate_split();
        let takes_variable = indices.iter().any(|&i| {
            all[i].requirements(Source::Iam).any(|requirement| {
                requirement.applies(&[])
                    && requirement
                        .resources()
                        .templates()
                        .iter()
                        .any(|template| template.variables().any(|v| v.name() == variable))
            })
        });
        match result {
            Ok(documents) => {
                prop_assert!(takes_variable, "{name} for {variable} was accepted by {chosen:?}");
                let json: String = documents.iter().map(PolicyDocument::to_string).collect();
                prop_assert!(json.contains(&format!("/{name}")), "{name} missing from {json}");
            }
            Err(PolicyError::UnusedName { .. }) => prop_assert!(!takes_variable),
            Err(PolicyError::Arn(_)) => prop_assert!(variable == "Version"),
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }

    #[test]
    fn hostile_values_never_render(value in "\\PC{0,80}") {
        let result = PolicyRequest::new(location())
            .operation("DescribeEndpoint")
            .name(ResourceType::Endpoint, &value)
            .generate();
        if let Ok(document) = result {
            let json = document.to_string();
            prop_assert!(!value.contains(['*', '?', '/', ':', '"']), "{value:?} rendered: {json}");
            prop_assert!(!value.trim().is_empty());
        }
    }
}

#[test]
fn main_command_operations_exist() {
    assert!(operation("CreateTrainingJob").is_some());
    assert!(sagemaker_permissions::find_operation("InvokeEndpoint").is_some());
}

#[test]
fn size_counts_compact_json() {
    let all: Vec<&str> = operations().map(|operation| operation.name()).collect();
    for chunk in all.chunks(7) {
        let mut request = PolicyRequest::new(open_location())
            .operations(chunk.iter().copied())
            .size_limit(SizeLimit::InlineRolePolicy);
        for condition in Condition::iter() {
            request = request.condition(condition);
        }
        for document in request.generate_split().unwrap() {
            let json = document.to_string();
            let counted = json.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(document.size(), counted, "{json}");
            let pretty = document.to_json_pretty();
            assert_eq!(
                pretty.chars().filter(|c| !c.is_whitespace()).count(),
                counted
            );
        }
    }
}

#[test]
fn unused_resource_arns_rejected() {
    let key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let err = PolicyRequest::new(location())
        .operation("CreateTrainingJob")
        .kms_key(key)
        .generate()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("KMS key ARN `{key}` is used by no requested action: add the condition kms-key, or leave it out")
    );
    let err = PolicyRequest::new(location())
        .operation("DescribeModel")
        .role("arn:aws:iam::111122223333:role/R")
        .generate()
        .unwrap_err();
    assert!(
        matches!(err, PolicyError::UnusedResourceArn { kind: "role", .. }),
        "{err}"
    );
}

#[test]
fn kms_key_may_be_cross_account() {
    let key = "arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let document = PolicyRequest::new(location())
        .operation("CreateTrainingJob")
        .condition(Condition::KmsKey)
        .kms_key(key)
        .generate()
        .unwrap();
    assert!(document.to_string().contains(key));
}

#[test]
fn given_arns_need_real_account() {
    for role in ["arn:aws:iam:::role/X", "arn:aws:iam::aws:role/X"] {
        let err = PolicyRequest::new(open_location())
            .operation("CreateModel")
            .role(role)
            .generate()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("invalid role ARN `{role}`: the account must be 12 digits")
        );
    }
}

#[test]
fn split_cuts_long_resource_lists() {
    let names: Vec<String> = (0..500).map(|i| format!("nightly-job-{i:04}")).collect();
    let mut request = PolicyRequest::new(location()).operation("DescribeTrainingJob");
    for name in &names {
        request = request.name(ResourceType::TrainingJob, name);
    }
    let documents = request.generate_split().unwrap();
    assert!(documents.len() > 1);
    let mut granted: Vec<&str> = Vec::new();
    let mut sids = BTreeSet::new();
    for document in &documents {
        assert!(document.size() <= SizeLimit::ManagedPolicy.characters());
        for statement in document.statements() {
            assert!(
                sids.insert(statement.sid().to_owned()),
                "repeated Sid {}",
                statement.sid()
            );
            assert_eq!(statement.actions().len(), 1);
            granted.extend(statement.resources().iter().map(String::as_str));
        }
    }
    assert_eq!(granted.len(), names.len());
    for name in &names {
        let arn = format!("arn:aws:sagemaker:eu-west-1:111122223333:training-job/{name}");
        assert!(granted.contains(&arn.as_str()), "{arn}");
    }
    assert!(matches!(
        request.generate(),
        Err(PolicyError::TooLarge { .. })
    ));
}
