//! Requirements of an operation, from the page alone or as IAM needs them.

use strum::{AsRefStr, Display, EnumIter, EnumString, IntoStaticStr};

use crate::differences::{Difference, Effect, DIFFERENCES};
use crate::kinds::Condition;
use crate::model::{Action, Operation, Resources};

/// The record that [`Operation::requirements`] follows.
///
/// The page is AWS's hand-written reference from 2020. IAM's Service
/// Authorization Reference is what IAM enforces. A policy built from the page
/// alone can fail with AccessDenied, so policies should use
/// [`Iam`](Self::Iam), the default. The kebab-case names (`iam`, `page`) are
/// the `Display` and `FromStr` forms.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Display,
    EnumString,
    IntoStaticStr,
    AsRefStr,
    EnumIter,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Source {
    /// The page's requirements joined with IAM's: every action that either of
    /// them names, with the resources IAM checks for the call. Use this for
    /// policies.
    #[default]
    Iam,
    /// The page's requirements alone, with its misspelled actions corrected.
    Page,
}

/// One action that an operation needs, when it needs it and on which resources.
///
/// ```
/// use sagemaker_permissions::{Condition, Resources, Source};
///
/// let operation = sagemaker_permissions::operation("CreateEndpoint").unwrap();
/// let add_tags = operation
///     .requirements(Source::Iam)
///     .find(|requirement| requirement.action() == "sagemaker:AddTags")
///     .unwrap();
/// assert_eq!(add_tags.conditions(), [Condition::Tags]);
/// let Resources::Templates(templates) = add_tags.resources() else { unreachable!() };
/// assert_eq!(
///     templates[0].to_string(),
///     "arn:${Partition}:sagemaker:${Region}:${Account}:endpoint/${EndpointName}"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Requirement {
    action: Action,
    conditions: &'static [Condition],
    resources: Resources,
}

impl Requirement {
    /// Returns the action, such as `sagemaker:CreateTrainingJob`.
    pub fn action(&self) -> Action {
        self.action
    }

    /// Returns the conditions that must all hold for the action to be needed,
    /// in the order of [`Condition`]. The slice is empty when the action is
    /// always needed.
    pub fn conditions(&self) -> &'static [Condition] {
        self.conditions
    }

    /// Returns whether the action is needed for a request of which the
    /// conditions in `holding` hold, that is, whether each of its conditions
    /// is in `holding`.
    pub fn applies(&self, holding: &[Condition]) -> bool {
        self.conditions
            .iter()
            .all(|condition| holding.contains(condition))
    }

    /// Returns the resources the action applies to.
    pub fn resources(&self) -> Resources {
        self.resources
    }
}

