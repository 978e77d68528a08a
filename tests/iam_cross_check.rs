//! Compares every operation of the catalog with IAM's Service Authorization
//! Reference (`tests/data/iam/`) and checks that the crate's table of
//! differences names each difference found, and nothing else.
//!
//! The differences are found by comparing the two records, never from a list
//! typed into this file: a new page, a new IAM record or a changed table
//! makes the check fail until the table in `src/differences.rs` matches.

use std::collections::BTreeSet;
use std::fmt;

use sagemaker_permissions::{
    AccessLevel, Action, Condition, DifferenceKind, Operation, Resources, Segment, Source,
    TemplateKind,
};
use serde_json::Value;

const OPERATIONS_JSON: &str = include_str!("data/iam/sagemaker-operations.json");
const PAGE_ACTIONS_JSON: &str = include_str!("data/iam/sagemaker-page-actions.json");

/// Services whose permissions IAM's operation records leave out, because the
/// service uses them on the caller's behalf. For their actions the page is
/// the only source, so a page action of these services is never an extra one.
const ON_BEHALF_SERVICES: &[&str] = &[
    "kms",
    "ec2",
    "secretsmanager",
    "cognito-idp",
    "aws-marketplace",
];

/// IAM's two records, parsed.
struct Iam {
    operations: Value,
    page_actions: Value,
}

impl Iam {
    fn load() -> Self {
        Self {
            operations: serde_json::from_str(OPERATIONS_JSON)
                .expect("tests/data/iam/sagemaker-operations.json is valid JSON"),
            page_actions: serde_json::from_str(PAGE_ACTIONS_JSON)
                .expect("tests/data/iam/sagemaker-page-actions.json is valid JSON"),
        }
    }

    /// Returns IAM's record of an operation.
    ///
    /// # Panics
    ///
    /// When the record has no such operation, because then the test data is
    /// out of date with `catalog.md`.
    fn operation(&self, name: &str) -> &Value {
        let record = &self.operations["operations"][name];
        assert!(
            record.is_object(),
            "tests/data/iam/sagemaker-operations.json: missing operation `{name}`; update the test data"
        );
        record
    }

    /// Returns IAM's record of an action, `None` when IAM has no such action.
    /// Action names are compared ignoring ASCII case, as IAM does.
    ///
    /// # Panics
    ///
    /// When the record does not mention the action at all, because the test
    /// data should list every action that the page names.
    fn action(&self, action: &str) -> Option<&Value> {
        let (service, name) = action
            .split_once(':')
            .expect("actions have a service prefix");
        let actions = self.page_actions["services"][service]["actions"]
            .as_object()
            .unwrap_or_else(|| {
                panic!("tests/data/iam/sagemaker-page-actions.json: missing service `{service}`")
            });
        let (_, record) = actions
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .unwrap_or_else(|| {
                panic!("tests/data/iam/sagemaker-page-actions.json: missing action `{action}`; update the test data")
            });
        (!record.is_null()).then_some(record)
    }
}

/// One difference, as the comparison finds it or as the crate's table states it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Found {
    operation: String,
    kind: DifferenceKind,
    page: Option<String>,
    iam: Option<String>,
}

impl Found {
    fn new(
        operation: &Operation,
        kind: DifferenceKind,
        page: Option<&str>,
        iam: Option<&str>,
    ) -> Self {
        Self {
            operation: operation.name().to_owned(),
            kind,
            page: page.map(str::to_owned),
            iam: iam.map(str::to_owned),
        }
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: page {:?}, IAM {:?}",
            self.operation, self.kind, self.page, self.iam
        )
    }
}

/// Returns the page's spelling of a catalog action: the action itself unless
/// a correction replaced it.
fn as_written(operation: &Operation, action: Action) -> &'static str {
    operation
        .corrections()
        .iter()
        .find(|correction| correction.corrected() == action)
        .map_or(action.as_str(), |correction| {
            correction.as_written().as_str()
        })
}

