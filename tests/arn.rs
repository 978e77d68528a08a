//! Integration tests of rendering, parsing and matching ARNs.

use proptest::prelude::*;
use sagemaker_permissions::{
    match_arn, operations_for_arn, operations_for_resource_type, pattern_matches, AccountId, Arn,
    ArnError, ArnTemplate, Location, Partition, Region, ResourceType, Scope, Segment, TemplateKind,
};

const ACCOUNT: &str = "111122223333";

/// The values argument of `ArnTemplate::render`.
type RenderValues<'a> = &'a [(&'a str, Scope<&'a str>)];

fn location(region: &str) -> Location {
    Location::new(
        Scope::Exact(region.parse().unwrap()),
        Scope::Exact(ACCOUNT.parse().unwrap()),
    )
}

/// Returns the first catalog template with this IAM form.
fn template(iam_form: &str) -> &'static ArnTemplate {
    sagemaker_permissions::operations()
        .flat_map(|operation| operation.resources())
        .find(|template| template.iam_form() == iam_form)
        .unwrap_or_else(|| panic!("no template {iam_form}"))
}

fn resource_template(resource: &str) -> &'static ArnTemplate {
    template(&format!(
        "arn:${{Partition}}:sagemaker:${{Region}}:${{Account}}:{resource}"
    ))
}

/// Returns every distinct catalog template, by IAM form.
fn all_templates() -> Vec<&'static ArnTemplate> {
    let mut templates: Vec<&'static ArnTemplate> = Vec::new();
    for operation in sagemaker_permissions::operations() {
        for resource in operation.resources() {
            if !templates
                .iter()
                .any(|t| t.iam_form() == resource.iam_form())
            {
                templates.push(resource);
            }
        }
    }
    templates
}

fn matched_forms(arn: &str) -> Vec<&'static str> {
    let arn = Arn::parse(arn).unwrap();
    match_arn(&arn)
        .map(|found| found.template().iam_form())
        .collect()
}

// --- Partitions, regions, accounts -------------------------------------

#[test]
fn partition_from_region() {
    let cases = [
        ("us-east-1", Partition::Aws),
        ("ap-southeast-4", Partition::Aws),
        ("il-central-1", Partition::Aws),
        ("cn-north-1", Partition::AwsCn),
        ("cn-northwest-1", Partition::AwsCn),
        ("us-gov-west-1", Partition::AwsUsGov),
        ("us-iso-east-1", Partition::AwsIso),
        ("us-isob-east-1", Partition::AwsIsoB),
        ("eu-isoe-west-1", Partition::AwsIsoE),
        ("us-isof-south-1", Partition::AwsIsoF),
    ];
    for (region, partition) in cases {
        assert_eq!(Partition::of_region(region), Some(partition), "{region}");
        assert_eq!(region.parse::<Region>().unwrap().partition(), partition);
    }
}

#[test]
fn partition_names_round_trip() {
    use strum::IntoEnumIterator;
    let names: Vec<&str> = Partition::iter().map(Partition::as_str).collect();
    assert_eq!(
        names,
        [
            "aws",
            "aws-cn",
            "aws-us-gov",
            "aws-iso",
            "aws-iso-b",
            "aws-iso-e",
            "aws-iso-f"
        ]
    );
    for partition in Partition::iter() {
        assert_eq!(
            partition.to_string().parse::<Partition>().unwrap(),
            partition
        );
    }
}

#[test]
fn malformed_regions_rejected() {
    for region in [
        "",
        "us",
        "us-east",
        "us-east-",
        "US-EAST-1",
        "us_east_1",
        "xx-east-1",
        "us-east-1a",
        "us-gov-west",
        "us-foo-west-1",
        "us--east-1",
        " us-east-1",
        "us-east-1\n",
        "*",
    ] {
        assert_eq!(Partition::of_region(region), None, "{region:?}");
        assert!(region.parse::<Region>().is_err(), "{region:?}");
    }
}

#[test]
fn region_error_message() {
    let err = "moon-base-1".parse::<Region>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid region `moon-base-1`: expected a region code such as `us-east-1` whose prefix names a known partition"
    );
}

#[test]
fn account_ids() {
    assert_eq!(ACCOUNT.parse::<AccountId>().unwrap().as_str(), ACCOUNT);
    for invalid in [
        "",
        "12345678901",
        "1234567890123",
        "11112222333a",
        "*",
        "1111 2222 333",
    ] {
        let err = invalid.parse::<AccountId>().unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("invalid account id `{invalid}`: must be exactly 12 ASCII digits")
        );
    }
}

#[test]
fn location_derives_partition() {
    assert_eq!(location("us-gov-east-1").partition(), Partition::AwsUsGov);
    assert_eq!(
        Location::new(Scope::Any, Scope::Any).partition(),
        Partition::Aws
    );
}

