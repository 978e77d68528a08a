//! SageMaker's naming rules for the names that ARN templates contain.
//!
//! Each rule is the `Pattern` and `Length Constraints` that the SageMaker API
//! Reference (<https://docs.aws.amazon.com/sagemaker/latest/APIReference/>)
//! and the Amazon Augmented AI Runtime API Reference give for the name's
//! request parameter, such as `CreateTrainingJob`'s `TrainingJobName`:
//! `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`, 1 to 63 characters.

/// The shape a name must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `[a-zA-Z0-9](-*[a-zA-Z0-9])*`: letters, digits and hyphens, starting
    /// and ending with a letter or digit.
    Alphanumeric,
    /// `[a-z0-9](-*[a-z0-9])*`: the same with lower-case letters only.
    LowerAlphanumeric,
    /// `[a-zA-Z0-9]([-.]?[a-zA-Z0-9])*`: letters and digits, with single
    /// hyphens or dots between them.
    ImageName,
    /// An image version number: a whole number from 1 to `i32::MAX`.
    VersionNumber,
    /// A hub content type: `Model`, `Notebook` or `ModelReference`.
    HubContentType,
}

/// The naming rule of one template variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameRule {
    shape: Shape,
    max_len: usize,
    /// Whether SageMaker writes the name in lower case inside the ARN.
    lower_case_in_arn: bool,
}

impl NameRule {
    /// Returns the rule for a variable, by its IAM name.
    pub(crate) fn of(variable: &str) -> Option<NameRule> {
        let rule = |shape, max_len| NameRule {
            shape,
            max_len,
            lower_case_in_arn: false,
        };
        Some(match variable {
            // SageMaker lower-cases endpoint names in endpoint ARNs. A policy
            // naming `endpoint/...-LaBSE` does not allow calls to an endpoint
            // created with that name, because IAM receives
            // `endpoint/...-labse`:
            // <https://github.com/philschmid/cdk-samples/issues/2>. CloudWatch
            // exporters lower-case `EndpointName` to find the endpoint's ARN:
            // <https://github.com/prometheus-community/yet-another-cloudwatch-exporter/pull/1178>.
            // NOTE: no source found states which other SageMaker names are
            // lower-cased in ARNs. ListHyperParameterTuningJobs returns
            // lower-cased ARNs while the job's own ARN keeps its case
            // (<https://github.com/boto/boto3/issues/4606>), so only endpoint
            // names are lower-cased here.
            "EndpointName" => NameRule {
                shape: Shape::Alphanumeric,
                max_len: 63,
                lower_case_in_arn: true,
            },
            "EndpointConfigName"
            | "LabelingJobName"
            | "ModelName"
            | "NotebookInstanceName"
            | "ProcessingJobName"
            | "TrainingJobName"
            | "TransformJobName"
            | "WorkteamName" => rule(Shape::Alphanumeric, 63),
            "HyperParameterTuningJobName" => rule(Shape::Alphanumeric, 32),
            // The SageMaker API Reference gives hub and hub content names the
            // endpoint's pattern, and `HubContentType` is an enumeration.
            "HubName" | "HubContentName" => rule(Shape::Alphanumeric, 63),
            "HubContentType" => rule(Shape::HubContentType, 14),
            "FlowDefinitionName" | "HumanLoopName" | "HumanTaskUiName" => {
                rule(Shape::LowerAlphanumeric, 63)
            }
            "ImageName" => rule(Shape::ImageName, 63),
            // `i32::MAX`, 2147483647, has 10 digits.
            "Version" => rule(Shape::VersionNumber, 10),
            _ => return None,
        })
    }

    /// Returns whether SageMaker writes the name in lower case inside ARNs.
    pub(crate) fn lower_case_in_arn(self) -> bool {
        self.lower_case_in_arn
    }