impl Operation {
    /// Returns the differences between the page and IAM's Service
    /// Authorization Reference for this operation, in the order of the
    /// crate's table.
    ///
    /// ```
    /// let operation = sagemaker_permissions::operation("ListWorkteams").unwrap();
    /// let kinds: Vec<String> = operation.differences().map(|d| d.kind().to_string()).collect();
    /// assert_eq!(kinds, ["only-wildcard"]);
    /// ```
    pub fn differences(&self) -> impl Iterator<Item = &'static Difference> + Clone {
        self.difference_rows
            .iter()
            .map(|&row| &DIFFERENCES[usize::from(row)])
    }

    /// Returns the actions the operation needs, with the conditions under
    /// which each is needed and the resources it applies to.
    ///
    /// With [`Source::Page`] the requirements are the page's: its required
    /// actions, then its conditional ones, with the page's ARNs on the
    /// SageMaker actions. With [`Source::Iam`] (the default) they are the
    /// page's joined with IAM's. The actions that IAM authorizes for the call
    /// and the page leaves out follow the page's. The operation's own action
    /// applies to the resources IAM checks, which may differ from the page's
    /// (see [`Operation::differences`]).
    ///
    /// Where the operation needs an action in several places on the same
    /// resources, a place whose conditions include another's adds nothing and
    /// is left out. So an action needed always and also under a condition is
    /// listed once, as always needed. An action needed when the request names
    /// a VPC, and also when it names a VPC and an accelerator, is listed once,
    /// under the VPC. An action needed under conditions that do not include
    /// each other, or on other resources, is listed once for each, and is
    /// needed when any of its requirements [applies](Requirement::applies).
    /// No requirement is ever widened to "always".
    ///
    /// ```
    /// use sagemaker_permissions::{Condition, Resources, Source};
    ///
    /// let operation = sagemaker_permissions::operation("UpdateEndpoint").unwrap();
    ///
    /// // The page gives only the endpoint; IAM also checks the endpoint configuration.
    /// let page = operation.requirements(Source::Page).next().unwrap();
    /// assert_eq!(page.resources().templates().len(), 1);
    /// let iam = operation.requirements(Source::default()).next().unwrap();
    /// let types: Vec<_> = iam
    ///     .resources()
    ///     .templates()
    ///     .iter()
    ///     .map(|template| template.resource_type().unwrap().as_str())
    ///     .collect();
    /// assert_eq!(types, ["endpoint", "endpoint-config"]);
    ///
    /// // IAM accepts only `*` for ListWorkteams; the page gives an ARN.
    /// let operation = sagemaker_permissions::operation("ListWorkteams").unwrap();
    /// let iam = operation.requirements(Source::Iam).next().unwrap();
    /// assert_eq!(iam.resources(), Resources::OnlyWildcard);
    /// ```
    pub fn requirements(&self, source: Source) -> impl Iterator<Item = Requirement> + Clone {
        let entries = entries(*self, source);
        let all = entries.clone();
        entries
            .enumerate()
            .filter(move |(index, entry)| {
                let covered = all.clone().enumerate().any(|(other_index, other)| {
                    other_index != *index
                        && other.action == entry.action
                        && other.resources == entry.resources
                        && covers(other.conditions, other_index, entry.conditions, *index)
                });
                !covered
            })
            .map(|(_, entry)| entry)
    }
}

/// Returns whether a place needing an action under `conditions` (at
/// position `index`) makes a place needing it under `other` (at
/// `other_index`) redundant. It does when its conditions are a subset of the
/// other's; for equal sets, the earlier place is the one kept.
fn covers(conditions: &[Condition], index: usize, other: &[Condition], other_index: usize) -> bool {
    let subset = conditions.iter().all(|condition| other.contains(condition));
    let equal = subset && other.iter().all(|condition| conditions.contains(condition));
    subset && (!equal || index < other_index)
}

/// Returns every place the operation needs an action, in order, with
/// repeats: the page's required actions, its conditional ones, then for
/// [`Source::Iam`] the actions that the table adds.
fn entries(operation: Operation, source: Source) -> impl Iterator<Item = Requirement> + Clone {
    let own_resources = own_resources(operation, source);
    let on_page = move |action: Action, conditions: &'static [Condition]| Requirement {
        action,
        conditions,
        resources: if action.service() == "sagemaker" {
            own_resources
        } else {
            Resources::OtherService
        },
    };

    let required = operation
        .actions
        .iter()
        .map(move |&action| on_page(action, &[]));
    let conditional = operation.conditional_actions.iter().flat_map(move |group| {
        group
            .actions
            .iter()
            .map(move |&action| on_page(action, group.conditions))
    });
    let added = operation
        .differences()
        .filter(move |_| source == Source::Iam)
        .filter_map(|difference| match difference.effect {
            Effect::AddAction {
                action,
                conditions,
                resources,
            } => Some(Requirement {
                action,
                conditions,
                resources,
            }),
            Effect::None | Effect::OwnResources(_) => None,
        });
    required.chain(conditional).chain(added)
}

