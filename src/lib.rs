//! The IAM permissions of Amazon SageMaker API operations, compiled from AWS's
//! page "Amazon SageMaker API Permissions: Actions, Permissions, and Resources
//! Reference".
//!
//! For each operation on the page the crate gives the IAM actions the call
//! needs and the resource ARNs those actions apply to. It also gives the
//! actions needed only under a condition: a VPC, an elastic inference
//! accelerator, a KMS key or a Git repository's secret. `build.rs` parses the
//! bundled copy of the page, `catalog.md`, into static tables (a generated
//! `match` for exact names, perfect-hash maps for the other keys) at compile
//! time, so a lookup parses nothing, allocates nothing and initialises
//! nothing at run time.
//!
//! On top of the catalog: typed ARNs that render without widening and match
//! with IAM's rules ([`ArnTemplate::render`], [`match_arn`],
//! [`pattern_matches`]), IAM's differences from the page
//! ([`Operation::requirements`]), action wildcards ([`ActionPattern`]) and
//! least-privilege policies ([`PolicyRequest`]).
//!
//! # Quick start
//!
//! ```
//! use sagemaker_permissions::Condition;
//!
//! // Any of the usual spellings finds the operation.
//! let operation = sagemaker_permissions::find_operation("create_notebook_instance").unwrap();
//! assert_eq!(operation.name(), "CreateNotebookInstance");
//!
//! let required: Vec<&str> = operation.actions().map(|action| action.as_str()).collect();
//! assert_eq!(required, ["sagemaker:CreateNotebookInstance", "iam:PassRole"]);
//!
//! // Extra actions when the notebook instance is placed in a VPC.
//! let vpc: Vec<&str> = operation
//!     .conditional_actions()
//!     .filter(|group| group.applies(&[Condition::Vpc]))
//!     .flat_map(|group| group.actions())
//!     .map(|action| action.as_str())
//!     .collect();
//! assert_eq!(
//!     vpc,
//!     [
//!         "ec2:CreateNetworkInterface",
//!         "ec2:DescribeSecurityGroups",
//!         "ec2:DescribeSubnets",
//!         "ec2:DescribeVpcs",
//!     ]
//! );
//!
//! // Resources, as the page writes them and in IAM's form.
//! let resource = operation.resources()[0];
//! assert_eq!(
//!     resource.as_written(),
//!     "arn:aws:sagemaker:region:account-id:notebook-instance/notebookInstanceName"
//! );
//! assert_eq!(
//!     resource.to_string(),
//!     "arn:${Partition}:sagemaker:${Region}:${Account}:notebook-instance/${NotebookInstanceName}"
//! );
//!
//! // Reverse lookup: which operations need an action.
//! let passing_roles = sagemaker_permissions::operations_for_action("iam:PassRole");
//! assert!(passing_roles.map(|operation| operation.name()).any(|name| name == "CreateTrainingJob"));
//! ```
//!
//! # Scope
//!
//! The catalog holds what the page states, row by row: 76 operations of three
//! APIs ([`Api`]). The page dates from 2020 and does not list newer
//! operations. [`CATALOG_SHA256`] identifies the copy of the page a build
//! carries.
//!
//! # Two sets of requirements: the page's and IAM's
//!
//! The page is written by hand, while IAM's Service Authorization Reference is
//! what IAM enforces, and the two differ. A policy built from the page alone
//! can be denied, because IAM also checks UpdateEndpoint against the endpoint
//! configuration and accepts only `*` for ListWorkteams, where the page gives
//! an ARN. It can also lack an action the call needs, such as
//! `sagemaker:AddTags` when a create request carries tags.
//!
//! So the crate keeps the page's data as written and the differences beside
//! it, and [`Operation::requirements`] returns either set:
//!
//! - [`Source::Iam`], the default and the one for policies: the page's
//!   requirements joined with IAM's, with the resources IAM checks.
//! - [`Source::Page`]: the page's requirements alone.
//!
//! ```
//! use sagemaker_permissions::{Condition, Source};
//!
//! let operation = sagemaker_permissions::operation("CreateTrainingJob").unwrap();
//! let needed: Vec<String> = operation
//!     .requirements(Source::Iam)
//!     .filter(|requirement| requirement.applies(&[Condition::Tags]))
//!     .map(|requirement| requirement.action().to_string())
//!     .collect();
//! assert_eq!(needed, ["sagemaker:CreateTrainingJob", "iam:PassRole", "sagemaker:AddTags"]);
//! ```
//!
//! [`Operation::differences`] and [`differences`] name every difference with
//! the page's value, IAM's value and a reason ([`Difference`]); the README
//! lists them all. A test compares every operation with IAM's record and
//! fails on any difference that the crate does not name.
//!
//! Only a misspelled action changes the catalog's own data: the catalog uses
//! IAM's name and keeps the page's spelling on the operation
//! ([`Operation::corrections`]), and reverse lookups accept both spellings.
//!
//! ```
//! // The page's one misspelled action.
//! let listed: Vec<(&str, &str, &str)> = sagemaker_permissions::corrections()
//!     .map(|(operation, correction)| {
//!         (operation.name(), correction.as_written().as_str(), correction.corrected().as_str())
//!     })
//!     .collect();
//! assert_eq!(
//!     listed,
//!     [(
//!         "ListLabelingJobsForWorkteam",
//!         "sagemaker:ListLabelingJobForWorkteam",
//!         "sagemaker:ListLabelingJobsForWorkteam",
//!     )]
//! );
//! ```
//!
//! IAM's records leave out permissions that SageMaker uses on the caller's
//! behalf (KMS grants, VPC network interfaces, Secrets Manager secrets,
//! Cognito user pools, AWS Marketplace subscriptions). For those the page is
//! the only source, and both sets of requirements carry them as the page
//! states them.
//!
//! # ARNs
//!
//! [`ArnTemplate::render`] turns a template into an ARN or policy pattern for
//! a [`Location`], rejecting any value that could widen it; a wildcard comes
//! only from [`Scope::Any`]. [`Arn::parse`] splits an ARN into its fields,
//! [`match_arn`] finds the templates a concrete ARN fits, with the names it
//! captured, and [`pattern_matches`] applies IAM's wildcard rules.
//!
//! ```
//! use sagemaker_permissions::{match_arn, Arn, Location, Scope};
//!
//! let template = sagemaker_permissions::operation("InvokeEndpoint").unwrap().resources()[0];
//! let location = Location::new(Scope::Exact("us-west-2".parse()?), Scope::Exact("111122223333".parse()?));
//! let arn = template.render(&location, &[("EndpointName", Scope::Exact("Churn-Model"))])?;
//! assert_eq!(arn, "arn:aws:sagemaker:us-west-2:111122223333:endpoint/churn-model");
//!
//! let parsed = Arn::parse(&arn)?;
//! let found = match_arn(&parsed)
//!     .find(|found| found.template().iam_form() == template.iam_form())
//!     .unwrap();
//! assert_eq!(found.captures(), [("EndpointName", "churn-model")]);
//! # Ok::<(), sagemaker_permissions::ArnError>(())
//! ```
//!
//! # Policies
//!
//! ```
//! use sagemaker_permissions::{Location, PolicyRequest, Scope};
//!
//! let policy = PolicyRequest::new(Location::new(Scope::Any, Scope::Any))
//!     .operations(["CreateTrainingJob", "InvokeEndpoint"])
//!     .generate()?;
//! let statement = &policy.statements()[0];
//! assert_eq!(statement.sid(), "IamPassRole");
//! assert_eq!(statement.resources(), ["arn:aws:iam::*:role/*"]);
//! assert_eq!(statement.condition().unwrap().key(), "iam:PassedToService");
//! # Ok::<(), sagemaker_permissions::PolicyError>(())
//! ```
//!
//! See [`PolicyRequest`] for what goes on which resource.
//!
//! # Performance
//!
//! Criterion benchmarks in `benches/` compare each path with a `HashMap`, a
//! linear scan or a `match` in the same run; `BENCHMARKS.md` in the
//! repository has the figures and the machine. Tests with a counting
//! allocator check that lookups, reverse lookups and ARN matching allocate
//! nothing.
//!
//! # Features
//!
//! - `serde` (default): `serde::Serialize` for the public types; [`Catalog`]
//!   serializes the whole catalog.

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_auto_cfg))]