#[test]
fn location_partition_conflict() {
    let region: Region = "us-gov-west-1".parse().unwrap();
    let err = Location::with_partition(Partition::AwsCn, Scope::Exact(region.clone()), Scope::Any)
        .unwrap_err();
    assert_eq!(
        err,
        ArnError::PartitionConflict {
            partition: Partition::AwsCn,
            region: "us-gov-west-1".to_owned(),
            region_partition: Partition::AwsUsGov,
        }
    );
    assert_eq!(
        err.to_string(),
        "partition `aws-cn` conflicts with region `us-gov-west-1`, which is in partition `aws-us-gov`"
    );
    let same = Location::with_partition(Partition::AwsUsGov, Scope::Exact(region), Scope::Any);
    assert!(same.is_ok());
}

#[test]
fn any_region_keeps_given_partition() {
    let location = Location::with_partition(Partition::AwsIsoB, Scope::Any, Scope::Any).unwrap();
    let arn = resource_template("training-job/${TrainingJobName}")
        .render(&location, &[("TrainingJobName", Scope::Any)])
        .unwrap();
    assert_eq!(arn, "arn:aws-iso-b:sagemaker:*:*:training-job/*");
}

// --- Rendering -----------------------------------------------------------

#[test]
fn render_in_each_partition() {
    let training = resource_template("training-job/${TrainingJobName}");
    let cases = [
        ("us-east-1", "arn:aws:sagemaker:us-east-1"),
        ("cn-north-1", "arn:aws-cn:sagemaker:cn-north-1"),
        ("us-gov-west-1", "arn:aws-us-gov:sagemaker:us-gov-west-1"),
        ("us-iso-east-1", "arn:aws-iso:sagemaker:us-iso-east-1"),
        ("eu-isoe-west-1", "arn:aws-iso-e:sagemaker:eu-isoe-west-1"),
    ];
    for (region, prefix) in cases {
        let arn = training
            .render(
                &location(region),
                &[("TrainingJobName", Scope::Exact("job-1"))],
            )
            .unwrap();
        assert_eq!(arn, format!("{prefix}:{ACCOUNT}:training-job/job-1"));
    }
}

#[test]
fn render_any_and_account_wide() {
    let any = template("*");
    assert_eq!(any.render(&location("us-east-1"), &[]).unwrap(), "*");
    let account_wide = resource_template("*");
    assert_eq!(account_wide.kind(), TemplateKind::AccountWide);
    assert_eq!(
        account_wide.render(&location("cn-north-1"), &[]).unwrap(),
        format!("arn:aws-cn:sagemaker:cn-north-1:{ACCOUNT}:*")
    );
    assert_eq!(
        account_wide
            .render(&Location::new(Scope::Any, Scope::Any), &[])
            .unwrap(),
        "arn:aws:sagemaker:*:*:*"
    );
}

#[test]
fn render_image_version() {
    let version = resource_template("image-version/${ImageName}/${Version}");
    let arn = version
        .render(
            &location("us-west-2"),
            &[
                ("Version", Scope::Exact("12")),
                ("ImageName", Scope::Exact("my.image")),
            ],
        )
        .unwrap();
    assert_eq!(
        arn,
        format!("arn:aws:sagemaker:us-west-2:{ACCOUNT}:image-version/my.image/12")
    );
    let every_version = resource_template("image-version/${ImageName}/*");
    assert_eq!(
        every_version
            .render(
                &location("us-west-2"),
                &[("ImageName", Scope::Exact("img"))]
            )
            .unwrap(),
        format!("arn:aws:sagemaker:us-west-2:{ACCOUNT}:image-version/img/*")
    );
    let err = version
        .render(
            &location("us-west-2"),
            &[
                ("ImageName", Scope::Exact("img")),
                ("Version", Scope::Exact("latest")),
            ],
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid value `latest` for Version: must be a whole number from 1 to 2147483647 without leading zeros"
    );
}

#[test]
fn render_workteam_crowds() {
    for crowd in ["private-crowd", "public-crowd", "vendor-crowd"] {
        let workteam = resource_template(&format!("workteam/{crowd}/${{WorkteamName}}"));
        let arn = workteam
            .render(
                &location("us-east-1"),
                &[("WorkteamName", Scope::Exact("team-a"))],
            )
            .unwrap();
        assert_eq!(
            arn,
            format!("arn:aws:sagemaker:us-east-1:{ACCOUNT}:workteam/{crowd}/team-a")
        );
    }
}

