//! The one table of differences between the page and IAM's Service
//! Authorization Reference for SageMaker.
//!
//! The page dates from 2020 and is written by hand, while IAM's reference is
//! what IAM enforces. Each row names one operation, what the page gives, what
//! IAM has and why it matters. `tests/iam_cross_check.rs` compares every operation
//! with IAM's record and fails on a difference this table lacks and on a row
//! that matches no difference, so the table can neither fall behind nor hold
//! guesses.
//!
//! `build.rs` compiles this file too: it applies the
//! [`ActionName`](DifferenceKind::ActionName) rows to the catalog's data as
//! spelling corrections. Every other row is kept beside the page's data and
//! changes only what [`Operation::requirements`](crate::Operation::requirements)
//! returns for [`Source::Iam`](crate::Source::Iam).

use crate::kinds::{Condition, DifferenceKind, ResourceType};
use crate::model::{Action, ArnTemplate, Resources, Segment, TemplateKind, Variable};

/// One way in which the page and IAM's Service Authorization Reference differ
/// for an operation.
///
/// ```
/// use sagemaker_permissions::DifferenceKind;
///
/// let operation = sagemaker_permissions::operation("UpdateEndpoint").unwrap();
/// let difference = operation.differences().next().unwrap();
/// assert_eq!(difference.kind(), DifferenceKind::MissingResourceType);
/// assert_eq!(difference.page(), None);
/// assert_eq!(
///     difference.iam(),
///     Some("arn:${Partition}:sagemaker:${Region}:${Account}:endpoint-config/${EndpointConfigName}")
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Difference {
    pub(crate) operation: &'static str,
    pub(crate) kind: DifferenceKind,
    pub(crate) page: Option<&'static str>,
    pub(crate) iam: Option<&'static str>,
    pub(crate) reason: &'static str,
    pub(crate) effect: Effect,
}

impl Difference {
    /// Returns the name of the operation, such as `UpdateEndpoint`.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// Returns what kind of difference this is.
    pub fn kind(&self) -> DifferenceKind {
        self.kind
    }

    /// Returns the page's value: an action, an ARN as the page writes it, or
    /// `*`. `None` when the page has nothing in its place.
    pub fn page(&self) -> Option<&'static str> {
        self.page
    }

    /// Returns IAM's value: an action, an ARN in IAM's form, or `*`. `None`
    /// when IAM has nothing in its place.
    pub fn iam(&self) -> Option<&'static str> {
        self.iam
    }

    /// Returns a one-line reason why the difference matters.
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

/// The change that a difference makes to the requirements for [`Source::Iam`](crate::Source::Iam).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Effect {
    /// Nothing: the catalog's data already carries IAM's spelling, or the
    /// requirements keep the page's action.
    None,
    /// The operation's own action applies to these resources in place of the page's.
    OwnResources(Resources),
    /// The operation also needs this action when all the conditions hold.
    AddAction {
        action: Action,
        conditions: &'static [Condition],
        resources: Resources,
    },
}

/// Builds a SageMaker ARN template in IAM's form from its path after
/// `arn:${Partition}:sagemaker:${Region}:${Account}:`, so that `as_written` and
/// `iam_form` are both IAM's ARN format.
macro_rules! iam_template {
    ($resource_type:ident, $path:literal, [$($variable:literal),+]) => {
        ArnTemplate {
            as_written: concat!("arn:${Partition}:sagemaker:${Region}:${Account}:", $path),
            iam_form: concat!("arn:${Partition}:sagemaker:${Region}:${Account}:", $path),
            kind: TemplateKind::Resource(ResourceType::$resource_type),
            segments: &[$(Segment::Variable(Variable {
                name: $variable,
                as_written: concat!("${", $variable, "}"),
            })),+],
        }
    };
}