mod action_pattern;
mod arn;
#[cfg(test)]
#[allow(dead_code)]
mod corrections;
mod differences;
mod keys;
mod kinds;
mod model;
#[cfg(test)]
#[allow(dead_code)]
mod parser;
mod policy;
mod requirements;
#[cfg(feature = "serde")]
mod serialize;

#[allow(clippy::all, clippy::pedantic)]
mod generated {
    use crate::kinds::{AccessLevel, Api, Condition, ResourceType};
    use crate::model::{
        Action, ArnTemplate, ConditionalGroup, Correction, Operation, Segment, TemplateKind,
        Variable,
    };
    include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
}

pub use arn::{
    match_arn, operations_for_arn, pattern_matches, AccountId, Arn, ArnBuilder, ArnError, Location,
    Partition, Region, Scope, TemplateMatch,
};

use std::fmt;

pub use action_pattern::{operations_covered_by, ActionPattern, ActionPatternError};
pub use differences::Difference;
pub use kinds::{AccessLevel, Api, Condition, DifferenceKind, ResourceType};
pub use model::{
    Action, ArnTemplate, ConditionalGroup, Correction, Operation, Resources, Segment, TemplateKind,
    Variable,
};
pub use policy::{
    other_service_resources, OtherServiceRule, PolicyDocument, PolicyError, PolicyRequest,
    SizeLimit, Statement, StatementCondition, MAX_NAMES, POLICY_VERSION,
};
pub use requirements::{Requirement, Source};