/// Returns the resources of the page's SageMaker actions: the page's ARNs, or
/// for [`Source::Iam`] the resources IAM checks where the table replaces them.
fn own_resources(operation: Operation, source: Source) -> Resources {
    let page = Resources::Templates(operation.resources);
    if source == Source::Page {
        return page;
    }
    operation
        .differences()
        .find_map(|difference| match difference.effect {
            Effect::OwnResources(resources) => Some(resources),
            Effect::None | Effect::AddAction { .. } => None,
        })
        .unwrap_or(page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Segment;

    #[test]
    fn weaker_conditions_cover_stronger() {
        let vpc: &[Condition] = &[Condition::Vpc];
        let vpc_and_accelerator: &[Condition] = &[Condition::Vpc, Condition::ElasticInference];
        assert!(covers(vpc, 0, vpc_and_accelerator, 1));
        assert!(covers(vpc, 1, vpc_and_accelerator, 0));
        assert!(!covers(vpc_and_accelerator, 0, vpc, 1));
    }

    #[test]
    fn always_covers_every_condition() {
        assert!(covers(&[], 1, &[Condition::KmsKey], 0));
        assert!(!covers(&[Condition::KmsKey], 0, &[], 1));
    }

    #[test]
    fn disjoint_conditions_both_kept() {
        assert!(!covers(&[Condition::Vpc], 0, &[Condition::KmsKey], 1));
        assert!(!covers(&[Condition::KmsKey], 1, &[Condition::Vpc], 0));
    }

    #[test]
    fn equal_conditions_keep_earlier() {
        assert!(covers(&[Condition::Vpc], 0, &[Condition::Vpc], 1));
        assert!(!covers(&[Condition::Vpc], 1, &[Condition::Vpc], 0));
    }

    #[test]
    fn requirements_never_widen() {
        // Every place that needs an action is implied by a listed requirement
        // with the same resources and no more conditions.
        for source in [Source::Iam, Source::Page] {
            for operation in crate::operations() {
                let listed: Vec<Requirement> = operation.requirements(source).collect();
                for place in entries(*operation, source) {
                    assert!(
                        listed
                            .iter()
                            .any(|requirement| requirement.action == place.action
                                && requirement.resources == place.resources
                                && requirement
                                    .conditions
                                    .iter()
                                    .all(|c| place.conditions.contains(c))),
                        "{}: {} under {:?} is lost",
                        operation.name,
                        place.action,
                        place.conditions
                    );
                }
                for requirement in &listed {
                    assert!(
                        entries(*operation, source).any(|place| place == *requirement),
                        "{}: {} is not a place on the page or in IAM's record",
                        operation.name,
                        requirement.action
                    );
                }
            }
        }
    }

    #[test]
    fn every_table_row_names_an_operation() {
        for difference in DIFFERENCES {
            assert!(
                crate::operation(difference.operation).is_some(),
                "src/differences.rs: no operation `{}`",
                difference.operation
            );
        }
    }

    #[test]
    fn table_is_in_page_order() {
        let positions: Vec<usize> = DIFFERENCES
            .iter()
            .map(|difference| {
                crate::operations()
                    .position(|operation| operation.name == difference.operation)
                    .unwrap_or(usize::MAX)
            })
            .collect();
        let mut sorted = positions.clone();
        sorted.sort();
        assert_eq!(positions, sorted);
    }

    #[test]
    fn one_resource_row_per_operation() {
        for operation in crate::operations() {
            let rows = operation
                .differences()
                .filter(|difference| matches!(difference.effect, Effect::OwnResources(_)))
                .count();
            assert!(
                rows <= 1,
                "{} has {rows} rows that replace its resources",
                operation.name
            );
        }
    }

    #[test]
    fn added_templates_render_iam_form() {
        for difference in DIFFERENCES {
            let resources = match difference.effect {
                Effect::OwnResources(resources) | Effect::AddAction { resources, .. } => resources,
                Effect::None => continue,
            };
            for template in resources.templates() {
                let mut rendered = String::from("arn:${Partition}:sagemaker:${Region}:${Account}:");
                rendered.push_str(template.resource_type().unwrap().as_str());
                for segment in template.segments() {
                    rendered.push('/');
                    match segment {
                        Segment::Literal(text) => rendered.push_str(text),
                        Segment::Variable(variable) => {
                            rendered.push_str("${");
                            rendered.push_str(variable.name());
                            rendered.push('}');
                        }
                        Segment::Wildcard => rendered.push('*'),
                    }
                }
                assert_eq!(template.iam_form(), rendered);
                assert_eq!(template.as_written(), template.iam_form());
                let names: Vec<&str> = template.variables().map(|v| v.name()).collect();
                assert_eq!(names, template.resource_type().unwrap().variables());
            }
        }
    }

    #[test]
    fn page_mode_adds_nothing() {
        for operation in crate::operations() {
            let page: Vec<Action> = operation
                .requirements(Source::Page)
                .map(|r| r.action())
                .collect();
            let mut expected: Vec<Action> = Vec::new();
            for action in operation.all_actions() {
                if !expected.contains(&action) {
                    expected.push(action);
                }
            }
            assert_eq!(page, expected, "{}", operation.name);
        }
    }
}