#[test]
fn render_lower_cases_endpoint_names() {
    let endpoint = resource_template("endpoint/${EndpointName}");
    let arn = endpoint
        .render(
            &location("us-east-1"),
            &[("EndpointName", Scope::Exact("My-Endpoint"))],
        )
        .unwrap();
    assert_eq!(
        arn,
        format!("arn:aws:sagemaker:us-east-1:{ACCOUNT}:endpoint/my-endpoint")
    );
    let config = resource_template("endpoint-config/${EndpointConfigName}");
    let arn = config
        .render(
            &location("us-east-1"),
            &[("EndpointConfigName", Scope::Exact("My-Config"))],
        )
        .unwrap();
    assert_eq!(
        arn,
        format!("arn:aws:sagemaker:us-east-1:{ACCOUNT}:endpoint-config/My-Config")
    );
}

#[test]
fn render_error_messages() {
    let training = resource_template("training-job/${TrainingJobName}");
    let us_east = location("us-east-1");
    let cases: [(RenderValues, &str); 6] = [
        (
            &[("TrainingJobName", Scope::Exact("my job"))],
            "invalid value `my job` for TrainingJobName: must not contain whitespace or control characters",
        ),
        (
            &[("TrainingJobName", Scope::Exact("a\nb"))],
            "invalid value `a\\nb` for TrainingJobName: must not contain whitespace or control characters",
        ),
        (
            &[("TrainingJobName", Scope::Exact("job/../x"))],
            "invalid value `job/../x` for TrainingJobName: must not contain `/`, which separates ARN path segments",
        ),
        (
            &[],
            "missing value for TrainingJobName: the template `arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}` needs one",
        ),
        (
            &[("TrainingJobName", Scope::Exact("a")), ("ModelName", Scope::Exact("m"))],
            "unknown variable `ModelName` for the template `arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}`: expected `TrainingJobName`",
        ),
        (
            &[("TrainingJobName", Scope::Exact("a")), ("TrainingJobName", Scope::Any)],
            "duplicate value for TrainingJobName: give each variable one value",
        ),
    ];
    for (values, expected) in cases {
        assert_eq!(
            training.render(&us_east, values).unwrap_err().to_string(),
            expected
        );
    }
    let err = template("*")
        .render(&us_east, &[("TrainingJobName", Scope::Exact("a"))])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown variable `TrainingJobName` for the template `*`: expected no variables"
    );
}

#[test]
fn render_error_names_value_and_rule() {
    let tuning = resource_template("hyper-parameter-tuning-job/${HyperParameterTuningJobName}");
    let long = "a".repeat(33);
    let err = tuning
        .render(
            &location("us-east-1"),
            &[("HyperParameterTuningJobName", Scope::Exact(&long))],
        )
        .unwrap_err();
    assert_eq!(
        err,
        ArnError::InvalidValue {
            variable: "HyperParameterTuningJobName",
            value: long.clone(),
            rule: "must be at most 32 characters, found 33".to_owned(),
        }
    );
}

#[test]
fn render_rejects_star_value() {
    let training = resource_template("training-job/${TrainingJobName}");
    for hostile in [
        "*",
        "?",
        "job*",
        "a?b",
        "${aws:username}",
        "a:b",
        "",
        " ",
        "\t",
        "job\u{7f}",
    ] {
        let result = training.render(
            &location("us-east-1"),
            &[("TrainingJobName", Scope::Exact(hostile))],
        );
        assert!(
            matches!(result, Err(ArnError::InvalidValue { .. })),
            "{hostile:?} gave {result:?}"
        );
    }
}

// --- Parsing ---------------------------------------------------------------

#[test]
fn parse_role_arn_keeps_empty_region() {
    let text = "arn:aws:iam::111122223333:role/service-role/MyRole";
    let arn = Arn::parse(text).unwrap();
    assert_eq!(arn.partition(), "aws");
    assert_eq!(arn.service(), "iam");
    assert_eq!(arn.region(), "");
    assert_eq!(arn.account(), ACCOUNT);
    assert_eq!(arn.resource(), "role/service-role/MyRole");
    assert_eq!(arn.to_string(), text);
}

#[test]
fn parse_keeps_colons_in_resource() {
    let arn = Arn::parse("arn:aws:logs:us-east-1:111122223333:log-group:/aws/x:*").unwrap();
    assert_eq!(arn.resource(), "log-group:/aws/x:*");
    let bucket = Arn::parse("arn:aws-cn:s3:::my-bucket").unwrap();
    assert_eq!((bucket.region(), bucket.account()), ("", ""));
}

