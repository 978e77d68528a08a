//! Typed ARNs: rendering templates safely, parsing ARNs strictly, and
//! matching ARNs against the catalog's templates and against IAM patterns.
//!
//! - [`ArnTemplate::render`] turns a template into an ARN or policy pattern
//!   for a [`Location`]. Values are validated against SageMaker's naming
//!   rules, and a wildcard comes only from an explicit [`Scope::Any`].
//! - [`Arn::parse`] splits any ARN into its fields.
//! - [`match_arn`] returns every catalog template a concrete ARN fits, with
//!   the captured names; [`operations_for_arn`] returns the operations that
//!   act on it.
//! - [`pattern_matches`] decides whether an IAM `Resource` pattern matches
//!   an ARN, with IAM's wildcard rules.

mod error;
mod location;
mod names;
mod parse;
mod pattern;
mod render;

pub use error::ArnError;
pub(crate) use error::Escaped;
pub use location::{AccountId, Location, Partition, Region, Scope};
pub use parse::Arn;
pub use pattern::pattern_matches;
pub use render::ArnBuilder;

use crate::generated;
use crate::kinds::ResourceType;
use crate::model::{ArnTemplate, Operation, Segment, TemplateKind};
use names::NameRule;

/// The maximum number of variables in a template of the page, which
/// [`match_arn`] matches against; checked by a unit test. IAM's templates in
/// the table of differences are not matched.
const MAX_VARIABLES: usize = 2;

/// A catalog template that an ARN fits, with the names it captured.
///
/// ```
/// use sagemaker_permissions::{match_arn, Arn, ResourceType};
///
/// let arn = Arn::parse("arn:aws:sagemaker:us-east-1:111122223333:image-version/my-image/3").unwrap();
/// let found = match_arn(&arn)
///     .find(|found| found.capture("Version").is_some())
///     .unwrap();
/// assert_eq!(found.resource_type(), Some(ResourceType::ImageVersion));
/// assert_eq!(found.template().iam_form(), "arn:${Partition}:sagemaker:${Region}:${Account}:image-version/${ImageName}/${Version}");
/// assert_eq!(found.captures(), [("ImageName", "my-image"), ("Version", "3")]);
/// assert_eq!(found.capture("Version"), Some("3"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemplateMatch<'a> {
    index: usize,
    captures: [(&'static str, &'a str); MAX_VARIABLES],
    capture_count: usize,
}

impl<'a> TemplateMatch<'a> {
    /// Returns the template. Templates with the same IAM form are one
    /// template, carrying the page's spelling where it first appears.
    pub fn template(&self) -> &'static ArnTemplate {
        &generated::TEMPLATES[self.index]
    }

    /// Returns the template's resource type, or `None` for `*` and the
    /// account-wide template.
    pub fn resource_type(&self) -> Option<ResourceType> {
        self.template().resource_type()
    }

    /// Returns each variable's IAM name with the text it captured, in path order.
    pub fn captures(&self) -> &[(&'static str, &'a str)] {
        &self.captures[..self.capture_count]
    }

    /// Returns the text captured for the variable `name`.
    pub fn capture(&self, name: &str) -> Option<&'a str> {
        self.captures()
            .iter()
            .find(|(variable, _)| *variable == name)
            .map(|&(_, value)| value)
    }

    /// Returns the operations that list the template, in page order.
    pub fn operations(
        &self,
    ) -> impl ExactSizeIterator<Item = &'static Operation> + DoubleEndedIterator + Clone {
        generated::TEMPLATE_OPERATIONS[self.index]
            .iter()
            .map(|&index| &generated::OPERATIONS[usize::from(index)])
    }
}