/// Returns the distinct actions the page gives an operation (required, then
/// conditional), in the catalog's spelling.
fn page_actions(operation: &Operation) -> Vec<Action> {
    let mut actions: Vec<Action> = Vec::new();
    for action in operation.all_actions() {
        if !actions.contains(&action) {
            actions.push(action);
        }
    }
    actions
}

/// Returns the actions IAM authorizes for an operation's call.
fn authorized_actions(record: &Value) -> Vec<&str> {
    record["authorized_actions"]
        .as_array()
        .expect("authorized_actions is an array")
        .iter()
        .map(|entry| {
            entry["action"]
                .as_str()
                .expect("each authorized action has a name")
        })
        .collect()
}

/// IAM's resource types for an operation's action.
enum IamResources<'a> {
    /// Any SageMaker resource type, all optional (the tagging actions).
    AnyType,
    /// The listed types: `(type, required, ARN format)`.
    Types(Vec<(&'a str, bool, &'a str)>),
}

fn iam_resources(record: &Value) -> IamResources<'_> {
    match &record["resource_types"] {
        Value::String(_) => IamResources::AnyType,
        Value::Array(types) => IamResources::Types(
            types
                .iter()
                .map(|entry| {
                    (
                        entry["resource_type"]
                            .as_str()
                            .expect("resource_type is a string"),
                        entry["required"].as_bool().expect("required is a boolean"),
                        entry["arn_format"]
                            .as_str()
                            .expect("arn_format is a string"),
                    )
                })
                .collect(),
        ),
        other => panic!("unexpected resource_types {other}"),
    }
}

/// Compares every operation of the catalog with IAM's record and returns
/// each difference found, in page order.
fn find_differences(iam: &Iam) -> Vec<Found> {
    let mut found = Vec::new();
    for operation in sagemaker_permissions::operations() {
        let record = iam.operation(operation.name());
        find_action_differences(iam, operation, record, &mut found);
        find_resource_differences(operation, record, &mut found);
    }
    found
}

fn find_action_differences(
    iam: &Iam,
    operation: &Operation,
    record: &Value,
    found: &mut Vec<Found>,
) {
    let own_action = operation
        .actions()
        .next()
        .expect("every operation has an action");
    let iam_action = record["iam_action"]
        .as_str()
        .expect("iam_action is a string");
    let authorized = authorized_actions(record);
    let on_page = page_actions(operation);

    // Action names that IAM does not have, in the page's spelling.
    for &action in &on_page {
        let written = as_written(operation, action);
        if iam.action(written).is_none() {
            let iam_name = (action == own_action).then_some(iam_action);
            found.push(Found::new(
                operation,
                DifferenceKind::ActionName,
                Some(written),
                iam_name,
            ));
        }
    }

    // Actions the call authorizes that the page leaves out.
    for &action in &authorized {
        if !on_page.iter().any(|page_action| *page_action == action) {
            found.push(Found::new(
                operation,
                DifferenceKind::MissingAction,
                None,
                Some(action),
            ));
        }
    }

    // Actions the page requires that IAM does not tie to the call.
    for &action in &on_page {
        let compared = !ON_BEHALF_SERVICES.contains(&action.service());
        if compared && !authorized.iter().any(|&iam_action| action == iam_action) {
            found.push(Found::new(
                operation,
                DifferenceKind::ExtraAction,
                Some(as_written(operation, action)),
                None,
            ));
        }
    }
}

