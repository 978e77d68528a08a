//! The catalog's data types. Every value is `'static` and built at compile time.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::kinds::{AccessLevel, Api, Condition, ResourceType};

/// An IAM action such as `sagemaker:CreateTrainingJob`.
///
/// Two actions are equal when their texts are equal ignoring ASCII case,
/// because IAM compares action names that way; `Hash` and `Ord` agree with
/// that equality.
///
/// ```
/// let operation = sagemaker_permissions::operation("CreateTrainingJob").unwrap();
/// let action = operation.actions().next().unwrap();
/// assert_eq!(action.to_string(), "sagemaker:CreateTrainingJob");
/// assert_eq!(action.service(), "sagemaker");
/// assert_eq!(action.name(), "CreateTrainingJob");
/// ```
#[derive(Clone, Copy)]
pub struct Action {
    pub(crate) text: &'static str,
    pub(crate) colon: u8,
}

impl Action {
    /// Builds an action from `service:Name` at compile time.
    ///
    /// # Panics
    ///
    /// When `text` has no `:` or the prefix is longer than 255 bytes; in a
    /// `const` or `static` that is a compile error.
    pub(crate) const fn from_static(text: &'static str) -> Self {
        let bytes = text.as_bytes();
        let mut index = 0;
        while index < bytes.len() {
            if bytes[index] == b':' {
                assert!(index <= u8::MAX as usize, "service prefix too long");
                return Self {
                    text,
                    colon: index as u8,
                };
            }
            index += 1;
        }
        panic!("an action needs a service prefix `service:`")
    }

    /// Returns the whole action, `service:Name`.
    pub fn as_str(&self) -> &'static str {
        self.text
    }

    /// Returns the service prefix, such as `sagemaker` or `iam`.
    pub fn service(&self) -> &'static str {
        &self.text[..usize::from(self.colon)]
    }

    /// Returns the action's name without its service prefix, such as `PassRole`.
    pub fn name(&self) -> &'static str {
        &self.text[usize::from(self.colon) + 1..]
    }

    fn lowercase_bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.text.bytes().map(|b| b.to_ascii_lowercase())
    }
}

impl fmt::Debug for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Action({:?})", self.text)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text)
    }
}

impl PartialEq for Action {
    fn eq(&self, other: &Self) -> bool {
        self.text.eq_ignore_ascii_case(other.text)
    }
}

impl Eq for Action {}

impl PartialEq<str> for Action {
    fn eq(&self, other: &str) -> bool {
        self.text.eq_ignore_ascii_case(other)
    }
}

impl PartialEq<&str> for Action {
    fn eq(&self, other: &&str) -> bool {
        self.text.eq_ignore_ascii_case(other)
    }
}

impl Hash for Action {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for byte in self.lowercase_bytes() {
            state.write_u8(byte);
        }
        state.write_u8(0xff);
    }
}

impl PartialOrd for Action {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Action {
    fn cmp(&self, other: &Self) -> Ordering {
        self.lowercase_bytes().cmp(other.lowercase_bytes())
    }
}

impl AsRef<str> for Action {
    fn as_ref(&self) -> &str {
        self.text
    }
}

/// Actions that an operation needs only when all of its conditions hold.
///
/// The page writes these as "(required only if …)" after one action, or as a
/// sentence "The following permissions are required only if …:" before several.
///
/// ```
/// use sagemaker_permissions::Condition;
///
/// let operation = sagemaker_permissions::operation("CreateNotebookInstance").unwrap();
/// let group = operation
///     .conditional_actions()
///     .find(|group| group.conditions() == [Condition::Vpc, Condition::ElasticInference])
///     .unwrap();
/// assert_eq!(group.actions()[0].as_str(), "ec2:DescribeVpcEndpoints");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ConditionalGroup {
    pub(crate) conditions: &'static [Condition],
    pub(crate) description: &'static str,
    pub(crate) actions: &'static [Action],
}

impl ConditionalGroup {
    /// Returns the conditions that must all hold, in the order of [`Condition`].
    pub fn conditions(&self) -> &'static [Condition] {
        self.conditions
    }

    /// Returns the page's wording of the condition, without markdown.
    pub fn description(&self) -> &'static str {
        self.description
    }

    /// Returns the actions needed when the conditions hold, in page order.
    pub fn actions(&self) -> &'static [Action] {
        self.actions
    }

    /// Returns whether every condition of the group is in `holding`.
    ///
    /// ```
    /// use sagemaker_permissions::Condition;
    ///
    /// let operation = sagemaker_permissions::operation("CreateNotebookInstance").unwrap();
    /// let needed: Vec<_> = operation
    ///     .conditional_actions()
    ///     .filter(|group| group.applies(&[Condition::Vpc]))
    ///     .flat_map(|group| group.actions())
    ///     .map(|action| action.as_str())
    ///     .collect();
    /// assert!(needed.contains(&"ec2:CreateNetworkInterface"));
    /// assert!(!needed.contains(&"ec2:DescribeVpcEndpoints"));
    /// ```
    pub fn applies(&self, holding: &[Condition]) -> bool {
        self.conditions
            .iter()
            .all(|condition| holding.contains(condition))
    }
}