/// Returns every catalog template that the concrete ARN `arn` fits, in the
/// order the templates first appear on the page, without allocating.
///
/// Templates are distinct by IAM form, so a template that several operations
/// list appears once; [`TemplateMatch::operations`] lists those operations.
///
/// The rules:
/// - `*` fits every ARN.
/// - The other templates need service `sagemaker`, a known partition, a
///   region of that partition and a 12-digit account.
/// - The account-wide template fits every such ARN.
/// - A resource template needs the resource type as the first path segment,
///   compared case-sensitively, so `endpoint` does not fit `endpoint-config/x`.
/// - A variable covers exactly one path segment that follows SageMaker's
///   naming rule for it, so `image/a` does not fit `image-version/a/1`.
/// - A template ending in `/*` covers any non-empty rest of the path,
///   including deeper paths.
///
/// ```
/// use sagemaker_permissions::{match_arn, Arn, TemplateKind};
///
/// let arn = Arn::parse("arn:aws:sagemaker:us-east-1:111122223333:endpoint/my-endpoint").unwrap();
/// let kinds: Vec<TemplateKind> = match_arn(&arn).map(|found| found.template().kind()).collect();
/// assert_eq!(kinds.len(), 3); // `*`, the account-wide template and `endpoint/${EndpointName}`
/// ```
pub fn match_arn<'a>(arn: &Arn<'a>) -> impl Iterator<Item = TemplateMatch<'a>> + Clone + 'a {
    let arn = *arn;
    let in_sagemaker = is_sagemaker_arn(&arn);
    // Only `*` fits an ARN outside SageMaker; inside, only the generic
    // templates and those of the ARN's own resource type can fit.
    let candidates: &'static [u16] = if in_sagemaker {
        let type_name = split_at_slash(arn.resource()).0;
        match type_name.parse::<ResourceType>() {
            Ok(resource_type) => generated::TEMPLATES_FOR_TYPE[resource_type as usize],
            Err(_) => generated::GENERIC_TEMPLATES,
        }
    } else {
        generated::ANY_TEMPLATES
    };
    candidates.iter().filter_map(move |&index| {
        let index = usize::from(index);
        match_template(index, &generated::TEMPLATES[index], &arn, in_sagemaker)
    })
}

