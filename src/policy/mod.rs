//! Least-privilege IAM policies for a set of SageMaker operations.
//!
//! [`PolicyRequest`] collects the operations, the conditions that hold, the
//! location and any names; [`PolicyRequest::generate`] writes the policy.

mod document;
mod other_services;

use std::collections::{BTreeMap, BTreeSet};

pub use document::{PolicyDocument, Statement, StatementCondition, POLICY_VERSION};
pub use other_services::{other_service_resources, OtherServiceRule};

use crate::arn::{ArnError, Location, Scope};
use crate::kinds::{Condition, ResourceType};
use crate::model::{Action, ArnTemplate, Operation, Resources};
use crate::requirements::Source;
use crate::{lookup, UnknownOperation};

use document::StatementCondition as Cond;

/// The maximum number of names a request takes. One managed policy has room
/// for about a hundred ARNs, so a thousand names need about ten documents from
/// [`PolicyRequest::generate_split`]; the bound keeps rendering cheap.
pub const MAX_NAMES: usize = 1_000;

/// IAM's limit on the size of a policy, in characters without whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum SizeLimit {
    /// A customer managed policy: 6,144 characters.
    #[default]
    ManagedPolicy,
    /// All inline policies of one role together: 10,240 characters.
    InlineRolePolicy,
}

impl SizeLimit {
    /// Returns the limit in characters, whitespace not counted.
    pub fn characters(self) -> usize {
        match self {
            Self::ManagedPolicy => 6_144,
            Self::InlineRolePolicy => 10_240,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Self::ManagedPolicy => "managed policy",
            Self::InlineRolePolicy => "inline role policy",
        }
    }
}