/// The SHA-256 digest of the bundled `catalog.md`, in lower-case hex, as
/// `sha256sum catalog.md` prints it.
pub const CATALOG_SHA256: &str = generated::CATALOG_SHA256;

/// The number of operations in the catalog.
pub const OPERATION_COUNT: usize = generated::OPERATION_COUNT;

/// The address of AWS's page that `catalog.md` copies.
pub const SOURCE_URL: &str =
    "https://docs.aws.amazon.com/sagemaker/latest/dg/api-permissions-reference.html";

/// Returns the operation with exactly this name, such as `CreateTrainingJob`.
///
/// This is the fastest lookup: a generated `match` on the name, no allocation.
///
/// ```
/// assert!(sagemaker_permissions::operation("CreateTrainingJob").is_some());
/// assert!(sagemaker_permissions::operation("createTrainingJob").is_none());
/// ```
pub fn operation(name: &str) -> Option<&'static Operation> {
    generated::index_of_name(name).map(|index| &generated::OPERATIONS[usize::from(index)])
}

/// Returns the operation that `name` refers to in any accepted spelling.
///
/// The spellings are tried in this order:
/// 1. the exact name (`CreateTrainingJob`);
/// 2. the name or the page's label ignoring ASCII case, `_` and `-`
///    (`createTrainingJob`, `create_training_job`, `create-training-job`,
///    `runtime_InvokeEndpoint`);
/// 3. the operation's own action (`sagemaker:CreateTrainingJob`) in any case,
///    also under the page's spelling of a corrected action.
///
/// Allocates nothing.
///
/// ```
/// use sagemaker_permissions::find_operation;
///
/// for spelling in [
///     "CreateTrainingJob",
///     "create_training_job",
///     "create-training-job",
///     "createTrainingJob",
///     "sagemaker:createtrainingjob",
/// ] {
///     assert_eq!(find_operation(spelling).unwrap().name(), "CreateTrainingJob");
/// }
/// assert_eq!(find_operation("runtime_InvokeEndpoint").unwrap().name(), "InvokeEndpoint");
/// assert!(find_operation("CreateTrainingJobs").is_none());
/// ```
pub fn find_operation(name: &str) -> Option<&'static Operation> {
    if let Some(found) = operation(name) {
        return Some(found);
    }
    if name.contains(':') {
        return operation_by_own_action(name);
    }
    let key = keys::fold_name(name)?;
    generated::BY_FOLDED_NAME
        .get(key.as_str())
        .map(|&index| &generated::OPERATIONS[usize::from(index)])
}

/// Returns the operation whose first required action is `action`.
fn operation_by_own_action(action: &str) -> Option<&'static Operation> {
    let key = keys::fold_action(action)?;
    let indices = generated::BY_ACTION.get(key.as_str())?;
    indices
        .iter()
        .map(|&index| &generated::OPERATIONS[usize::from(index)])
        .find(|operation| {
            let own = operation.actions[0];
            own == *action
                || operation.corrections.iter().any(|correction| {
                    correction.corrected == own && correction.as_written == *action
                })
        })
}

