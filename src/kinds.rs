//! Closed sets of values that the page and IAM's record use: APIs, conditions,
//! resource types, access levels and kinds of difference between the two.
//!
//! `build.rs` compiles this file too (through `#[path]`), so the parser and the
//! crate share one definition of each set.

use strum::{AsRefStr, Display, EnumCount, EnumIter, EnumString, IntoStaticStr};

/// The AWS API an operation belongs to, named by the SDKs' service id.
///
/// The page lists operations of three APIs in one table. The service id is
/// what the AWS SDKs and the CLI call the client (`aws sagemaker-runtime
/// invoke-endpoint`), so it shows a caller which client makes the call.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Display,
    EnumString,
    IntoStaticStr,
    AsRefStr,
    EnumIter,
    EnumCount,
)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum Api {
    /// The SageMaker control-plane API (`sagemaker`).
    Sagemaker,
    /// The SageMaker Runtime API (`sagemaker-runtime`), which serves inference.
    SagemakerRuntime,
    /// The Amazon Augmented AI runtime API (`sagemaker-a2i-runtime`), which runs human loops.
    #[strum(serialize = "sagemaker-a2i-runtime")]
    SagemakerA2iRuntime,
}

impl Api {
    /// Returns the SDK service id, such as `sagemaker-runtime`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// A fact about a request that makes extra actions necessary.
///
/// Each conditional group of an operation names the conditions that must all
/// hold for its actions to be needed. The kebab-case names (`kms-key`) are the
/// `Display` and `FromStr` forms.
///
/// The page's wording gives the first four. [`Tags`](Self::Tags),
/// [`HubModel`](Self::HubModel) and [`ExecutionRole`](Self::ExecutionRole)
/// come only from IAM's record, through
/// [`Operation::requirements`](crate::Operation::requirements); no
/// conditional group of the page carries them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Display,
    EnumString,
    IntoStaticStr,
    AsRefStr,
    EnumIter,
    EnumCount,
)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum Condition {
    /// The request places the resource in a VPC (subnets and security groups are given).
    Vpc,
    /// The request attaches an elastic inference accelerator.
    ElasticInference,
    /// The request names a customer-managed KMS key: an endpoint configuration's
    /// `KmsKeyId`, a job's `VolumeKmsKeyId` or a notebook instance's encryption key.
    KmsKey,
    /// The request names an AWS Secrets Manager secret for a private Git repository.
    GitSecret,
    /// The request carries tags (its `Tags` parameter is not empty), so SageMaker
    /// also authorizes `sagemaker:AddTags` on the resource the call creates.
    Tags,
    /// The request deploys a model from a SageMaker hub: `CreateModel` with
    /// hub content in its model data source, which SageMaker also authorizes as
    /// `sagemaker:DeployHubModel`.
    HubModel,
    /// The request names an execution role for SageMaker to assume, such as
    /// `CreateEndpointConfig`'s optional `ExecutionRoleArn`, so the call
    /// passes that role with `iam:PassRole`.
    ExecutionRole,
}

impl Condition {
    /// Returns the kebab-case name, such as `kms-key`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// A SageMaker resource type that the page names in an ARN.
///
/// The names are the resource types of IAM's Service Authorization Reference
/// for SageMaker, which are also the first path segment of the resource's ARN
/// (`arn:aws:sagemaker:us-east-1:111122223333:training-job/my-job`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Display,
    EnumString,
    IntoStaticStr,
    AsRefStr,
    EnumIter,
    EnumCount,
)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum ResourceType {
    /// A real-time inference endpoint (`endpoint`).
    Endpoint,
    /// An endpoint configuration (`endpoint-config`).
    EndpointConfig,
    /// A flow definition of Amazon Augmented AI (`flow-definition`).
    FlowDefinition,
    /// Content of a SageMaker hub, such as a JumpStart model (`hub-content`).
    HubContent,
    /// A human loop of Amazon Augmented AI (`human-loop`).
    HumanLoop,
    /// A worker task template (`human-task-ui`).
    HumanTaskUi,
    /// A hyperparameter tuning job (`hyper-parameter-tuning-job`).
    HyperParameterTuningJob,
    /// A custom image (`image`).
    Image,
    /// A version of a custom image (`image-version`).
    ImageVersion,
    /// A labeling job (`labeling-job`).
    LabelingJob,
    /// A model (`model`).
    Model,
    /// A notebook instance (`notebook-instance`).
    NotebookInstance,
    /// A processing job (`processing-job`).
    ProcessingJob,
    /// A training job (`training-job`).
    TrainingJob,
    /// A batch transform job (`transform-job`).
    TransformJob,
    /// A work team (`workteam`).
    Workteam,
}