fn find_resource_differences(operation: &Operation, record: &Value, found: &mut Vec<Found>) {
    let IamResources::Types(types) = iam_resources(record) else {
        // Any SageMaker resource type is accepted, so every page ARN is.
        return;
    };

    if types.is_empty() {
        for template in operation.resources() {
            if template.kind() != TemplateKind::Any {
                found.push(Found::new(
                    operation,
                    DifferenceKind::OnlyWildcard,
                    Some(template.as_written()),
                    Some("*"),
                ));
            }
        }
        return;
    }

    // NOTE: optional resource types, which IAM checks only when the request
    // names such a resource (a training plan, an inference component), are
    // not compared. The page predates all of them.
    let required: Vec<(&str, &str)> = types
        .iter()
        .filter(|(_, required, _)| *required)
        .map(|&(resource_type, _, arn)| (resource_type, arn))
        .collect();
    let templates = operation.resources();
    let page_wildcard = templates.iter().any(|t| t.kind() == TemplateKind::Any);
    let page_account_wide = templates
        .iter()
        .any(|t| t.kind() == TemplateKind::AccountWide);
    let page_types: Vec<&str> = templates
        .iter()
        .filter_map(|template| template.resource_type())
        .map(|resource_type| resource_type.as_str())
        .collect();

    if page_wildcard {
        for &(_, arn) in &required {
            found.push(Found::new(
                operation,
                DifferenceKind::WildcardOnPage,
                Some("*"),
                Some(arn),
            ));
        }
        return;
    }
    if page_account_wide {
        return;
    }

    // A page ARN whose path ends in `*` where IAM's format has a variable:
    // the page covers every resource of the type, IAM checks a named one.
    for template in templates {
        let Some(resource_type) = template.resource_type() else {
            continue;
        };
        let Some(&(_, iam_arn)) = required
            .iter()
            .find(|(iam_type, _)| *iam_type == resource_type.as_str())
        else {
            continue;
        };
        let ends_in_wildcard = matches!(template.segments().last(), Some(Segment::Wildcard));
        let iam_path: Vec<&str> = iam_arn
            .split_once(&format!(":{}/", resource_type.as_str()))
            .map(|(_, path)| path.split('/').collect())
            .unwrap_or_default();
        let wildcard_position = template.segments().len() - 1;
        let iam_names_it = iam_path
            .get(wildcard_position)
            .is_some_and(|segment| segment.starts_with("${"));
        if ends_in_wildcard && iam_names_it {
            found.push(Found::new(
                operation,
                DifferenceKind::WildcardOnPage,
                Some(template.as_written()),
                Some(iam_arn),
            ));
        }
    }

    // Page ARNs of a type IAM does not check, paired in order with required
    // types the page omits.
    let unchecked: Vec<&str> = templates
        .iter()
        .filter(|template| {
            let resource_type = template.resource_type().map(|t| t.as_str());
            !types
                .iter()
                .any(|&(iam_type, _, _)| Some(iam_type) == resource_type)
        })
        .map(|template| template.as_written())
        .collect();
    let omitted: Vec<&str> = required
        .iter()
        .filter(|(resource_type, _)| !page_types.contains(resource_type))
        .map(|&(_, arn)| arn)
        .collect();
    for index in 0..unchecked.len().max(omitted.len()) {
        match (unchecked.get(index), omitted.get(index)) {
            (Some(&page), iam) => found.push(Found::new(
                operation,
                DifferenceKind::OtherResourceType,
                Some(page),
                iam.copied(),
            )),
            (None, Some(&iam)) => found.push(Found::new(
                operation,
                DifferenceKind::MissingResourceType,
                None,
                Some(iam),
            )),
            (None, None) => unreachable!("the index is below one of the lengths"),
        }
    }
}

/// Returns the differences that the crate's table states, in page order.
fn known_differences() -> Vec<Found> {
    sagemaker_permissions::differences()
        .map(|(operation, difference)| {
            Found::new(
                operation,
                difference.kind(),
                difference.page(),
                difference.iam(),
            )
        })
        .collect()
}

/// Compares the differences found with the known ones. Returns a report of
/// each found difference that no known one names, and each known one that
/// matches nothing found.
fn check(found: &[Found], known: &[Found]) -> Result<(), String> {
    let found_set: BTreeSet<&Found> = found.iter().collect();
    let known_set: BTreeSet<&Found> = known.iter().collect();
    let mut report = String::new();
    for missing in found_set.difference(&known_set) {
        report.push_str(&format!("not in src/differences.rs: {missing}\n"));
    }
    for stale in known_set.difference(&found_set) {
        report.push_str(&format!("in src/differences.rs but not found: {stale}\n"));
    }
    if known.len() != known_set.len() {
        report.push_str("src/differences.rs states a difference twice\n");
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(report)
    }
}