/// The extent of an ARN template: everything, one account, or one resource type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TemplateKind {
    /// `*`: every resource of every service.
    Any,
    /// `arn:aws:sagemaker:region:account-id:*`: every SageMaker resource in an account.
    AccountWide,
    /// An ARN of one resource type, with the path in [`ArnTemplate::segments`].
    Resource(ResourceType),
}

/// One path segment of an ARN template, after the resource type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Segment {
    /// Text that the ARN contains as is, such as `private-crowd`.
    Literal(&'static str),
    /// A name that the caller fills in.
    Variable(Variable),
    /// `*` as the last segment: any rest of the path.
    Wildcard,
}

/// A named slot of an ARN template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Variable {
    pub(crate) name: &'static str,
    pub(crate) as_written: &'static str,
}

impl Variable {
    /// Returns the variable's name as IAM's Service Authorization Reference
    /// spells it, such as `TrainingJobName`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Returns the placeholder as the page spells it, such as `trainingjobname`.
    pub fn as_written(&self) -> &'static str {
        self.as_written
    }
}

/// A resource ARN of an operation, with partition, region and account as slots.
///
/// The page writes `arn:aws:sagemaker:region:account-id:training-job/trainingJobName`;
/// its `aws` is the commercial partition's value of the partition slot. The
/// template displays in IAM's form,
/// `arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}`.
///
/// ```
/// use sagemaker_permissions::{ResourceType, TemplateKind};
///
/// let operation = sagemaker_permissions::operation("DescribeTrainingJob").unwrap();
/// let template = operation.resources()[0];
/// assert_eq!(template.as_written(), "arn:aws:sagemaker:region:account-id:training-job/trainingjobname");
/// assert_eq!(
///     template.to_string(),
///     "arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}"
/// );
/// assert_eq!(template.kind(), TemplateKind::Resource(ResourceType::TrainingJob));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArnTemplate {
    pub(crate) as_written: &'static str,
    pub(crate) iam_form: &'static str,
    pub(crate) kind: TemplateKind,
    pub(crate) segments: &'static [Segment],
}

impl ArnTemplate {
    /// Returns the ARN as the page writes it.
    pub fn as_written(&self) -> &'static str {
        self.as_written
    }

    /// Returns the ARN in IAM's form, with `${Partition}`, `${Region}`,
    /// `${Account}` and IAM's variable names. This is also its `Display` form.
    pub fn iam_form(&self) -> &'static str {
        self.iam_form
    }

    /// Returns what the template covers.
    pub fn kind(&self) -> TemplateKind {
        self.kind
    }

    /// Returns the resource type, or `None` for `*` and the account-wide form.
    pub fn resource_type(&self) -> Option<ResourceType> {
        match self.kind {
            TemplateKind::Resource(resource_type) => Some(resource_type),
            TemplateKind::Any | TemplateKind::AccountWide => None,
        }
    }

    /// Returns the path segments after the resource type; empty for `*` and
    /// the account-wide form.
    pub fn segments(&self) -> &'static [Segment] {
        self.segments
    }

    /// Returns the template's variables in path order.
    pub fn variables(&self) -> impl Iterator<Item = Variable> + Clone {
        self.segments.iter().filter_map(|segment| match segment {
            Segment::Variable(variable) => Some(*variable),
            Segment::Literal(_) | Segment::Wildcard => None,
        })
    }
}

impl fmt::Display for ArnTemplate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.iam_form)
    }
}

/// The resources that one action of a [`Requirement`](crate::Requirement)
/// applies to: what a policy statement for the action puts in `Resource`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Resources {
    /// SageMaker ARN templates, one per resource the action is checked
    /// against. With [`Source::Page`](crate::Source::Page) these are the
    /// page's, which may be `*` or the account-wide ARN.
    Templates(&'static [ArnTemplate]),
    /// IAM accepts only `*` for the action, so an ARN never matches.
    OnlyWildcard,
    /// The action belongs to another service (`iam`, `kms`, `ec2`,
    /// `secretsmanager`, `cognito-idp`, `aws-marketplace`). The catalog holds no
    /// ARN for it, so the caller chooses the resource, such as the role that
    /// `iam:PassRole` passes, following IAM's reference for that service
    /// (which accepts only `*` for `aws-marketplace:ViewSubscriptions`).
    OtherService,
}