// IAM's ARN formats of the resource types that the table adds.
const ENDPOINT: ArnTemplate = iam_template!(Endpoint, "endpoint/${EndpointName}", ["EndpointName"]);
const ENDPOINT_CONFIG: ArnTemplate = iam_template!(
    EndpointConfig,
    "endpoint-config/${EndpointConfigName}",
    ["EndpointConfigName"]
);
const FLOW_DEFINITION: ArnTemplate = iam_template!(
    FlowDefinition,
    "flow-definition/${FlowDefinitionName}",
    ["FlowDefinitionName"]
);
const HUB_CONTENT: ArnTemplate = iam_template!(
    HubContent,
    "hub-content/${HubName}/${HubContentType}/${HubContentName}",
    ["HubName", "HubContentType", "HubContentName"]
);
const HUMAN_TASK_UI: ArnTemplate = iam_template!(
    HumanTaskUi,
    "human-task-ui/${HumanTaskUiName}",
    ["HumanTaskUiName"]
);
const HYPER_PARAMETER_TUNING_JOB: ArnTemplate = iam_template!(
    HyperParameterTuningJob,
    "hyper-parameter-tuning-job/${HyperParameterTuningJobName}",
    ["HyperParameterTuningJobName"]
);
const IMAGE: ArnTemplate = iam_template!(Image, "image/${ImageName}", ["ImageName"]);
const LABELING_JOB: ArnTemplate = iam_template!(
    LabelingJob,
    "labeling-job/${LabelingJobName}",
    ["LabelingJobName"]
);
const MODEL: ArnTemplate = iam_template!(Model, "model/${ModelName}", ["ModelName"]);
const NOTEBOOK_INSTANCE: ArnTemplate = iam_template!(
    NotebookInstance,
    "notebook-instance/${NotebookInstanceName}",
    ["NotebookInstanceName"]
);
const PROCESSING_JOB: ArnTemplate = iam_template!(
    ProcessingJob,
    "processing-job/${ProcessingJobName}",
    ["ProcessingJobName"]
);
const TRAINING_JOB: ArnTemplate = iam_template!(
    TrainingJob,
    "training-job/${TrainingJobName}",
    ["TrainingJobName"]
);
const TRANSFORM_JOB: ArnTemplate = iam_template!(
    TransformJob,
    "transform-job/${TransformJobName}",
    ["TransformJobName"]
);
const WORKTEAM: ArnTemplate = iam_template!(Workteam, "workteam/${WorkteamName}", ["WorkteamName"]);

/// Builds a work team's ARN as SageMaker writes it, with its crowd segment.
macro_rules! crowd_workteam {
    ($crowd:literal) => {
        ArnTemplate {
            as_written: concat!(
                "arn:${Partition}:sagemaker:${Region}:${Account}:workteam/",
                $crowd,
                "/${WorkteamName}"
            ),
            iam_form: concat!(
                "arn:${Partition}:sagemaker:${Region}:${Account}:workteam/",
                $crowd,
                "/${WorkteamName}"
            ),
            kind: TemplateKind::Resource(ResourceType::Workteam),
            segments: &[
                Segment::Literal($crowd),
                Segment::Variable(Variable {
                    name: "WorkteamName",
                    as_written: "${WorkteamName}",
                }),
            ],
        }
    };
}

// IAM's format for the `workteam` type is `workteam/${WorkteamName}`, but the
// ARNs SageMaker returns, like the page's, have a crowd segment before the
// name, so a policy must name that path to match. `CreateWorkteam` creates
// private work teams. Vendor and public work teams usually belong to other
// accounts, so an ARN rendered for the request's account matches them only
// when the account is left open.
const PRIVATE_WORKTEAM: ArnTemplate = crowd_workteam!("private-crowd");
const VENDOR_WORKTEAM: ArnTemplate = crowd_workteam!("vendor-crowd");
const PUBLIC_WORKTEAM: ArnTemplate = crowd_workteam!("public-crowd");

/// The reason of every `sagemaker:AddTags` row.
const ADD_TAGS_REASON: &str = "IAM also authorizes sagemaker:AddTags on the new resource when the request carries tags; the page leaves it out";

/// Builds the row for `sagemaker:AddTags`, which a create call needs when the request carries tags.
const fn add_tags(operation: &'static str, created: &'static [ArnTemplate]) -> Difference {
    Difference {
        operation,
        kind: DifferenceKind::MissingAction,
        page: None,
        iam: Some("sagemaker:AddTags"),
        reason: ADD_TAGS_REASON,
        effect: Effect::AddAction {
            action: Action::from_static("sagemaker:AddTags"),
            conditions: &[Condition::Tags],
            resources: Resources::Templates(created),
        },
    }
}