#[test]
fn every_difference_is_known() {
    let found = find_differences(&Iam::load());
    if let Err(report) = check(&found, &known_differences()) {
        panic!("the page and IAM's record differ from src/differences.rs:\n{report}");
    }
}

#[test]
fn check_fails_without_any_one_row() {
    let found = find_differences(&Iam::load());
    let known = known_differences();
    assert!(!known.is_empty());
    for index in 0..known.len() {
        let mut fewer = known.clone();
        let removed = fewer.remove(index);
        let report = check(&found, &fewer).expect_err("a removed row must fail the check");
        assert!(
            report.contains(&format!("not in src/differences.rs: {removed}")),
            "report does not name {removed}:\n{report}"
        );
    }
}

#[test]
fn check_fails_on_invented_row() {
    let found = find_differences(&Iam::load());
    let mut known = known_differences();
    let invented = Found {
        operation: "DescribeModel".to_owned(),
        kind: DifferenceKind::MissingAction,
        page: None,
        iam: Some("sagemaker:AddTags".to_owned()),
    };
    known.push(invented.clone());
    let report = check(&found, &known).expect_err("an invented row must fail the check");
    assert!(report.contains(&format!("in src/differences.rs but not found: {invented}")));
}

#[test]
fn every_kind_is_found() {
    let kinds: BTreeSet<DifferenceKind> = find_differences(&Iam::load())
        .into_iter()
        .map(|found| found.kind)
        .collect();
    let all: BTreeSet<DifferenceKind> =
        <DifferenceKind as strum::IntoEnumIterator>::iter().collect();
    assert_eq!(kinds, all);
}

#[test]
fn catalog_actions_exist_in_iam() {
    let iam = Iam::load();
    for action in sagemaker_permissions::actions() {
        // An action that only IAM's differences add is in IAM's operation
        // records, as an action some call authorizes.
        let authorized =
            sagemaker_permissions::operations_for_action(action.as_str()).any(|operation| {
                authorized_actions(iam.operation(operation.name()))
                    .iter()
                    .any(|name| action == *name)
            });
        let on_page = sagemaker_permissions::operations().any(|operation| {
            operation
                .all_actions()
                .any(|page_action| page_action == action)
        });
        if on_page {
            assert!(
                iam.action(action.as_str()).is_some(),
                "IAM has no action {action}"
            );
        } else {
            assert!(
                authorized,
                "{action} is neither on the page nor authorized by IAM"
            );
        }
    }
}

#[test]
fn kept_spellings_are_missing_from_iam() {
    let iam = Iam::load();
    for (operation, correction) in sagemaker_permissions::corrections() {
        let written = correction.as_written().as_str();
        assert!(
            iam.action(written).is_none(),
            "{}: IAM has {written}",
            operation.name()
        );
        assert!(iam.action(correction.corrected().as_str()).is_some());
    }
}

#[test]
fn iam_requirements_exist_in_iam() {
    let iam = Iam::load();
    for operation in sagemaker_permissions::operations() {
        let authorized = authorized_actions(iam.operation(operation.name()));
        for requirement in operation.requirements(Source::Iam) {
            let action = requirement.action();
            let known = authorized.iter().any(|&name| action == name)
                || iam.action(action.as_str()).is_some();
            assert!(known, "{}: IAM has no action {action}", operation.name());
        }
    }
}

#[test]
fn iam_requirements_include_authorized_actions() {
    let iam = Iam::load();
    for operation in sagemaker_permissions::operations() {
        let actions: Vec<Action> = operation
            .requirements(Source::Iam)
            .map(|r| r.action())
            .collect();
        for name in authorized_actions(iam.operation(operation.name())) {
            assert!(
                actions.iter().any(|action| *action == name),
                "{}: requirements lack {name}",
                operation.name()
            );
        }
    }
}