/// A failure to generate a policy. Every message names the offending value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// The request names no operation.
    #[error("no operations requested: name at least one SageMaker operation")]
    NoOperations,
    /// A requested operation is not in the catalog.
    #[error(transparent)]
    UnknownOperation(#[from] UnknownOperation),
    /// A name could not be rendered into an ARN.
    #[error(transparent)]
    Arn(#[from] ArnError),
    /// A name was given that no template of the requested operations takes,
    /// so leaving it out silently would grant more than the caller named.
    #[error("name `{value}` for {variable} fills no ARN of the requested operations: their templates lack the variable or end in `*` where it would stand; leave the name out or request an operation that takes it")]
    UnusedName {
        /// The IAM name of the variable, such as `WorkteamName`.
        variable: String,
        /// The name as given.
        value: String,
    },
    /// Several values were given for two variables of one template, so the
    /// pairs they form are ambiguous.
    #[error("several values for both {first} and {second} of `{template}`: which values go together is ambiguous; generate one policy per combination")]
    AmbiguousNames {
        /// The template in IAM's form.
        template: &'static str,
        /// The first variable with several values.
        first: &'static str,
        /// The second variable with several values.
        second: &'static str,
    },
    /// More names were given than a request accepts.
    #[error("{count} names given, more than the {MAX_NAMES} a policy request accepts")]
    TooManyNames {
        /// The number of names given.
        count: usize,
    },
    /// An ARN was given for a resource that no requested action uses, so
    /// the call that needs it would be denied.
    #[error("{kind} ARN `{value}` is used by no requested action: {remedy}, or leave it out")]
    UnusedResourceArn {
        /// The use the ARN was given for: `role`, `KMS key`, `secret` or `user pool`.
        kind: &'static str,
        /// The ARN as given.
        value: String,
        /// The change to the request that would make an action use it.
        remedy: &'static str,
    },
    /// A name was given for a variable no resource type has.
    #[error("unknown variable `{name}`: expected a variable of a SageMaker resource type, such as TrainingJobName")]
    UnknownVariable {
        /// The variable name as given.
        name: String,
    },
    /// An ARN given for a resource outside SageMaker is invalid for its use.
    #[error("invalid {kind} ARN `{value}`: {rule}")]
    InvalidResourceArn {
        /// The use the ARN was given for: `role`, `KMS key`, `secret` or `user pool`.
        kind: &'static str,
        /// The ARN as given.
        value: String,
        /// The rule it breaks.
        rule: String,
    },
    /// An operation needs an action of another service that the crate has no
    /// resource rule for, so it cannot choose a resource without guessing.
    #[error("no resource rule for `{action}`, which {operation} needs: the crate will not guess a resource for it")]
    UnsupportedAction {
        /// The action.
        action: Action,
        /// The operation that needs it.
        operation: &'static str,
    },
    /// The policy is larger than the chosen limit.
    #[error("the policy has {size} characters, {} over the {} limit of {limit}: request fewer operations or split it with generate_split", size - limit, .kind.describe())]
    TooLarge {
        /// The policy's size, whitespace not counted.
        size: usize,
        /// The limit.
        limit: usize,
        /// Which limit.
        kind: SizeLimit,
    },
    /// A statement with a single resource is larger than the limit, so
    /// splitting cannot help.
    #[error("statement `{sid}` with a single resource has {size} characters, over the {} limit of {limit}", .kind.describe())]
    StatementTooLarge {
        /// The statement's id.
        sid: String,
        /// The size of a policy holding only that statement.
        size: usize,
        /// The limit.
        limit: usize,
        /// Which limit.
        kind: SizeLimit,
    },
}

/// The variable that a value given with [`PolicyRequest::name`] or
/// [`PolicyRequest::variable`] fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameTarget<'a> {
    ResourceType(ResourceType),
    Variable(&'a str),
}

/// A request for a least-privilege policy: what to grant, where, and under
/// which conditions.
///
/// Building a request never fails; [`generate`](Self::generate) validates
/// everything and returns a [`PolicyError`] that names the bad value.
///
/// # What goes on which resource
///
/// - SageMaker actions go on the ARNs rendered from the operation's
///   templates: with the names given, or with the explicit per-type wildcard
///   (`training-job/*`) where none is given. With [`Source::Iam`], the
///   default, an action goes on `*` only where IAM accepts nothing else for
///   it (the `List` actions, for example). With [`Source::Page`] the policy
///   uses the page's resources as written, which include `*` for
///   `ListLabelingJobsForWorkteam` and ARNs that IAM never matches (see
///   [`Operation::differences`](crate::Operation::differences)).
/// - With [`Source::Iam`], where the page writes `workteam/*` or `image/*` but
///   IAM checks one named resource, the templates have the name's variable,
///   so a name narrows them. The tagging calls' account-wide `arn:…:*`, and
///   with [`Source::Page`] the page's `/*`, keep their form. A name that no
///   template takes is an error rather than silently dropped.
/// - Actions of other services never go on a SageMaker ARN. Each has a rule,
///   listed in [`other_service_resources`]: `iam:PassRole` goes on the roles
///   given (default: every role in the account, never `*`) and always carries
///   the condition `iam:PassedToService` = `sagemaker.amazonaws.com`. When
///   the location's account is [`Scope::Any`], the defaults cover every
///   account, as the caller asked.
/// - Conditional actions appear only when all their conditions hold.
///
/// ```
/// use sagemaker_permissions::{Condition, Location, PolicyRequest, ResourceType, Scope};
///
/// let location = Location::new(
///     Scope::Exact("eu-west-1".parse().unwrap()),
///     Scope::Exact("111122223333".parse().unwrap()),
/// );
/// let policy = PolicyRequest::new(location)
///     .operation("CreateTrainingJob")
///     .condition(Condition::KmsKey)
///     .name(ResourceType::TrainingJob, "nightly-xgboost")
///     .role("arn:aws:iam::111122223333:role/SageMakerExecution")
///     .generate()
///     .unwrap();
/// let json = policy.to_string();
/// assert!(json.contains(r#""Resource":["arn:aws:sagemaker:eu-west-1:111122223333:training-job/nightly-xgboost"]"#));
/// assert!(json.contains(r#""iam:PassedToService":["sagemaker.amazonaws.com"]"#));
/// assert!(json.contains("kms:CreateGrant"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyRequest<'a> {
    operations: Vec<&'a str>,
    conditions: Vec<Condition>,
    location: Location,
    source: Source,
    names: Vec<(NameTarget<'a>, &'a str)>,
    roles: Vec<&'a str>,
    kms_keys: Vec<&'a str>,
    secrets: Vec<&'a str>,
    user_pools: Vec<&'a str>,
    limit: SizeLimit,
}

impl<'a> PolicyRequest<'a> {
    /// Starts a request for resources in `location`. A location whose region
    /// or account is [`Scope::Any`] gives patterns for every region or account.
    pub fn new(location: Location) -> Self {
        Self {
            operations: Vec::new(),
            conditions: Vec::new(),
            location,
            source: Source::default(),
            names: Vec::new(),
            roles: Vec::new(),
            kms_keys: Vec::new(),
            secrets: Vec::new(),
            user_pools: Vec::new(),
            limit: SizeLimit::default(),
        }
    }