    /// Returns the rule `value` breaks, or `None` when it is a valid name.
    ///
    /// Characters that could widen or reshape an ARN are reported before
    /// the shape, so the message names the real danger.
    pub(crate) fn check(self, value: &str) -> Option<String> {
        if value.is_empty() {
            return Some("must not be empty".to_owned());
        }
        if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Some("must not contain whitespace or control characters".to_owned());
        }
        if value.contains(['*', '?']) {
            return Some(
                "must not contain `*` or `?`, which IAM reads as wildcards; pass Scope::Any to match every name"
                    .to_owned(),
            );
        }
        if value.contains("${") {
            return Some("must not contain `${`, which starts an IAM policy variable".to_owned());
        }
        if value.contains('/') {
            return Some("must not contain `/`, which separates ARN path segments".to_owned());
        }
        if value.contains(':') {
            return Some("must not contain `:`, which separates ARN fields".to_owned());
        }
        let length = value.chars().count();
        if length > self.max_len {
            return Some(format!(
                "must be at most {} characters, found {length}",
                self.max_len
            ));
        }
        self.check_shape(value).map(str::to_owned)
    }

    /// Returns whether `value` is a valid name, without allocating.
    pub(crate) fn accepts(self, value: &str) -> bool {
        !value.is_empty() && value.len() <= self.max_len && self.check_shape(value).is_none()
    }

    fn check_shape(self, value: &str) -> Option<&'static str> {
        let bytes = value.as_bytes();
        match self.shape {
            Shape::Alphanumeric | Shape::LowerAlphanumeric => {
                let lower = self.shape == Shape::LowerAlphanumeric;
                let allowed = |b: u8| {
                    b == b'-'
                        || b.is_ascii_digit()
                        || b.is_ascii_lowercase()
                        || (!lower && b.is_ascii_uppercase())
                };
                if !bytes.iter().all(|&b| allowed(b)) {
                    return Some(if lower {
                        "may contain only lower-case ASCII letters, digits and hyphens"
                    } else {
                        "may contain only ASCII letters, digits and hyphens"
                    });
                }
                if bytes.first() == Some(&b'-') || bytes.last() == Some(&b'-') {
                    return Some("must start and end with a letter or digit");
                }
                None
            }
            Shape::ImageName => {
                // One pass, because matching checks every image name it meets;
                // the rules are still reported in the order below.
                let separator = |b: u8| b == b'-' || b == b'.';
                let mut doubled = false;
                let mut previous_separator = false;
                for &b in bytes {
                    let is_separator = separator(b);
                    if !(is_separator || b.is_ascii_alphanumeric()) {
                        return Some("may contain only ASCII letters, digits, hyphens and dots");
                    }
                    doubled |= is_separator && previous_separator;
                    previous_separator = is_separator;
                }
                if bytes.first().copied().is_some_and(separator) || previous_separator {
                    return Some("must start and end with a letter or digit");
                }
                doubled.then_some("must not have two hyphens or dots in a row")
            }
            Shape::HubContentType => (!matches!(value, "Model" | "Notebook" | "ModelReference"))
                .then_some("must be one of Model, Notebook or ModelReference"),
            Shape::VersionNumber => {
                let rule = "must be a whole number from 1 to 2147483647 without leading zeros";
                if !bytes.iter().all(u8::is_ascii_digit) || bytes[0] == b'0' {
                    return Some(rule);
                }
                match value.parse::<i32>() {
                    Ok(number) if number >= 1 => None,
                    _ => Some(rule),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(variable: &str) -> NameRule {
        NameRule::of(variable).unwrap()
    }

    #[test]
    fn alphanumeric_names() {
        let training = rule("TrainingJobName");
        for valid in ["a", "A1", "my-job", "my--job", &"a".repeat(63)] {
            assert_eq!(training.check(valid), None, "{valid}");
            assert!(training.accepts(valid), "{valid}");
        }
        assert_eq!(
            training.check("-job").as_deref(),
            Some("must start and end with a letter or digit")
        );
        assert_eq!(
            training.check("job_1").as_deref(),
            Some("may contain only ASCII letters, digits and hyphens")
        );
        assert_eq!(
            training.check(&"a".repeat(64)).as_deref(),
            Some("must be at most 63 characters, found 64")
        );
        assert!(!training.accepts("job.1"));
    }

    #[test]
    fn tuning_job_names_stop_at_32() {
        let tuning = rule("HyperParameterTuningJobName");
        assert_eq!(tuning.check(&"a".repeat(32)), None);
        assert_eq!(
            tuning.check(&"a".repeat(33)).as_deref(),
            Some("must be at most 32 characters, found 33")
        );
    }

    #[test]
    fn lower_case_names() {
        for variable in ["HumanLoopName", "FlowDefinitionName", "HumanTaskUiName"] {
            assert_eq!(rule(variable).check("my-loop-1"), None);
            assert_eq!(
                rule(variable).check("My-loop").as_deref(),
                Some("may contain only lower-case ASCII letters, digits and hyphens")
            );
        }
    }

    #[test]
    fn image_names_allow_single_dots() {
        let image = rule("ImageName");
        assert_eq!(image.check("my.image-1"), None);
        assert_eq!(
            image.check("my..image").as_deref(),
            Some("must not have two hyphens or dots in a row")
        );
        assert_eq!(
            image.check(".image").as_deref(),
            Some("must start and end with a letter or digit")
        );
    }

    #[test]
    fn version_numbers() {
        let version = rule("Version");
        for valid in ["1", "42", "2147483647"] {
            assert_eq!(version.check(valid), None, "{valid}");
        }
        for invalid in ["0", "01", "-1", "1.0", "2147483648", "99999999999", "v1"] {
            assert!(version.check(invalid).is_some(), "{invalid}");
            assert!(!version.accepts(invalid), "{invalid}");
        }
    }

    #[test]
    fn hostile_characters_named_first() {
        let training = rule("TrainingJobName");
        let cases = [
            ("", "must not be empty"),
            ("a b", "must not contain whitespace or control characters"),
            ("a\u{0}", "must not contain whitespace or control characters"),
            ("a\u{a0}b", "must not contain whitespace or control characters"),
            ("a*", "must not contain `*` or `?`, which IAM reads as wildcards; pass Scope::Any to match every name"),
            ("a?", "must not contain `*` or `?`, which IAM reads as wildcards; pass Scope::Any to match every name"),
            ("${aws:username}", "must not contain `${`, which starts an IAM policy variable"),
            ("a/b", "must not contain `/`, which separates ARN path segments"),
            ("a:b", "must not contain `:`, which separates ARN fields"),
        ];
        for (value, expected) in cases {
            assert_eq!(
                training.check(value).as_deref(),
                Some(expected),
                "{value:?}"
            );
        }
    }

    #[test]
    fn only_endpoint_names_lower_cased() {
        assert!(rule("EndpointName").lower_case_in_arn());
        assert!(!rule("EndpointConfigName").lower_case_in_arn());
        assert!(!rule("TrainingJobName").lower_case_in_arn());
    }
}