#[test]
fn parse_error_messages() {
    let cases = [
        ("", "must start with `arn:`"),
        ("ARN:aws:s3:::b", "must start with `arn:`"),
        (
            "arn::sagemaker:us-east-1:111122223333:model/m",
            "the partition must not be empty",
        ),
        (
            "arn:aws::us-east-1:111122223333:model/m",
            "the service must not be empty",
        ),
        (
            "arn:aws:iam::111122223333",
            "expected six fields, `arn:partition:service:region:account-id:resource`",
        ),
        (
            "arn:aws:sagemaker:us-east-1",
            "expected six fields, `arn:partition:service:region:account-id:resource`",
        ),
        (
            "arn:aws:sagemaker:us-east-1:111122223333:",
            "the resource must not be empty",
        ),
        (
            "arn:AWS:s3:::b",
            "the partition may contain only lower-case ASCII letters, digits and hyphens",
        ),
        (
            "arn:aws:sagemaker:us-east-1:1111:model/m",
            "the account must be empty, 12 digits or `aws`",
        ),
        (
            "arn:aws:sagemaker:us east:111122223333:model/m",
            "the region may contain only lower-case ASCII letters, digits and hyphens",
        ),
        (
            "arn:aws:s3:::a\u{0}b",
            "the resource must not contain control characters",
        ),
    ];
    for (text, rule) in cases {
        let err = Arn::parse(text).unwrap_err();
        assert_eq!(
            err,
            ArnError::InvalidArn {
                value: text.to_owned(),
                rule
            },
            "{text:?}"
        );
    }
    assert_eq!(
        Arn::parse("arn:aws:iam::111122223333").unwrap_err().to_string(),
        "invalid ARN `arn:aws:iam::111122223333`: expected six fields, `arn:partition:service:region:account-id:resource`"
    );
}

// --- Matching catalog templates ------------------------------------------

#[test]
fn match_endpoint_not_endpoint_config() {
    let forms = matched_forms("arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/cfg");
    assert!(forms.contains(
        &"arn:${Partition}:sagemaker:${Region}:${Account}:endpoint-config/${EndpointConfigName}"
    ));
    assert!(!forms
        .contains(&"arn:${Partition}:sagemaker:${Region}:${Account}:endpoint/${EndpointName}"));
    let forms = matched_forms("arn:aws:sagemaker:us-east-1:111122223333:endpoint/ep");
    assert!(!forms.iter().any(|form| form.contains("endpoint-config")));
}

#[test]
fn match_image_not_image_version() {
    let forms = matched_forms("arn:aws:sagemaker:us-east-1:111122223333:image-version/img/3");
    assert!(!forms.iter().any(|form| form.contains(":image/")));
    assert!(forms.contains(
        &"arn:${Partition}:sagemaker:${Region}:${Account}:image-version/${ImageName}/${Version}"
    ));
    assert!(forms
        .contains(&"arn:${Partition}:sagemaker:${Region}:${Account}:image-version/${ImageName}/*"));
    let forms = matched_forms("arn:aws:sagemaker:us-east-1:111122223333:image/img");
    assert!(!forms.iter().any(|form| form.contains("image-version")));
    assert!(forms.contains(&"arn:${Partition}:sagemaker:${Region}:${Account}:image/${ImageName}"));
    assert!(forms.contains(&"arn:${Partition}:sagemaker:${Region}:${Account}:image/*"));
}

#[test]
fn match_variable_covers_one_segment() {
    let forms = matched_forms("arn:aws:sagemaker:us-east-1:111122223333:training-job/a/b");
    assert_eq!(
        forms,
        ["arn:${Partition}:sagemaker:${Region}:${Account}:*", "*"]
    );
    for resource in [
        "training-job/",
        "training-job",
        "training-job/a/",
        "training-job//a",
        "training-jobs/a",
        "Training-Job/a",
    ] {
        let forms = matched_forms(&format!(
            "arn:aws:sagemaker:us-east-1:111122223333:{resource}"
        ));
        assert!(
            !forms.iter().any(|form| form.contains("training-job/")),
            "{resource}: {forms:?}"
        );
    }
}

#[test]
fn match_trailing_wildcard_covers_deeper_paths() {
    let arn =
        Arn::parse("arn:aws:sagemaker:us-east-1:111122223333:workteam/vendor-crowd/x/y").unwrap();
    let found: Vec<_> = match_arn(&arn)
        .filter(|found| found.resource_type() == Some(ResourceType::Workteam))
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].template().iam_form(),
        "arn:${Partition}:sagemaker:${Region}:${Account}:workteam/*"
    );
    assert!(found[0].captures().is_empty());
    let forms = matched_forms("arn:aws:sagemaker:us-east-1:111122223333:workteam/");
    assert!(!forms.iter().any(|form| form.contains("workteam")));
}

#[test]
fn match_workteam_crowds() {
    for crowd in ["private-crowd", "public-crowd", "vendor-crowd"] {
        let arn_text = format!("arn:aws:sagemaker:us-east-1:111122223333:workteam/{crowd}/team-a");
        let arn = Arn::parse(&arn_text).unwrap();
        let crowd_form = format!("arn:${{Partition}}:sagemaker:${{Region}}:${{Account}}:workteam/{crowd}/${{WorkteamName}}");
        let found = match_arn(&arn)
            .find(|found| found.template().iam_form() == crowd_form)
            .unwrap_or_else(|| panic!("{arn_text} did not match {crowd_form}"));
        assert_eq!(found.captures(), [("WorkteamName", "team-a")]);
        let forms: Vec<_> = match_arn(&arn)
            .map(|found| found.template().iam_form())
            .collect();
        let other_crowds = forms
            .iter()
            .filter(|form| form.contains("-crowd/") && **form != crowd_form)
            .count();
        assert_eq!(other_crowds, 0, "{forms:?}");
    }
}