/// Returns the operation that `name` refers to, or an error that names the
/// closest operations.
///
/// Accepts the same spellings as [`find_operation`]; only the error path allocates.
///
/// # Errors
///
/// [`UnknownOperation`] when no operation has that name.
///
/// ```
/// let err = sagemaker_permissions::lookup("CreateTraningJob").unwrap_err();
/// assert_eq!(err.suggestions()[0], "CreateTrainingJob");
/// assert!(err.to_string().starts_with("unknown operation `CreateTraningJob`"));
/// ```
pub fn lookup(name: &str) -> Result<&'static Operation, UnknownOperation> {
    find_operation(name).ok_or_else(|| UnknownOperation::new(name))
}

/// Returns every operation in page order.
pub fn operations(
) -> impl ExactSizeIterator<Item = &'static Operation> + DoubleEndedIterator + Clone {
    generated::OPERATIONS.iter()
}

/// Returns every distinct action the catalog names, sorted ignoring case:
/// the page's (required or conditional, of any service) and those that IAM's
/// differences add, such as `sagemaker:DeployHubModel`. Corrected actions
/// appear under IAM's spelling only.
///
/// ```
/// let actions: Vec<_> = sagemaker_permissions::actions().map(|a| a.as_str()).collect();
/// assert!(actions.contains(&"kms:CreateGrant"));
/// assert!(!actions.contains(&"sagemaker:ListLabelingJobForWorkteam"));
/// ```
pub fn actions() -> impl ExactSizeIterator<Item = Action> + DoubleEndedIterator + Clone {
    generated::ACTIONS.iter().copied()
}

/// Returns the operations that may need `action`, in page order: where the
/// page requires it, always or under a condition, or where IAM's differences
/// add it (the requirements of [`Source::Iam`]). The action is matched ignoring ASCII case, and a corrected
/// action is found under the page's spelling too. An unknown action gives an
/// empty iterator. Allocates nothing.
///
/// ```
/// let names: Vec<_> = sagemaker_permissions::operations_for_action("kms:DescribeKey")
///     .map(|operation| operation.name())
///     .collect();
/// assert_eq!(names, ["CreateNotebookInstance", "DeleteNotebookInstance", "StartNotebookInstance"]);
/// ```
pub fn operations_for_action(
    action: &str,
) -> impl ExactSizeIterator<Item = &'static Operation> + DoubleEndedIterator + Clone {
    let indices: &'static [u16] = keys::fold_action(action)
        .and_then(|key| generated::BY_ACTION.get(key.as_str()).copied())
        .unwrap_or(&[]);
    indices
        .iter()
        .map(|&index| &generated::OPERATIONS[usize::from(index)])
}

/// Returns the operations with a resource of `resource_type`, in page order.
///
/// ```
/// use sagemaker_permissions::ResourceType;
///
/// let names: Vec<_> = sagemaker_permissions::operations_for_resource_type(ResourceType::ImageVersion)
///     .map(|operation| operation.name())
///     .collect();
/// assert_eq!(names, ["CreateImageVersion", "DeleteImageVersion", "DescribeImageVersion"]);
/// ```
pub fn operations_for_resource_type(
    resource_type: ResourceType,
) -> impl ExactSizeIterator<Item = &'static Operation> + DoubleEndedIterator + Clone {
    let indices: &'static [u16] = generated::BY_RESOURCE_TYPE
        .get(resource_type.as_str())
        .copied()
        .unwrap_or(&[]);
    indices
        .iter()
        .map(|&index| &generated::OPERATIONS[usize::from(index)])
}

/// Returns the operations of one API, in page order.
///
/// ```
/// use sagemaker_permissions::Api;
///
/// let names: Vec<_> = sagemaker_permissions::operations_of_api(Api::SagemakerA2iRuntime)
///     .map(|operation| operation.name())
///     .collect();
/// assert_eq!(names, ["DeleteHumanLoop", "DescribeHumanLoop", "ListHumanLoops", "StartHumanLoop", "StopHumanLoop"]);
/// ```
pub fn operations_of_api(api: Api) -> impl Iterator<Item = &'static Operation> + Clone {
    operations().filter(move |operation| operation.api == api)
}