#[test]
fn iam_requirements_use_iam_resources() {
    let iam = Iam::load();
    for operation in sagemaker_permissions::operations() {
        let own = operation
            .requirements(Source::Iam)
            .next()
            .expect("every operation has a requirement");
        let name = operation.name();
        match iam_resources(iam.operation(name)) {
            IamResources::AnyType => {
                let account_wide = own
                    .resources()
                    .templates()
                    .iter()
                    .all(|t| t.kind() == TemplateKind::AccountWide);
                assert!(account_wide, "{name}: expected the account-wide ARN");
            }
            IamResources::Types(types) if types.is_empty() => {
                let accepted = own.resources() == Resources::OnlyWildcard
                    || own
                        .resources()
                        .templates()
                        .iter()
                        .all(|t| t.kind() == TemplateKind::Any);
                assert!(
                    accepted,
                    "{name}: expected only `*`, found {:?}",
                    own.resources()
                );
            }
            IamResources::Types(types) => {
                let templates = own.resources().templates();
                let template_types: Vec<&str> = templates
                    .iter()
                    .filter_map(|template| template.resource_type())
                    .map(|resource_type| resource_type.as_str())
                    .collect();
                assert_eq!(
                    template_types.len(),
                    templates.len(),
                    "{name}: expected typed ARNs only"
                );
                for resource_type in &template_types {
                    assert!(
                        types
                            .iter()
                            .any(|(iam_type, _, _)| iam_type == resource_type),
                        "{name}: IAM does not check {resource_type}"
                    );
                }
                for (resource_type, required, _) in &types {
                    assert!(
                        !required || template_types.contains(resource_type),
                        "{name}: requirements lack {resource_type}"
                    );
                }
            }
        }
    }
}

#[test]
fn requirements_name_each_action_once() {
    for operation in sagemaker_permissions::operations() {
        for source in [Source::Iam, Source::Page] {
            let actions: Vec<Action> = operation.requirements(source).map(|r| r.action()).collect();
            let distinct: BTreeSet<Action> = actions.iter().copied().collect();
            assert_eq!(
                actions.len(),
                distinct.len(),
                "{} {source}",
                operation.name()
            );
        }
    }
}

#[test]
fn page_requirements_keep_page_resources() {
    for operation in sagemaker_permissions::operations() {
        for requirement in operation.requirements(Source::Page) {
            let expected = if requirement.action().service() == "sagemaker" {
                Resources::Templates(operation.resources())
            } else {
                Resources::OtherService
            };
            assert_eq!(requirement.resources(), expected, "{}", operation.name());
        }
    }
}

#[test]
fn other_services_leave_resources_to_caller() {
    for operation in sagemaker_permissions::operations() {
        for requirement in operation.requirements(Source::Iam) {
            if requirement.action().service() != "sagemaker" {
                assert_eq!(requirement.resources(), Resources::OtherService);
            }
        }
    }
}

#[test]
fn always_needed_beats_conditional() {
    let operation = sagemaker_permissions::operation("StartNotebookInstance").unwrap();
    let create_grant = operation
        .requirements(Source::Page)
        .find(|requirement| requirement.action() == "kms:CreateGrant")
        .unwrap();
    assert_eq!(create_grant.conditions(), [Condition::KmsKey]);

    let describe_vpc_endpoints = operation
        .requirements(Source::Page)
        .find(|requirement| requirement.action() == "ec2:DescribeVpcEndpoints")
        .unwrap();
    assert_eq!(
        describe_vpc_endpoints.conditions(),
        [Condition::Vpc, Condition::ElasticInference]
    );
}

#[test]
fn add_tags_needs_tags() {
    for operation in sagemaker_permissions::operations() {
        let add_tags = operation
            .requirements(Source::Iam)
            .find(|requirement| requirement.action() == "sagemaker:AddTags");
        if let Some(requirement) = add_tags {
            if operation.name() == "AddTags" {
                assert!(requirement.conditions().is_empty());
            } else {
                assert_eq!(
                    requirement.conditions(),
                    [Condition::Tags],
                    "{}",
                    operation.name()
                );
            }
        }
    }
}