    /// Adds an operation, in any spelling that [`lookup`] accepts.
    pub fn operation(mut self, name: &'a str) -> Self {
        self.operations.push(name);
        self
    }

    /// Adds several operations.
    pub fn operations(mut self, names: impl IntoIterator<Item = &'a str>) -> Self {
        self.operations.extend(names);
        self
    }

    /// Declares that `condition` holds for the calls, so the actions it
    /// requires are granted.
    pub fn condition(mut self, condition: Condition) -> Self {
        if !self.conditions.contains(&condition) {
            self.conditions.push(condition);
        }
        self
    }

    /// Chooses the requirements: [`Source::Iam`] (the default) or the page's
    /// alone with [`Source::Page`].
    pub fn source(mut self, source: Source) -> Self {
        self.source = source;
        self
    }

    /// Names one resource of `resource_type`: the value fills the type's last
    /// variable (`TrainingJobName` for `training-job`, `Version` for
    /// `image-version`). Several names for one type give one ARN each. A type
    /// without names gets its explicit wildcard, such as `training-job/*`.
    pub fn name(mut self, resource_type: ResourceType, name: &'a str) -> Self {
        self.names
            .push((NameTarget::ResourceType(resource_type), name));
        self
    }

    /// Gives a value for a variable by IAM's name, such as `ImageName`.
    pub fn variable(mut self, variable: &'a str, value: &'a str) -> Self {
        self.names.push((NameTarget::Variable(variable), value));
        self
    }

    /// Adds an execution role that the calls pass with `iam:PassRole`.
    pub fn role(mut self, arn: &'a str) -> Self {
        self.roles.push(arn);
        self
    }

    /// Adds the customer-managed KMS key the calls use.
    pub fn kms_key(mut self, arn: &'a str) -> Self {
        self.kms_keys.push(arn);
        self
    }

    /// Adds the Secrets Manager secret of a private Git repository.
    pub fn secret(mut self, arn: &'a str) -> Self {
        self.secrets.push(arn);
        self
    }

    /// Adds the Cognito user pool of a private work team.
    pub fn user_pool(mut self, arn: &'a str) -> Self {
        self.user_pools.push(arn);
        self
    }

    /// Chooses the size limit the policy must fit.
    pub fn size_limit(mut self, limit: SizeLimit) -> Self {
        self.limit = limit;
        self
    }

    /// Generates one policy document.
    ///
    /// # Errors
    ///
    /// [`PolicyError`] for an unknown operation, an invalid name or ARN, an
    /// action without a resource rule, or a policy over the size limit
    /// ([`PolicyError::TooLarge`] gives the excess in characters).
    pub fn generate(&self) -> Result<PolicyDocument, PolicyError> {
        let document = self.build()?;
        let size = document.size();
        let limit = self.limit.characters();
        if size > limit {
            return Err(PolicyError::TooLarge {
                size,
                limit,
                kind: self.limit,
            });
        }
        Ok(document)
    }

    /// Generates the policy as one or more documents, each within the size
    /// limit, with the statements in order.
    ///
    /// A statement that does not fit a document on its own, because it lists
    /// many resources, is cut into statements with the same actions and
    /// condition and a share of the resources each. All but the first get
    /// `Part2`, `Part3`, … appended to their `Sid`.
    ///
    /// # Errors
    ///
    /// As [`generate`](Self::generate), but instead of
    /// [`PolicyError::TooLarge`], [`PolicyError::StatementTooLarge`] when a
    /// statement with a single resource does not fit.
    pub fn generate_split(&self) -> Result<Vec<PolicyDocument>, PolicyError> {
        let whole = self.build()?;
        let limit = self.limit.characters();
        let empty = PolicyDocument {
            source: whole.source,
            statements: Vec::new(),
        };
        let overhead = empty.size();

        let mut documents: Vec<PolicyDocument> = Vec::new();
        let mut current = empty.clone();
        let mut current_size = overhead;
        let mut pieces: Vec<Statement> = Vec::new();
        for statement in whole.statements {
            pieces.extend(self.cut_statement(statement, limit - overhead)?);
        }
        for statement in pieces {
            let size = statement.size();
            // A statement after the first in a document also adds a comma.
            let added = size + usize::from(!current.statements.is_empty());
            if current_size + added > limit {
                documents.push(std::mem::replace(&mut current, empty.clone()));
                current_size = overhead + size;
            } else {
                current_size += added;
            }
            current.statements.push(statement);
        }
        documents.push(current);
        Ok(documents)
    }