/// Returns every correction the catalog applies to the page, with its
/// operation, in page order.
///
/// ```
/// let (operation, correction) = sagemaker_permissions::corrections().next().unwrap();
/// assert_eq!(operation.name(), "ListLabelingJobsForWorkteam");
/// assert_eq!(correction.as_written().as_str(), "sagemaker:ListLabelingJobForWorkteam");
/// assert_eq!(correction.corrected().as_str(), "sagemaker:ListLabelingJobsForWorkteam");
/// ```
pub fn corrections() -> impl Iterator<Item = (&'static Operation, &'static Correction)> + Clone {
    operations().flat_map(|operation| {
        operation
            .corrections
            .iter()
            .map(move |correction| (operation, correction))
    })
}

/// Returns every difference between the page and IAM's Service Authorization
/// Reference, with its operation, in page order.
///
/// ```
/// use sagemaker_permissions::DifferenceKind;
///
/// let spelling: Vec<_> = sagemaker_permissions::differences()
///     .filter(|(_, difference)| difference.kind() == DifferenceKind::ActionName)
///     .map(|(operation, difference)| (operation.name(), difference.page().unwrap()))
///     .collect();
/// assert_eq!(
///     spelling,
///     [("ListLabelingJobsForWorkteam", "sagemaker:ListLabelingJobForWorkteam")]
/// );
/// ```
pub fn differences() -> impl Iterator<Item = (&'static Operation, &'static Difference)> + Clone {
    operations().flat_map(|operation| {
        operation
            .differences()
            .map(move |difference| (operation, difference))
    })
}

/// The error for a name that matches no operation, with the closest names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown operation `{}`{}", arn::Escaped(.name), ClosestNames(.suggestions))]
pub struct UnknownOperation {
    name: String,
    suggestions: Vec<&'static str>,
}

impl UnknownOperation {
    /// How many names the error suggests at most.
    const SUGGESTIONS: usize = 3;

    fn new(name: &str) -> Self {
        let folded_input = keys::fold_name(name)
            .map(|key| key.as_str().to_owned())
            .unwrap_or_else(|| name.to_ascii_lowercase());
        let mut ranked: Vec<(usize, &'static str)> = operations()
            .map(|operation| {
                let candidate = operation.name.to_ascii_lowercase();
                (edit_distance(&folded_input, &candidate), operation.name)
            })
            .collect();
        ranked.sort();
        let limit = folded_input.len().max(4) / 2;
        let suggestions = ranked
            .into_iter()
            .filter(|&(distance, _)| distance <= limit)
            .take(Self::SUGGESTIONS)
            .map(|(_, name)| name)
            .collect();
        Self {
            name: name.to_owned(),
            suggestions,
        }
    }

    /// Returns the name that matched nothing.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns up to three operation names closest to the name, closest first.
    pub fn suggestions(&self) -> &[&'static str] {
        &self.suggestions
    }
}

struct ClosestNames<'a>(&'a [&'static str]);

impl fmt::Display for ClosestNames<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return Ok(());
        }
        f.write_str("; closest: ")?;
        for (index, name) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            f.write_str(name)?;
        }
        Ok(())
    }
}

/// Levenshtein distance over bytes.
fn edit_distance(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.as_bytes().iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Runs the README's examples as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The whole catalog as one value, for serialization.
///
/// With the `serde` feature it serializes as
/// `{"operations": [...]}` in page order; see the README for the schema.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Catalog;

impl Catalog {
    /// Returns every operation in page order, like [`operations`].
    pub fn operations(self) -> impl ExactSizeIterator<Item = &'static Operation> + Clone {
        operations()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_name_differences_applied() {
        let rows = differences::DIFFERENCES
            .iter()
            .filter(|difference| difference.kind() == DifferenceKind::ActionName);
        for row in rows {
            let operation = operation(row.operation()).unwrap();
            let correction = operation
                .corrections()
                .iter()
                .find(|correction| Some(correction.as_written().as_str()) == row.page())
                .unwrap();
            assert_eq!(Some(correction.corrected().as_str()), row.iam());
            assert_eq!(correction.reason(), row.reason());
        }
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