impl ResourceType {
    /// Returns the resource type's name, such as `training-job`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Returns the names of the variables in the resource type's ARN, in path
    /// order, as IAM's Service Authorization Reference spells them.
    ///
    /// ```
    /// use sagemaker_permissions::ResourceType;
    ///
    /// assert_eq!(ResourceType::ImageVersion.variables(), ["ImageName", "Version"]);
    /// ```
    pub fn variables(self) -> &'static [&'static str] {
        match self {
            Self::Endpoint => &["EndpointName"],
            Self::EndpointConfig => &["EndpointConfigName"],
            Self::FlowDefinition => &["FlowDefinitionName"],
            Self::HubContent => &["HubName", "HubContentType", "HubContentName"],
            Self::HumanLoop => &["HumanLoopName"],
            Self::HumanTaskUi => &["HumanTaskUiName"],
            Self::HyperParameterTuningJob => &["HyperParameterTuningJobName"],
            Self::Image => &["ImageName"],
            Self::ImageVersion => &["ImageName", "Version"],
            Self::LabelingJob => &["LabelingJobName"],
            Self::Model => &["ModelName"],
            Self::NotebookInstance => &["NotebookInstanceName"],
            Self::ProcessingJob => &["ProcessingJobName"],
            Self::TrainingJob => &["TrainingJobName"],
            Self::TransformJob => &["TransformJobName"],
            Self::Workteam => &["WorkteamName"],
        }
    }
}

/// The access level that IAM's Service Authorization Reference gives an action.
///
/// `Display` and `FromStr` use IAM's spelling, such as `Permissions management`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Display,
    EnumString,
    IntoStaticStr,
    AsRefStr,
    EnumIter,
    EnumCount,
)]
#[non_exhaustive]
pub enum AccessLevel {
    /// Lists resources without reading their content (`List`).
    List,
    /// Reads a resource's content or attributes (`Read`).
    Read,
    /// Creates, changes or deletes resources (`Write`).
    Write,
    /// Adds or removes tags only (`Tagging`).
    Tagging,
    /// Grants or changes permissions, such as `iam:PassRole` (`Permissions management`).
    #[strum(serialize = "Permissions management")]
    PermissionsManagement,
}

impl AccessLevel {
    /// Returns the level as IAM writes it, such as `Permissions management`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// A kind of difference between the page and IAM's Service Authorization
/// Reference for one operation.
///
/// The kebab-case names (`missing-action`) are the `Display` and `FromStr`
/// forms. Only [`ActionName`](Self::ActionName) changes the catalog's own data.
/// The others are kept beside the page's data and change only the
/// requirements for [`Source::Iam`](crate::Source::Iam).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Display,
    EnumString,
    IntoStaticStr,
    AsRefStr,
    EnumIter,
    EnumCount,
)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum DifferenceKind {
    /// The page names an action that IAM does not have. The catalog uses IAM's
    /// name and keeps the page's spelling as a [`Correction`](crate::Correction).
    ActionName,
    /// IAM authorizes an action for the call that the page leaves out, so a
    /// policy built from the page fails with AccessDenied when it is needed.
    MissingAction,
    /// The page requires an action that IAM's record does not tie to the call.
    ExtraAction,
    /// IAM checks the call against a resource type that the page omits, so a
    /// policy scoped to the page's ARNs fails with AccessDenied.
    MissingResourceType,
    /// The page gives an ARN of a resource type that IAM does not check for the
    /// call. IAM checks another resource type in its place.
    OtherResourceType,
    /// IAM accepts only `*` as the action's resource, but the page gives an
    /// ARN, so a policy with the page's ARN never matches.
    OnlyWildcard,
    /// The page gives only `*`, or an ARN ending in `/*` that covers every
    /// resource of a type, but IAM checks the call against one named
    /// resource, so a policy can name it instead.
    WildcardOnPage,
}

impl DifferenceKind {
    /// Returns the kebab-case name, such as `missing-action`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}