    /// Cuts `statement` into statements of at most `room` characters each by
    /// sharing out its resources in order.
    fn cut_statement(
        &self,
        statement: Statement,
        room: usize,
    ) -> Result<Vec<Statement>, PolicyError> {
        if statement.size() <= room {
            return Ok(vec![statement]);
        }
        let Statement {
            sid,
            actions,
            resources,
            condition,
        } = statement;
        let mut pieces: Vec<Statement> = Vec::new();
        let mut current = Statement {
            sid: sid.clone(),
            actions: actions.clone(),
            resources: Vec::new(),
            condition: condition.clone(),
        };
        for resource in resources {
            current.resources.push(resource);
            if current.size() <= room {
                continue;
            }
            let resource = current.resources.pop().expect("a resource was just pushed");
            let alone = current.resources.is_empty();
            let mut next = Statement {
                sid: if alone {
                    current.sid.clone()
                } else {
                    format!("{sid}Part{}", pieces.len() + 2)
                },
                actions: actions.clone(),
                resources: vec![resource],
                condition: condition.clone(),
            };
            if alone || next.size() > room {
                return Err(PolicyError::StatementTooLarge {
                    size: next.size() + (self.limit.characters() - room),
                    sid: next.sid,
                    limit: self.limit.characters(),
                    kind: self.limit,
                });
            }
            std::mem::swap(&mut current, &mut next);
            pieces.push(next);
        }
        pieces.push(current);
        Ok(pieces)
    }

    fn resolve_operations(&self) -> Result<Vec<&'static Operation>, PolicyError> {
        if self.operations.is_empty() {
            return Err(PolicyError::NoOperations);
        }
        let mut resolved: Vec<&'static Operation> = Vec::new();
        for name in &self.operations {
            let operation = lookup(name)?;
            if !resolved
                .iter()
                .any(|known| known.name() == operation.name())
            {
                resolved.push(operation);
            }
        }
        Ok(resolved)
    }

    /// Returns the values given for the variable `variable`.
    fn values_for(&self, variable: &str) -> Vec<&'a str> {
        self.names
            .iter()
            .filter(|(target, _)| match target {
                NameTarget::ResourceType(resource_type) => {
                    resource_type.variables().last() == Some(&variable)
                }
                NameTarget::Variable(name) => *name == variable,
            })
            .map(|(_, value)| *value)
            .collect()
    }

    fn check_variables(&self) -> Result<(), PolicyError> {
        use strum::IntoEnumIterator;
        for (target, _) in &self.names {
            if let NameTarget::Variable(name) = target {
                let known = ResourceType::iter()
                    .any(|resource_type| resource_type.variables().contains(name));
                if !known {
                    return Err(PolicyError::UnknownVariable {
                        name: (*name).to_owned(),
                    });
                }
            }
        }
        Ok(())
    }

    /// Renders `template` once per combination of the values given for its
    /// variables; a variable without values is the explicit wildcard.
    fn render(&self, template: &'static ArnTemplate) -> Result<Vec<String>, PolicyError> {
        let mut several = template
            .variables()
            .filter(|variable| self.values_for(variable.name()).len() > 1);
        if let (Some(first), Some(second)) = (several.next(), several.next()) {
            return Err(PolicyError::AmbiguousNames {
                template: template.iam_form(),
                first: first.name(),
                second: second.name(),
            });
        }

        let mut combinations: Vec<Vec<(&'static str, Scope<&'a str>)>> = vec![Vec::new()];
        for variable in template.variables() {
            let values = self.values_for(variable.name());
            let scopes: Vec<Scope<&'a str>> = if values.is_empty() {
                vec![Scope::Any]
            } else {
                values.into_iter().map(Scope::Exact).collect()
            };
            combinations = combinations
                .into_iter()
                .flat_map(|prefix| {
                    scopes.iter().map(move |scope| {
                        let mut next = prefix.clone();
                        next.push((variable.name(), *scope));
                        next
                    })
                })
                .collect();
        }
        combinations
            .iter()
            .map(|values| {
                template
                    .render(&self.location, values)
                    .map_err(PolicyError::from)
            })
            .collect()
    }

    fn build(&self) -> Result<PolicyDocument, PolicyError> {
        let operations = self.resolve_operations()?;
        if self.names.len() > MAX_NAMES {
            return Err(PolicyError::TooManyNames {
                count: self.names.len(),
            });
        }
        self.check_variables()?;
        let given = other_services::GivenArns::validate(self)?;
        let mut used_variables: BTreeSet<&'static str> = BTreeSet::new();
        let mut used_rules: Vec<OtherServiceRule> = Vec::new();

        // Each action once, with the union of the resources every operation needs it on.
        let mut grants: BTreeMap<Action, BTreeSet<String>> = BTreeMap::new();
        for operation in operations {
            for requirement in operation.requirements(self.source) {
                if !requirement.applies(&self.conditions) {
                    continue;
                }
                let action = requirement.action();
                let resources: Vec<String> = match requirement.resources() {
                    Resources::Templates(templates) => {
                        let mut rendered = Vec::new();
                        for template in templates {
                            used_variables.extend(template.variables().map(|v| v.name()));
                            rendered.extend(self.render(template)?);
                        }
                        rendered
                    }
                    Resources::OnlyWildcard => vec!["*".to_owned()],
                    Resources::OtherService => {
                        let rule = other_service_resources(action).ok_or(
                            PolicyError::UnsupportedAction {
                                action,
                                operation: operation.name(),
                            },
                        )?;
                        used_rules.push(rule);
                        given.resources(rule, &self.location)
                    }
                };
                grants.entry(action).or_default().extend(resources);
            }
        }

        given.check_used(&used_rules)?;
        for (target, value) in &self.names {
            let variable = match target {
                NameTarget::ResourceType(resource_type) => resource_type
                    .variables()
                    .last()
                    .copied()
                    .unwrap_or_default(),
                NameTarget::Variable(variable) => variable,
            };
            if !used_variables.contains(variable) {
                return Err(PolicyError::UnusedName {
                    variable: variable.to_owned(),
                    value: (*value).to_owned(),
                });
            }
        }

        // Actions with the same resources and condition share a statement.
        let mut groups: BTreeMap<(Vec<String>, Option<Cond>), BTreeSet<Action>> = BTreeMap::new();
        for (action, resources) in grants {
            let condition = is_pass_role(action).then_some(Cond::PASSED_TO_SAGEMAKER);
            groups
                .entry((resources.into_iter().collect(), condition))
                .or_default()
                .insert(action);
        }

        let prefix = match self.source {
            Source::Iam => "Iam",
            Source::Page => "Page",
        };
        let mut statements: Vec<Statement> = groups
            .into_iter()
            .map(|((resources, condition), actions)| Statement {
                sid: format!("{prefix}{}", sid_label(&actions, &resources)),
                actions: actions.into_iter().collect(),
                resources,
                condition,
            })
            .collect();
        statements.sort();
        make_sids_unique(&mut statements);
        Ok(PolicyDocument {
            source: self.source,
            statements,
        })
    }
}

