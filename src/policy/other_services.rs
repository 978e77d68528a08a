//! Resources for the actions of services other than SageMaker.
//!
//! The page names these actions but gives no resource for them; IAM's Service
//! Authorization Reference gives the resource types each accepts. The rules below follow it.

use crate::arn::{AccountId, Arn, Location, Scope};
use crate::model::Action;

use super::{PolicyError, PolicyRequest};

/// The rule for the resources of an action of another service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OtherServiceRule {
    /// The execution roles given, else every role in the account
    /// (`arn:aws:iam::ACCOUNT:role/*`). IAM ties `iam:PassRole` to the
    /// `role` resource type; the statement also requires
    /// `iam:PassedToService` = `sagemaker.amazonaws.com`.
    Role,
    /// The KMS keys given, else every key in the region and account
    /// (`arn:aws:kms:REGION:ACCOUNT:key/*`). IAM ties `kms:CreateGrant` and
    /// `kms:DescribeKey` to the `key` resource type; an alias ARN does not
    /// authorize them, so only key ARNs are accepted.
    KmsKey,
    /// The secrets given, else every secret in the region and account
    /// (`arn:aws:secretsmanager:REGION:ACCOUNT:secret:*`), the `Secret`
    /// resource type of `secretsmanager:GetSecretValue`.
    Secret,
    /// The user pools given, else every user pool in the region and account
    /// (`arn:aws:cognito-idp:REGION:ACCOUNT:userpool/*`), the `userpool`
    /// resource type of the Cognito actions a private work team needs.
    UserPool,
    /// `ec2:CreateNetworkInterface`: IAM checks the new network interface and
    /// the subnet (both required) and the security groups, so the statement
    /// names `network-interface/*`, `subnet/*` and `security-group/*` in the
    /// region and account.
    NetworkInterfaceCreation,
    /// `ec2:DeleteNetworkInterface`: `network-interface/*` in the region and account.
    NetworkInterface,
    /// The action has no resource type in IAM (the EC2 `Describe*` actions,
    /// `aws-marketplace:ViewSubscriptions`), so IAM accepts only `*`.
    OnlyWildcard,
}

/// Returns the crate's rule for an action of another service, or `None` for
/// an action it has no rule for (generation then fails rather than guess).
///
/// ```
/// use sagemaker_permissions::{actions, other_service_resources, OtherServiceRule};
///
/// let pass_role = actions().find(|action| *action == "iam:PassRole").unwrap();
/// assert_eq!(other_service_resources(pass_role), Some(OtherServiceRule::Role));
/// ```
pub fn other_service_resources(action: Action) -> Option<OtherServiceRule> {
    let rule = match (action.service(), action.name()) {
        ("iam", "PassRole") => OtherServiceRule::Role,
        ("kms", "CreateGrant" | "DescribeKey") => OtherServiceRule::KmsKey,
        ("secretsmanager", "GetSecretValue") => OtherServiceRule::Secret,
        (
            "cognito-idp",
            "DescribeUserPool"
            | "DescribeUserPoolClient"
            | "UpdateUserPool"
            | "UpdateUserPoolClient",
        ) => OtherServiceRule::UserPool,
        ("ec2", "CreateNetworkInterface") => OtherServiceRule::NetworkInterfaceCreation,
        ("ec2", "DeleteNetworkInterface") => OtherServiceRule::NetworkInterface,
        ("ec2", name) if name.starts_with("Describe") => OtherServiceRule::OnlyWildcard,
        ("aws-marketplace", "ViewSubscriptions") => OtherServiceRule::OnlyWildcard,
        _ => return None,
    };
    Some(rule)
}

/// The ARNs a request gives for other services' resources, validated.
pub(super) struct GivenArns<'a> {
    roles: Vec<&'a str>,
    kms_keys: Vec<&'a str>,
    secrets: Vec<&'a str>,
    user_pools: Vec<&'a str>,
}

/// The shape of an ARN given for one use.
struct Expected {
    kind: &'static str,
    service: &'static str,
    resource_prefix: &'static str,
    regional: bool,
    /// Whether the ARN must be in the request's account.
    same_account: bool,
    /// Checks the part after `resource_prefix`, returning the rule it breaks.
    check_id: fn(&str) -> Option<&'static str>,
}

/// Checks an IAM role's path and name: segments of `[A-Za-z0-9+=,.@_-]`,
/// the last (the name) at most 64 characters.
fn check_role(rest: &str) -> Option<&'static str> {
    let allowed = |b: u8| b.is_ascii_alphanumeric() || b"+=,.@_-".contains(&b);
    if rest
        .split('/')
        .any(|segment| segment.is_empty() || !segment.bytes().all(allowed))
    {
        return Some("the role's path and name may contain only ASCII letters, digits and +=,.@_- between single slashes");
    }
    if rest.rsplit('/').next().is_some_and(|name| name.len() > 64) {
        return Some("the role name must be at most 64 characters");
    }
    None
}