#[test]
fn match_requires_sagemaker_location() {
    for text in [
        "arn:aws:iam::111122223333:role/training-job/x",
        "arn:aws:sagemaker::111122223333:training-job/x",
        "arn:aws:sagemaker:us-east-1::training-job/x",
        "arn:aws:sagemaker:us-east-1:aws:training-job/x",
        "arn:aws-cn:sagemaker:us-east-1:111122223333:training-job/x",
        "arn:aws:sagemaker:cn-north-1:111122223333:training-job/x",
        "arn:aws-eusc:sagemaker:eusc-de-east-1:111122223333:training-job/x",
    ] {
        assert_eq!(matched_forms(text), ["*"], "{text}");
    }
    let forms = matched_forms("arn:aws-cn:sagemaker:cn-north-1:111122223333:training-job/x");
    assert_eq!(forms.len(), 3, "{forms:?}");
}

#[test]
fn match_rejects_invalid_names() {
    for (resource, variable) in [
        ("training-job/bad_name", "TrainingJobName"),
        ("image-version/img/0", "Version"),
        ("image-version/img/latest", "Version"),
        ("image-version/img/01", "Version"),
        ("human-loop/Upper", "HumanLoopName"),
        ("image/.img", "ImageName"),
    ] {
        let arn_text = format!("arn:aws:sagemaker:us-east-1:111122223333:{resource}");
        let arn = Arn::parse(&arn_text).unwrap();
        let captured = match_arn(&arn).any(|found| found.capture(variable).is_some());
        assert!(!captured, "{resource} captured {variable}");
    }
}

#[test]
fn match_operations_and_resource_type_operations() {
    let arn = Arn::parse("arn:aws:sagemaker:us-east-1:111122223333:image/img").unwrap();
    let names: Vec<&str> = operations_for_arn(&arn)
        .map(|operation| operation.name())
        .collect();
    assert_eq!(
        names,
        [
            "AddTags",
            "CreateImage",
            "DeleteImage",
            "DeleteTags",
            "DescribeImage",
            "ListImageVersions",
            "ListTags",
            "UpdateImage"
        ]
    );
    let by_type: Vec<&str> = operations_for_resource_type(ResourceType::Image)
        .map(|operation| operation.name())
        .collect();
    for name in &by_type {
        assert!(names.contains(name), "{name}");
    }
    let role = Arn::parse("arn:aws:iam::111122223333:role/x").unwrap();
    assert_eq!(operations_for_arn(&role).count(), 0);
}

// --- IAM patterns -----------------------------------------------------------

fn matches(pattern: &str, arn: &str) -> bool {
    pattern_matches(pattern, &Arn::parse(arn).unwrap()).unwrap()
}

#[test]
fn pattern_star_matches_everything() {
    assert!(matches("*", "arn:aws:iam::111122223333:role/x"));
    assert!(matches(
        "*",
        "arn:aws-cn:sagemaker:cn-north-1:111122223333:model/m"
    ));
}

#[test]
fn pattern_wildcards_in_fields() {
    let arn = "arn:aws:sagemaker:us-east-1:111122223333:training-job/job-42";
    assert!(matches("arn:aws:sagemaker:*:*:*", arn));
    assert!(matches(
        "arn:aws:sagemaker:us-*-1:111122223333:training-job/job-*",
        arn
    ));
    assert!(matches(
        "arn:aws:sagemaker:us-east-?:????????????:training-job/job-??",
        arn
    ));
    assert!(matches(
        "arn:aws*:sagemaker:us-east-1:111122223333:training-job/*",
        arn
    ));
    assert!(!matches(
        "arn:aws:sagemaker:us-east-1:111122223333:training-job/job-?",
        arn
    ));
    assert!(!matches(
        "arn:aws:sagemaker:us-east-1:111122223333:training-job/job-???",
        arn
    ));
    assert!(!matches("arn:aws-cn:sagemaker:*:*:*", arn));
    assert!(!matches("arn:aws:sagemaker:*:*:endpoint/*", arn));
}

#[test]
fn pattern_star_crosses_slash() {
    let arn = "arn:aws:sagemaker:us-east-1:111122223333:workteam/private-crowd/team";
    assert!(matches("arn:aws:sagemaker:*:*:workteam/*", arn));
    assert!(matches("arn:aws:sagemaker:*:*:work*team", arn));
    assert!(matches(
        "arn:aws:sagemaker:*:*:workteam?private-crowd?team",
        arn
    ));
}