#[test]
fn default_source_is_iam() {
    assert_eq!(Source::default(), Source::Iam);
}

#[test]
fn page_groups_never_carry_iam_conditions() {
    for operation in sagemaker_permissions::operations() {
        for group in operation.conditional_actions() {
            assert!(
                !group.conditions().contains(&Condition::Tags),
                "{}",
                operation.name()
            );
            assert!(
                !group.conditions().contains(&Condition::HubModel),
                "{}",
                operation.name()
            );
        }
    }
}

#[test]
fn access_levels_match_iam() {
    let iam = Iam::load();
    for operation in sagemaker_permissions::operations() {
        let record = iam.operation(operation.name());
        let expected: AccessLevel = record["access_level"]
            .as_str()
            .expect("access_level is a string")
            .parse()
            .expect("IAM's access level is one of AccessLevel's");
        assert_eq!(operation.access_level(), expected, "{}", operation.name());
    }
}

/// Returns the README's table of differences as the crate's data gives it.
fn expected_readme_table() -> String {
    let cell =
        |value: Option<&str>| value.map_or_else(|| "—".to_owned(), |value| format!("`{value}`"));
    let mut table = String::from(
        "| operation | kind | page | IAM | reason |\n| --- | --- | --- | --- | --- |\n",
    );
    for (operation, difference) in sagemaker_permissions::differences() {
        table.push_str(&format!(
            "| `{}` | `{}` | {} | {} | {} |\n",
            operation.name(),
            difference.kind(),
            cell(difference.page()),
            cell(difference.iam()),
            difference.reason().replace('|', "\\|"),
        ));
    }
    table
}

#[test]
fn readme_table_matches_differences() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let section = readme
        .split_once("## Differences from IAM")
        .map(|(_, rest)| rest)
        .expect("README.md has a section `## Differences from IAM`");
    let section = section.split("\n## ").next().unwrap_or(section);
    let table: String = section
        .lines()
        .filter(|line| line.starts_with('|'))
        .map(|line| format!("{line}\n"))
        .collect();
    let expected = expected_readme_table();
    assert!(
        table == expected,
        "README.md's table of differences is out of date; replace it with:\n\n{expected}"
    );
}

#[cfg(feature = "serde")]
#[test]
fn export_carries_differences_and_access_level() {
    let json =
        serde_json::to_value(sagemaker_permissions::Catalog).expect("the catalog serializes");
    let operations = json["operations"]
        .as_array()
        .expect("operations is an array");
    let list_workteams = operations
        .iter()
        .find(|operation| operation["name"] == "ListWorkteams")
        .expect("ListWorkteams is exported");

    assert_eq!(list_workteams["access_level"], "List");
    assert_eq!(
        list_workteams["differences"],
        serde_json::json!([{
            "kind": "only-wildcard",
            "page": "arn:aws:sagemaker:region:account-id:workteam/*",
            "iam": "*",
            "reason": sagemaker_permissions::operation("ListWorkteams")
                .unwrap()
                .differences()
                .next()
                .unwrap()
                .reason(),
        }])
    );

    let update_endpoint = operations
        .iter()
        .find(|operation| operation["name"] == "UpdateEndpoint")
        .expect("UpdateEndpoint is exported");
    assert!(update_endpoint["differences"][0]["page"].is_null());
    assert_eq!(update_endpoint["access_level"], "Write");
}

#[test]
fn new_types_are_send_sync_copy() {
    fn assert_traits<T: Send + Sync + Copy + 'static>() {}
    assert_traits::<sagemaker_permissions::Difference>();
    assert_traits::<DifferenceKind>();
    assert_traits::<sagemaker_permissions::Requirement>();
    assert_traits::<Resources>();
    assert_traits::<Source>();
    assert_traits::<AccessLevel>();
}