/// The work-team templates with their crowd segments.
const CROWD_WORKTEAMS: &[ArnTemplate] = &[PRIVATE_WORKTEAM, VENDOR_WORKTEAM, PUBLIC_WORKTEAM];

/// Builds the row for an operation whose page ARN ends in `/*` where IAM
/// checks one named resource of that type, so a policy can name it.
const fn named_on_iam(
    operation: &'static str,
    page: &'static str,
    iam: &'static ArnTemplate,
    templates: &'static [ArnTemplate],
) -> Difference {
    Difference {
        operation,
        kind: DifferenceKind::WildcardOnPage,
        page: Some(page),
        iam: Some(iam.iam_form),
        reason: "the page gives every resource of the type, but IAM checks the call against one named resource, so a policy can name it",
        effect: Effect::OwnResources(Resources::Templates(templates)),
    }
}

/// Builds the row for a List action that IAM accepts only with `*`.
const fn only_wildcard(operation: &'static str, page: &'static str) -> Difference {
    Difference {
        operation,
        kind: DifferenceKind::OnlyWildcard,
        page: Some(page),
        iam: Some("*"),
        reason: "IAM supports no resource-level permissions for this action, so only Resource \"*\" grants it; the page's ARN never matches",
        effect: Effect::OwnResources(Resources::OnlyWildcard),
    }
}