/// Returns the operations with a resource template that the concrete ARN
/// `arn` fits, in page order, each once, without allocating.
///
/// The template `*` is left out. The page gives it to operations such as
/// `ListEndpoints` that take no resource-level permission, so matching it
/// carries no information about the ARN. The templates are the page's: an
/// operation for which IAM accepts only `*` (such as `ListWorkteams`, see
/// [`Operation::differences`](crate::Operation::differences)) is still listed
/// when the page gives it an ARN the resource fits.
///
/// ```
/// use sagemaker_permissions::{operations_for_arn, Arn};
///
/// let arn = Arn::parse("arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/my-config").unwrap();
/// let names: Vec<&str> = operations_for_arn(&arn).map(|operation| operation.name()).collect();
/// assert!(names.contains(&"CreateEndpointConfig"));
/// assert!(names.contains(&"AddTags"));
/// assert!(!names.contains(&"DescribeEndpoint"));
/// assert!(!names.contains(&"ListEndpointConfigs"));
/// ```
pub fn operations_for_arn(arn: &Arn<'_>) -> impl Iterator<Item = &'static Operation> + Clone {
    // One bit per operation, in page order, so the result needs no allocation.
    const _: () = assert!(
        generated::OPERATION_COUNT <= 128,
        "operations_for_arn keeps one bit per operation in a u128"
    );
    let mut selected: u128 = 0;
    for found in match_arn(arn) {
        if found.template().kind() == TemplateKind::Any {
            continue;
        }
        for &index in generated::TEMPLATE_OPERATIONS[found.index] {
            selected |= 1 << index;
        }
    }
    crate::operations()
        .enumerate()
        .filter(move |&(index, _)| selected & (1 << index) != 0)
        .map(|(_, operation)| operation)
}

/// Returns whether the ARN names a SageMaker resource in a known partition,
/// a region of that partition and a 12-digit account.
fn is_sagemaker_arn(arn: &Arn<'_>) -> bool {
    arn.service() == "sagemaker"
        && Partition::of_region(arn.region())
            .is_some_and(|partition| partition.as_str() == arn.partition())
        && AccountId::is_valid(arn.account())
}

/// Splits `path` at its first `/` into the first segment and the rest, or
/// `None` for the rest when there is no `/`. A byte loop, because path
/// segments are short and `split_once` costs more per call than it saves.
fn split_at_slash(path: &str) -> (&str, Option<&str>) {
    match path.as_bytes().iter().position(|&byte| byte == b'/') {
        Some(index) => (&path[..index], Some(&path[index + 1..])),
        None => (path, None),
    }
}

/// Matches one template; `index` is its position in `generated::TEMPLATES`.
fn match_template<'a>(
    index: usize,
    template: &ArnTemplate,
    arn: &Arn<'a>,
    in_sagemaker: bool,
) -> Option<TemplateMatch<'a>> {
    let mut found = TemplateMatch {
        index,
        captures: [("", ""); MAX_VARIABLES],
        capture_count: 0,
    };
    let resource_type = match template.kind() {
        TemplateKind::Any => return Some(found),
        TemplateKind::AccountWide => return in_sagemaker.then_some(found),
        TemplateKind::Resource(resource_type) => resource_type,
    };
    if !in_sagemaker {
        return None;
    }

    let path = arn.resource().strip_prefix(resource_type.as_str())?;
    // `None` once the path has no segments left.
    let mut remaining = Some(path.strip_prefix('/')?);
    for segment in template.segments() {
        let rest = remaining?;
        if let Segment::Wildcard = segment {
            return (!rest.is_empty()).then_some(found);
        }
        let (head, tail) = split_at_slash(rest);
        match segment {
            Segment::Literal(text) if head == *text => {}
            Segment::Variable(variable)
                if NameRule::of(variable.name()).is_some_and(|rule| rule.accepts(head)) =>
            {
                let slot = found.captures.get_mut(found.capture_count)?;
                *slot = (variable.name(), head);
                found.capture_count += 1;
            }
            _ => return None,
        }
        remaining = tail;
    }
    // The path must end where the template ends.
    remaining.is_none().then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variable_has_naming_rule() {
        let from_iam = crate::operations()
            .flat_map(|operation| operation.requirements(crate::Source::Iam))
            .flat_map(|requirement| requirement.resources().templates());
        for template in generated::TEMPLATES.iter().chain(from_iam) {
            for variable in template.variables() {
                assert!(
                    NameRule::of(variable.name()).is_some(),
                    "no naming rule for {} in {}",
                    variable.name(),
                    template.iam_form()
                );
            }
        }
    }

    #[test]
    fn templates_fit_builder() {
        let from_iam = crate::operations()
            .flat_map(|operation| operation.requirements(crate::Source::Iam))
            .flat_map(|requirement| requirement.resources().templates());
        for template in generated::TEMPLATES.iter().chain(from_iam) {
            assert!(
                template.variables().count() < render::BUILDER_VALUES,
                "{template}"
            );
        }
    }

    #[test]
    fn templates_fit_capture_array() {
        for template in &generated::TEMPLATES {
            assert!(template.variables().count() <= MAX_VARIABLES, "{template}");
        }
    }

    #[test]
    fn templates_distinct_by_iam_form() {
        for (index, template) in generated::TEMPLATES.iter().enumerate() {
            for other in &generated::TEMPLATES[..index] {
                assert_ne!(template.iam_form(), other.iam_form());
            }
        }
    }

    #[test]
    fn every_operation_template_listed() {
        for (position, operation) in crate::operations().enumerate() {
            for resource in operation.resources() {
                let index = generated::TEMPLATES
                    .iter()
                    .position(|template| template.iam_form() == resource.iam_form())
                    .unwrap_or_else(|| panic!("{resource} missing from TEMPLATES"));
                let users = generated::TEMPLATE_OPERATIONS[index];
                assert!(
                    users.contains(&u16::try_from(position).unwrap()),
                    "{resource}"
                );
            }
        }
    }
}