impl Resources {
    /// Returns the ARN templates, or an empty slice for
    /// [`OnlyWildcard`](Self::OnlyWildcard) and [`OtherService`](Self::OtherService).
    pub fn templates(&self) -> &'static [ArnTemplate] {
        match self {
            Self::Templates(templates) => templates,
            Self::OnlyWildcard | Self::OtherService => &[],
        }
    }
}

/// A change the crate made to the page's data, with the page's original.
///
/// See the crate documentation's section on corrections for the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Correction {
    pub(crate) as_written: Action,
    pub(crate) corrected: Action,
    pub(crate) reason: &'static str,
}

impl Correction {
    /// Returns the action as the page spells it.
    pub fn as_written(&self) -> Action {
        self.as_written
    }

    /// Returns the action as IAM defines it, which the catalog uses.
    pub fn corrected(&self) -> Action {
        self.corrected
    }

    /// Returns why the page's spelling was replaced.
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

/// A SageMaker API operation and the permissions the page gives for it.
///
/// ```
/// use sagemaker_permissions::Api;
///
/// let operation = sagemaker_permissions::operation("InvokeEndpoint").unwrap();
/// assert_eq!(operation.api(), Api::SagemakerRuntime);
/// assert_eq!(operation.label(), "runtime_InvokeEndpoint");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Operation {
    pub(crate) name: &'static str,
    pub(crate) label: &'static str,
    pub(crate) api: Api,
    pub(crate) documentation_url: &'static str,
    pub(crate) page_line: u32,
    /// Indices of the operation's rows in the table of differences, in table order.
    pub(crate) difference_rows: &'static [u16],
    pub(crate) actions: &'static [Action],
    pub(crate) conditional_actions: &'static [ConditionalGroup],
    pub(crate) resources: &'static [ArnTemplate],
    pub(crate) corrections: &'static [Correction],
    pub(crate) access_level: AccessLevel,
}

impl Operation {
    /// Returns the operation's name as the API spells it, such as `CreateTrainingJob`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Returns the page's own label for the operation, the `<label>` of the
    /// link target `API_<label>.html`, such as `runtime_InvokeEndpoint`.
    pub fn label(&self) -> &'static str {
        self.label
    }

    /// Returns the API the operation belongs to.
    pub fn api(&self) -> Api {
        self.api
    }

    /// Returns the link to the operation's API reference, as the page gives it.
    pub fn documentation_url(&self) -> &'static str {
        self.documentation_url
    }

    /// Returns the line of `catalog.md` that describes the operation, counted from 1.
    pub fn page_line(&self) -> u32 {
        self.page_line
    }

    /// Returns the actions the operation always needs, in page order, with
    /// [corrections](Self::corrections) applied.
    pub fn actions(&self) -> impl ExactSizeIterator<Item = Action> + DoubleEndedIterator + Clone {
        self.actions.iter().copied()
    }

    /// Returns the groups of actions the operation needs only under conditions, in page order.
    pub fn conditional_actions(
        &self,
    ) -> impl ExactSizeIterator<Item = &'static ConditionalGroup> + DoubleEndedIterator + Clone
    {
        self.conditional_actions.iter()
    }

    /// Returns the resource ARNs the page gives, in page order.
    pub fn resources(&self) -> &'static [ArnTemplate] {
        self.resources
    }

    /// Returns the corrections applied to this operation's actions.
    pub fn corrections(&self) -> &'static [Correction] {
        self.corrections
    }

    /// Returns the access level that IAM's Service Authorization Reference
    /// gives the operation's own SageMaker action, its first required action.
    ///
    /// ```
    /// use sagemaker_permissions::AccessLevel;
    ///
    /// let operation = sagemaker_permissions::operation("ListTags").unwrap();
    /// assert_eq!(operation.access_level(), AccessLevel::List);
    /// assert_eq!(operation.access_level().to_string(), "List");
    /// ```
    pub fn access_level(&self) -> AccessLevel {
        self.access_level
    }

    /// Returns every action the operation may need: the required ones, then
    /// each conditional group's, in page order.
    pub fn all_actions(&self) -> impl Iterator<Item = Action> + Clone {
        self.actions.iter().copied().chain(
            self.conditional_actions
                .iter()
                .flat_map(|group| group.actions.iter().copied()),
        )
    }
}