/// Every difference between the page and IAM's reference, grouped by
/// operation in page order.
pub(crate) static DIFFERENCES: &[Difference] = &[
    add_tags("CreateEndpoint", &[ENDPOINT]),
    add_tags("CreateEndpointConfig", &[ENDPOINT_CONFIG]),
    // IAM's record does not name the request parameter that makes the call
    // pass a role. CreateEndpointConfig takes a role only in its optional
    // `ExecutionRoleArn`, so the requirement has the condition that names it.
    Difference {
        operation: "CreateEndpointConfig",
        kind: DifferenceKind::MissingAction,
        page: None,
        iam: Some("iam:PassRole"),
        reason: "IAM authorizes iam:PassRole (passed to sagemaker.amazonaws.com) when the request names an ExecutionRoleArn; the page leaves it out",
        effect: Effect::AddAction {
            action: Action::from_static("iam:PassRole"),
            conditions: &[Condition::ExecutionRole],
            resources: Resources::OtherService,
        },
    },
    add_tags("CreateFlowDefinition", &[FLOW_DEFINITION]),
    add_tags("CreateHumanTaskUi", &[HUMAN_TASK_UI]),
    add_tags("CreateHyperParameterTuningJob", &[HYPER_PARAMETER_TUNING_JOB]),
    add_tags("CreateImage", &[IMAGE]),
    named_on_iam(
        "CreateImage",
        "arn:aws:sagemaker:region:account-id:image/*",
        &IMAGE,
        &[IMAGE],
    ),
    Difference {
        operation: "CreateImageVersion",
        kind: DifferenceKind::OtherResourceType,
        page: Some("arn:aws:sagemaker:region:account-id:image-version/imageName/*"),
        iam: Some(IMAGE.iam_form),
        reason: "IAM checks CreateImageVersion against the parent image, not an image version; a policy scoped to the page's ARN is denied",
        effect: Effect::OwnResources(Resources::Templates(&[IMAGE])),
    },
    add_tags("CreateLabelingJob", &[LABELING_JOB]),
    add_tags("CreateModel", &[MODEL]),
    // NOTE: IAM's record of CreateModel names the action but neither the
    // request parameter that triggers it nor its resource. The condition and
    // the hub-content ARN follow from what the action authorizes: deploying
    // content of a SageMaker hub.
    Difference {
        operation: "CreateModel",
        kind: DifferenceKind::MissingAction,
        page: None,
        iam: Some("sagemaker:DeployHubModel"),
        reason: "IAM also authorizes sagemaker:DeployHubModel when the model comes from a SageMaker hub; the page predates hubs",
        effect: Effect::AddAction {
            action: Action::from_static("sagemaker:DeployHubModel"),
            conditions: &[Condition::HubModel],
            resources: Resources::Templates(&[HUB_CONTENT]),
        },
    },
    add_tags("CreateNotebookInstance", &[NOTEBOOK_INSTANCE]),
    add_tags("CreateProcessingJob", &[PROCESSING_JOB]),
    add_tags("CreateTrainingJob", &[TRAINING_JOB]),
    add_tags("CreateTransformJob", &[TRANSFORM_JOB]),
    add_tags("CreateWorkteam", &[PRIVATE_WORKTEAM]),
    named_on_iam(
        "DeleteWorkteam",
        "arn:aws:sagemaker:region:account-id:workteam/*",
        &WORKTEAM,
        CROWD_WORKTEAMS,
    ),
    named_on_iam(
        "DescribeSubscribedWorkteam",
        "arn:aws:sagemaker:region:account-id:workteam/*",
        &WORKTEAM,
        CROWD_WORKTEAMS,
    ),
    named_on_iam(
        "DescribeWorkteam",
        "arn:aws:sagemaker:region:account-id:workteam/*",
        &WORKTEAM,
        CROWD_WORKTEAMS,
    ),
    only_wildcard(
        "ListHyperParameterTuningJobs",
        "arn:aws:sagemaker:region:account-id:hyper-parameter-tuning-job/hyperParameterTuningJob",
    ),
    named_on_iam(
        "ListImageVersions",
        "arn:aws:sagemaker:region:account-id:image/*",
        &IMAGE,
        &[IMAGE],
    ),
    Difference {
        operation: "ListLabelingJobsForWorkteam",
        kind: DifferenceKind::ActionName,
        page: Some("sagemaker:ListLabelingJobForWorkteam"),
        iam: Some("sagemaker:ListLabelingJobsForWorkteam"),
        reason: "IAM has no action ListLabelingJobForWorkteam; the operation is authorized by the action of its own name",
        effect: Effect::None,
    },
    Difference {
        operation: "ListLabelingJobsForWorkteam",
        kind: DifferenceKind::WildcardOnPage,
        page: Some("*"),
        iam: Some(WORKTEAM.iam_form),
        reason: "IAM checks this call against the work team, so a policy can name it instead of \"*\"; work-team ARNs have a crowd segment (private-crowd, vendor-crowd, public-crowd) before the name",
        effect: Effect::OwnResources(Resources::Templates(CROWD_WORKTEAMS)),
    },
    only_wildcard(
        "ListSubscribedWorkteams",
        "arn:aws:sagemaker:region:account-id:workteam/*",
    ),
    only_wildcard("ListWorkteams", "arn:aws:sagemaker:region:account-id:workteam/*"),
    Difference {
        operation: "StartHumanLoop",
        kind: DifferenceKind::OtherResourceType,
        page: Some("arn:aws:sagemaker:region:account-id:human-loop/humanLoopName"),
        iam: Some(FLOW_DEFINITION.iam_form),
        reason: "IAM checks StartHumanLoop against the flow definition the loop runs, not the human loop; a policy scoped to the page's ARN is denied",
        effect: Effect::OwnResources(Resources::Templates(&[FLOW_DEFINITION])),
    },
    Difference {
        operation: "StartNotebookInstance",
        kind: DifferenceKind::ExtraAction,
        page: Some("iam:PassRole"),
        iam: None,
        reason: "IAM's record does not tie iam:PassRole to this call; the requirements keep it because they are the union of the page's and IAM's",
        effect: Effect::None,
    },
    Difference {
        operation: "UpdateEndpoint",
        kind: DifferenceKind::MissingResourceType,
        page: None,
        iam: Some(ENDPOINT_CONFIG.iam_form),
        reason: "IAM also checks UpdateEndpoint against the new endpoint configuration; a policy scoped to the endpoint alone is denied",
        effect: Effect::OwnResources(Resources::Templates(&[ENDPOINT, ENDPOINT_CONFIG])),
    },
    named_on_iam(
        "UpdateWorkteam",
        "arn:aws:sagemaker:region:account-id:workteam/*",
        &WORKTEAM,
        CROWD_WORKTEAMS,
    ),
];