#[test]
fn pattern_empty_field_not_wildcard() {
    let role = "arn:aws:iam::111122223333:role/Admin";
    assert!(matches("arn:aws:iam::111122223333:role/*", role));
    assert!(matches("arn:aws:iam:*:111122223333:role/*", role));
    let endpoint = "arn:aws:sagemaker:us-east-1:111122223333:endpoint/e";
    assert!(!matches(
        "arn:aws:sagemaker::111122223333:endpoint/e",
        endpoint
    ));
    assert!(!matches(
        "arn:aws:sagemaker:us-east-1::endpoint/e",
        endpoint
    ));
}

#[test]
fn pattern_case_sensitive() {
    let arn = "arn:aws:sagemaker:us-east-1:111122223333:endpoint/my-endpoint";
    assert!(!matches(
        "arn:aws:sagemaker:us-east-1:111122223333:endpoint/My-Endpoint",
        arn
    ));
    assert!(!matches(
        "arn:aws:SageMaker:us-east-1:111122223333:endpoint/my-endpoint",
        arn
    ));
}

#[test]
fn pattern_trailing_star_crosses_colons() {
    let arn = "arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s1";
    assert!(matches(
        "arn:aws:logs:us-east-1:111122223333:log-group:app*",
        arn
    ));
    assert!(matches(
        "arn:aws:logs:*:*:*",
        "arn:aws:logs:us-east-1:111122223333:log-group:app"
    ));
    assert!(matches("arn:aws:logs:us-east-1:*:log-stream:s1", arn));
    // A `*` inside a segment stays inside it.
    assert!(!matches(
        "arn:aws:logs:us-east-1:111122223333:log-*-stream:s1",
        arn
    ));
}

#[test]
fn pattern_prefix_look_alikes() {
    let config = "arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/c";
    assert!(!matches("arn:aws:sagemaker:*:*:endpoint/*", config));
    assert!(matches("arn:aws:sagemaker:*:*:endpoint*", config));
    let version = "arn:aws:sagemaker:us-east-1:111122223333:image-version/i/1";
    assert!(!matches("arn:aws:sagemaker:*:*:image/*", version));
}

#[test]
fn pattern_error_messages() {
    let arn = Arn::parse("arn:aws:sagemaker:us-east-1:111122223333:endpoint/e").unwrap();
    let cases = [
        (
            "arn:aws:s*:*:*:*",
            "the service must not contain a wildcard",
        ),
        (
            "arn:aws:?agemaker:*:*:*",
            "the service must not contain a wildcard",
        ),
        ("arn::sagemaker:*:*:*", "the partition must not be empty"),
        ("arn:aws::*:*:*", "the service must not be empty"),
        (
            "arn:aws:sagemaker:*",
            "expected six fields, `arn:partition:service:region:account-id:resource`",
        ),
        (
            "arn:aws:sagemaker:*:*",
            "expected six fields, `arn:partition:service:region:account-id:resource`",
        ),
        ("**", "must be `*` or start with `arn:`"),
        ("", "must be `*` or start with `arn:`"),
        (
            "arn:aws:sagemaker:*:*:endpoint/${aws:username}",
            "contains a policy variable (`${...}`), which must be resolved before matching",
        ),
    ];
    for (pattern, rule) in cases {
        let err = pattern_matches(pattern, &arn).unwrap_err();
        assert_eq!(
            err,
            ArnError::InvalidPattern {
                value: pattern.to_owned(),
                rule
            },
            "{pattern}"
        );
    }
    assert_eq!(
        pattern_matches("arn:aws:s*:*:*:*", &arn)
            .unwrap_err()
            .to_string(),
        "invalid resource pattern `arn:aws:s*:*:*:*`: the service must not contain a wildcard"
    );
}

#[test]
fn rendered_patterns_match_own_arns() {
    let wildcard = resource_template("training-job/${TrainingJobName}")
        .render(&location("us-east-1"), &[("TrainingJobName", Scope::Any)])
        .unwrap();
    assert!(matches(
        &wildcard,
        "arn:aws:sagemaker:us-east-1:111122223333:training-job/a"
    ));
    assert!(!matches(
        &wildcard,
        "arn:aws:sagemaker:us-east-1:111122223333:training-job-x/a"
    ));
    assert!(!matches(
        &wildcard,
        "arn:aws:sagemaker:us-west-2:111122223333:training-job/a"
    ));
}

#[test]
fn public_types_send_sync() {
    fn check<T: Send + Sync>() {}
    check::<Arn<'static>>();
    check::<ArnError>();
    check::<Location>();
    check::<Region>();
    check::<AccountId>();
    check::<Partition>();
    check::<Scope<Region>>();
    check::<sagemaker_permissions::TemplateMatch<'static>>();
}

// --- Properties -------------------------------------------------------------