/// Checks a KMS key id or multi-Region key id: letters, digits and hyphens.
fn check_key(rest: &str) -> Option<&'static str> {
    let valid = rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    (!valid).then_some("the key id may contain only ASCII letters, digits and hyphens; give a key ARN, not an alias")
}

/// Checks a Secrets Manager secret's name with its suffix: `[A-Za-z0-9/_+=.@-]`.
fn check_secret(rest: &str) -> Option<&'static str> {
    let valid = rest
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/_+=.@-".contains(&b));
    (!valid).then_some("the secret name may contain only ASCII letters, digits and /_+=.@-")
}

/// Checks a Cognito user pool id: `REGION_ID`, letters, digits, hyphens and
/// one underscore.
fn check_user_pool(rest: &str) -> Option<&'static str> {
    let valid = rest
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && rest.bytes().filter(|&b| b == b'_').count() == 1;
    (!valid).then_some("the user pool id must be the region, an underscore and letters or digits")
}

const ROLE: Expected = Expected {
    kind: "role",
    service: "iam",
    resource_prefix: "role/",
    regional: false,
    same_account: true,
    check_id: check_role,
};
const KMS_KEY: Expected = Expected {
    kind: "KMS key",
    service: "kms",
    resource_prefix: "key/",
    regional: true,
    same_account: false,
    check_id: check_key,
};
const SECRET: Expected = Expected {
    kind: "secret",
    service: "secretsmanager",
    resource_prefix: "secret:",
    regional: true,
    same_account: true,
    check_id: check_secret,
};
const USER_POOL: Expected = Expected {
    kind: "user pool",
    service: "cognito-idp",
    resource_prefix: "userpool/",
    regional: true,
    same_account: true,
    check_id: check_user_pool,
};

fn invalid(expected: &Expected, value: &str, rule: impl Into<String>) -> PolicyError {
    PolicyError::InvalidResourceArn {
        kind: expected.kind,
        value: value.to_owned(),
        rule: rule.into(),
    }
}

/// Checks that `value` is a concrete ARN of the expected kind inside the
/// request's location, so that no given ARN can widen the policy.
fn validate<'a>(
    value: &'a str,
    expected: &Expected,
    location: &Location,
) -> Result<&'a str, PolicyError> {
    let arn = Arn::parse(value).map_err(|err| invalid(expected, value, err.to_string()))?;
    if value.contains(['*', '?']) || value.contains("${") {
        return Err(invalid(
            expected,
            value,
            "must name one resource: wildcards and policy variables are not accepted; leave it out to grant every one in the account",
        ));
    }
    if arn.service() != expected.service {
        return Err(invalid(
            expected,
            value,
            format!("the service must be `{}`", expected.service),
        ));
    }
    let rest = arn
        .resource()
        .strip_prefix(expected.resource_prefix)
        .unwrap_or("");
    if rest.is_empty() {
        return Err(invalid(
            expected,
            value,
            format!(
                "the resource must start with `{}` and name one",
                expected.resource_prefix
            ),
        ));
    }
    if let Some(rule) = (expected.check_id)(rest) {
        return Err(invalid(expected, value, rule));
    }
    if arn.partition() != location.partition().as_str() {
        return Err(invalid(
            expected,
            value,
            format!(
                "the partition must be the request's, `{}`",
                location.partition()
            ),
        ));
    }
    if !AccountId::is_valid(arn.account()) {
        return Err(invalid(expected, value, "the account must be 12 digits"));
    }
    // A KMS key may belong to another account, which grants its use through
    // the key policy; roles, secrets and user pools must be the request's.
    if let (true, Scope::Exact(account)) = (expected.same_account, location.account()) {
        if arn.account() != account.as_str() {
            return Err(invalid(
                expected,
                value,
                format!("the account must be the request's, `{account}`"),
            ));
        }
    }
    if expected.regional {
        if let Scope::Exact(region) = location.region() {
            if arn.region() != region.as_str() {
                return Err(invalid(
                    expected,
                    value,
                    format!("the region must be the request's, `{region}`"),
                ));
            }
        }
    } else if !arn.region().is_empty() {
        return Err(invalid(
            expected,
            value,
            "IAM ARNs have an empty region field",
        ));
    }
    Ok(value)
}