fn is_pass_role(action: Action) -> bool {
    action == "iam:PassRole"
}

/// Names a statement after its service and what its resources are, such as
/// `SagemakerTrainingJob`, `PassRole` or `AnyResource`.
fn sid_label(actions: &BTreeSet<Action>, resources: &[String]) -> String {
    if actions.iter().all(|action| is_pass_role(*action)) {
        return "PassRole".to_owned();
    }
    if resources.iter().all(|resource| resource == "*") {
        return "AnyResource".to_owned();
    }
    let mut services: BTreeSet<String> = BTreeSet::new();
    let mut kinds: BTreeSet<String> = BTreeSet::new();
    for resource in resources {
        // Resources here may hold wildcards in any field, so they are split
        // by hand rather than parsed as concrete ARNs.
        let fields: Vec<&str> = resource.splitn(6, ':').collect();
        let [_, _, service, _, _, rest] = fields[..] else {
            continue;
        };
        services.insert(camel_case(service));
        let kind = rest
            .split(['/', ':'])
            .next()
            .filter(|kind| !kind.is_empty() && *kind != "*")
            .unwrap_or("account");
        kinds.insert(camel_case(kind));
    }
    let mut label: String = services.into_iter().collect();
    if kinds.len() <= 3 {
        label.extend(kinds);
    } else {
        label.push_str("Resources");
    }
    label
}

/// `training-job` → `TrainingJob`, `cognito-idp` → `CognitoIdp`. Characters
/// other than ASCII letters and digits are dropped, as `Sid` allows no others.
fn camel_case(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(chars).collect::<String>()
        })
        .collect()
}

/// Appends `2`, `3`, … to repeated `Sid`s, in statement order.
fn make_sids_unique(statements: &mut [Statement]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for statement in statements.iter_mut() {
        let count = seen.entry(statement.sid.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            statement.sid = format!("{}{}", statement.sid, count);
        }
    }
}