/// Returns a strategy for valid values of the variable `name`.
fn valid_value(name: &'static str) -> BoxedStrategy<String> {
    match name {
        "Version" => (1..=i32::MAX).prop_map(|n| n.to_string()).boxed(),
        "ImageName" => "[a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,30}".boxed(),
        "HumanLoopName" | "FlowDefinitionName" | "HumanTaskUiName" => {
            "[a-z0-9](-?[a-z0-9]){0,30}".boxed()
        }
        "HyperParameterTuningJobName" => "[a-zA-Z0-9](-?[a-zA-Z0-9]){0,15}".boxed(),
        _ => "[a-zA-Z0-9](-{0,2}[a-zA-Z0-9]){0,20}".boxed(),
    }
}

fn region_strategy() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "us-east-1",
        "eu-west-3",
        "cn-north-1",
        "us-gov-east-1",
        "us-iso-west-1",
        "us-isob-east-1",
        "eu-isoe-west-1",
        "us-isof-east-1",
    ])
}

/// Returns a strategy for a template other than `*`, with a valid value per variable.
fn template_with_values(
) -> impl Strategy<Value = (&'static ArnTemplate, Vec<(&'static str, String)>)> {
    let templates: Vec<&'static ArnTemplate> = all_templates()
        .into_iter()
        .filter(|template| template.kind() != TemplateKind::Any)
        .collect();
    prop::sample::select(templates).prop_flat_map(|template| {
        let values: Vec<_> = template
            .variables()
            .map(|variable| {
                valid_value(variable.name()).prop_map(move |value| (variable.name(), value))
            })
            .collect();
        (Just(template), values)
    })
}

proptest! {
    #[test]
    fn render_then_match_round_trips(
        (template, values) in template_with_values(),
        region in region_strategy(),
    ) {
        let pairs: Vec<(&str, Scope<&str>)> = values
            .iter()
            .map(|(name, value)| (*name, Scope::Exact(value.as_str())))
            .collect();
        let rendered = template.render(&location(region), &pairs).unwrap();
        let arn = Arn::parse(&rendered).unwrap();
        let found = match_arn(&arn)
            .find(|found| found.template().iam_form() == template.iam_form());
        prop_assert!(found.is_some(), "{} did not match {}", rendered, template.iam_form());
        let found = found.unwrap();
        prop_assert_eq!(found.captures().len(), values.len());
        for ((name, value), (captured_name, captured)) in values.iter().zip(found.captures()) {
            prop_assert_eq!(name, captured_name);
            // SageMaker writes endpoint names in lower case inside ARNs.
            let expected = if *name == "EndpointName" { value.to_ascii_lowercase() } else { value.clone() };
            prop_assert_eq!(&expected, captured);
        }
        prop_assert!(pattern_matches(&rendered, &arn).unwrap());
    }

    #[test]
    fn hostile_values_never_render(
        index in 0..64usize,
        prefix in "[a-zA-Z0-9]{0,5}",
        hostile in prop::sample::select(vec!["*", "?", "/", ":", "${", " ", "\t", "\n", "\u{0}", "\u{85}", "\u{3000}", "\u{7f}"]),
        suffix in "[a-zA-Z0-9]{0,5}",
    ) {
        let templates: Vec<_> = all_templates()
            .into_iter()
            .filter(|template| template.variables().count() > 0)
            .collect();
        let template = templates[index % templates.len()];
        let value = format!("{prefix}{hostile}{suffix}");
        let mut pairs: Vec<(&str, Scope<&str>)> = Vec::new();
        for (position, variable) in template.variables().enumerate() {
            let value = if position == 0 { value.as_str() } else { "1" };
            pairs.push((variable.name(), Scope::Exact(value)));
        }
        let result = template.render(&location("us-east-1"), &pairs);
        let is_invalid_value = matches!(result, Err(ArnError::InvalidValue { .. }));
        prop_assert!(is_invalid_value, "{:?} rendered as {:?}", value, result);
    }

    #[test]
    fn arbitrary_values_never_widen(
        index in 0..64usize,
        value in "\\PC{0,80}",
    ) {
        let templates: Vec<_> = all_templates()
            .into_iter()
            .filter(|template| template.variables().count() == 1)
            .collect();
        let template = templates[index % templates.len()];
        let name = template.variables().next().unwrap().name();
        if let Ok(rendered) = template.render(&location("us-east-1"), &[(name, Scope::Exact(&value))]) {
            // Only the template's own trailing `*` may appear.
            let own_wildcards = template
                .segments()
                .iter()
                .filter(|segment| matches!(segment, Segment::Wildcard))
                .count();
            prop_assert_eq!(rendered.matches('*').count(), own_wildcards, "{}", rendered);
            prop_assert!(!rendered.contains(['?', ' ']), "{}", rendered);
            prop_assert!(!rendered.contains("${"), "{}", rendered);
            prop_assert_eq!(rendered.matches(':').count(), 5);
            prop_assert_eq!(rendered.matches('/').count(), template.segments().len());
        }
    }

    #[test]
    fn parser_and_matchers_never_panic(text in "\\PC{0,120}", pattern in "\\PC{0,60}") {
        if let Ok(arn) = Arn::parse(&text) {
            prop_assert_eq!(arn.to_string(), text.clone());
            let _ = match_arn(&arn).count();
            let _ = operations_for_arn(&arn).count();
            let _ = pattern_matches(&pattern, &arn);
            let _ = pattern_matches(&text, &arn);
        }
    }

    #[test]
    fn arn_like_strings_never_panic(
        fields in prop::collection::vec("[a-z0-9*?:/-]{0,12}", 1..9),
        pattern_fields in prop::collection::vec("[a-z0-9*?:/-]{0,12}", 1..9),
    ) {
        let text = format!("arn:{}", fields.join(":"));
        let pattern = format!("arn:{}", pattern_fields.join(":"));
        if let Ok(arn) = Arn::parse(&text) {
            let _ = match_arn(&arn).count();
            let _ = pattern_matches(&pattern, &arn);
            // A concrete ARN always matches itself when it has no wildcard characters.
            if !text.contains(['*', '?']) {
                prop_assert_eq!(pattern_matches(&text, &arn), Ok(true));
            }
        }
    }
}