impl<'a> GivenArns<'a> {
    pub(super) fn validate(request: &PolicyRequest<'a>) -> Result<Self, PolicyError> {
        let check =
            |values: &[&'a str], expected: &Expected| -> Result<Vec<&'a str>, PolicyError> {
                values
                    .iter()
                    .map(|value| validate(value, expected, &request.location))
                    .collect()
            };
        Ok(Self {
            roles: check(&request.roles, &ROLE)?,
            kms_keys: check(&request.kms_keys, &KMS_KEY)?,
            secrets: check(&request.secrets, &SECRET)?,
            user_pools: check(&request.user_pools, &USER_POOL)?,
        })
    }

    /// Returns an error for the first list of given ARNs that no rule in
    /// `used` consumes: such an ARN would grant nothing, and the call that
    /// needs it would be denied, so it is better reported than dropped.
    pub(super) fn check_used(&self, used: &[OtherServiceRule]) -> Result<(), PolicyError> {
        let lists: [(&[&str], OtherServiceRule, &Expected, &str); 4] = [
            (
                &self.roles,
                OtherServiceRule::Role,
                &ROLE,
                "request an operation that passes a role",
            ),
            (
                &self.kms_keys,
                OtherServiceRule::KmsKey,
                &KMS_KEY,
                "add the condition kms-key",
            ),
            (
                &self.secrets,
                OtherServiceRule::Secret,
                &SECRET,
                "add the condition git-secret",
            ),
            (
                &self.user_pools,
                OtherServiceRule::UserPool,
                &USER_POOL,
                "request CreateWorkteam",
            ),
        ];
        for (values, rule, expected, remedy) in lists {
            if let Some(value) = values.first().filter(|_| !used.contains(&rule)) {
                return Err(PolicyError::UnusedResourceArn {
                    kind: expected.kind,
                    value: (*value).to_owned(),
                    remedy,
                });
            }
        }
        Ok(())
    }

    /// Returns the resources for an action under `rule`.
    pub(super) fn resources(&self, rule: OtherServiceRule, location: &Location) -> Vec<String> {
        let partition = location.partition();
        let region = match location.region() {
            Scope::Exact(region) => region.as_str().to_owned(),
            Scope::Any => "*".to_owned(),
        };
        let account = match location.account() {
            Scope::Exact(account) => account.as_str().to_owned(),
            Scope::Any => "*".to_owned(),
        };
        let regional = |service: &str, resource: &str| {
            format!("arn:{partition}:{service}:{region}:{account}:{resource}")
        };
        let given_or = |given: &[&str], default: String| -> Vec<String> {
            if given.is_empty() {
                vec![default]
            } else {
                given.iter().map(|arn| (*arn).to_owned()).collect()
            }
        };
        match rule {
            OtherServiceRule::Role => given_or(
                &self.roles,
                format!("arn:{partition}:iam::{account}:role/*"),
            ),
            OtherServiceRule::KmsKey => given_or(&self.kms_keys, regional("kms", "key/*")),
            OtherServiceRule::Secret => {
                given_or(&self.secrets, regional("secretsmanager", "secret:*"))
            }
            OtherServiceRule::UserPool => {
                given_or(&self.user_pools, regional("cognito-idp", "userpool/*"))
            }
            OtherServiceRule::NetworkInterfaceCreation => vec![
                regional("ec2", "network-interface/*"),
                regional("ec2", "security-group/*"),
                regional("ec2", "subnet/*"),
            ],
            OtherServiceRule::NetworkInterface => vec![regional("ec2", "network-interface/*")],
            OtherServiceRule::OnlyWildcard => vec!["*".to_owned()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_checked() {
        for valid in ["R", "service-role/SageMaker", "a/b/c+=,.@_-1"] {
            assert_eq!(check_role(valid), None, "{valid}");
        }
        for invalid in ["a b", "x\"y", "x\\y", "x:y", "service-role/", "/x", "a//b"] {
            assert!(check_role(invalid).is_some(), "{invalid}");
        }
        assert!(check_role(&"r".repeat(65)).is_some());
    }

    #[test]
    fn key_ids_checked() {
        assert_eq!(check_key("1234abcd-12ab-34cd-56ef-1234567890ab"), None);
        assert_eq!(check_key("mrk-1234abcd12ab34cd56ef1234567890ab"), None);
        for invalid in ["abc/def", "ab c", "alias/x"] {
            assert!(check_key(invalid).is_some(), "{invalid}");
        }
    }

    #[test]
    fn secret_names_checked() {
        assert_eq!(check_secret("prod/git-token-AbCdEf"), None);
        assert!(check_secret("a b").is_some());
        assert!(check_secret("a:b").is_some());
    }

    #[test]
    fn user_pool_ids_checked() {
        assert_eq!(check_user_pool("eu-west-1_AbCdEf123"), None);
        assert!(check_user_pool("eu-west-1").is_some());
        assert!(check_user_pool("a_b_c").is_some());
    }
}