#[test]
fn builder_matches_render() {
    let version = resource_template("image-version/${ImageName}/${Version}");
    let gov_west = location("us-gov-west-1");
    let built = version
        .builder(&gov_west)
        .exact("ImageName", "img")
        .exact("Version", "7")
        .build();
    let rendered = version.render(
        &gov_west,
        &[
            ("ImageName", Scope::Exact("img")),
            ("Version", Scope::Exact("7")),
        ],
    );
    assert_eq!(built, rendered);
    assert_eq!(
        built.unwrap(),
        format!("arn:aws-us-gov:sagemaker:us-gov-west-1:{ACCOUNT}:image-version/img/7")
    );
    let any = version
        .builder(&gov_west)
        .exact("ImageName", "img")
        .any("Version")
        .build();
    assert_eq!(
        any.unwrap(),
        format!("arn:aws-us-gov:sagemaker:us-gov-west-1:{ACCOUNT}:image-version/img/*")
    );
}

#[test]
fn builder_errors() {
    let training = resource_template("training-job/${TrainingJobName}");
    let us_east = location("us-east-1");
    let err = training
        .builder(&us_east)
        .exact("TrainingJobName", "*")
        .build()
        .unwrap_err();
    assert!(matches!(
        err,
        ArnError::InvalidValue {
            variable: "TrainingJobName",
            ..
        }
    ));
    let err = training.builder(&us_east).build().unwrap_err();
    assert!(matches!(
        err,
        ArnError::MissingValue {
            variable: "TrainingJobName",
            ..
        }
    ));
    let err = training
        .builder(&us_east)
        .exact("TrainingJobName", "a")
        .any("TrainingJobName")
        .any("TrainingJobName")
        .any("TrainingJobName")
        .build()
        .unwrap_err();
    assert_eq!(
        err,
        ArnError::DuplicateValue {
            variable: "TrainingJobName"
        }
    );
    let err = training
        .builder(&us_east)
        .exact("TrainingJobName", "a")
        .any("ModelName")
        .build()
        .unwrap_err();
    assert!(matches!(err, ArnError::UnknownVariable { .. }));
}

#[test]
fn operations_for_arn_agree_with_matches() {
    for text in [
        "arn:aws:sagemaker:us-east-1:111122223333:endpoint/e",
        "arn:aws:sagemaker:us-east-1:111122223333:image-version/i/2",
        "arn:aws:sagemaker:us-east-1:111122223333:workteam/public-crowd/default",
        "arn:aws:sagemaker:us-east-1:111122223333:human-loop/loop-1",
        "arn:aws:sagemaker:us-east-1:111122223333:unknown-type/x",
        "arn:aws:iam::111122223333:role/x",
    ] {
        let arn = Arn::parse(text).unwrap();
        let forms: Vec<&str> = match_arn(&arn)
            .filter(|found| found.template().kind() != TemplateKind::Any)
            .map(|found| found.template().iam_form())
            .collect();
        let expected: Vec<&str> = sagemaker_permissions::operations()
            .filter(|operation| {
                operation
                    .resources()
                    .iter()
                    .any(|resource| forms.contains(&resource.iam_form()))
            })
            .map(|operation| operation.name())
            .collect();
        let actual: Vec<&str> = operations_for_arn(&arn)
            .map(|operation| operation.name())
            .collect();
        assert_eq!(actual, expected, "{text}");
    }
}
