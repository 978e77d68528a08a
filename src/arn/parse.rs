//! Strict parsing of ARNs into their six fields.

use std::fmt;

use super::error::ArnError;

/// An ARN split into its fields, borrowing the text it was parsed from.
///
/// The form is `arn:partition:service:region:account-id:resource`. The
/// resource is everything after the fifth colon and may contain further
/// colons and slashes.
///
/// ```
/// use sagemaker_permissions::Arn;
///
/// let arn = Arn::parse("arn:aws:sagemaker:us-east-1:111122223333:training-job/my-job").unwrap();
/// assert_eq!(arn.partition(), "aws");
/// assert_eq!(arn.service(), "sagemaker");
/// assert_eq!(arn.region(), "us-east-1");
/// assert_eq!(arn.account(), "111122223333");
/// assert_eq!(arn.resource(), "training-job/my-job");
///
/// // An IAM role has no region; the empty field is kept.
/// let role = Arn::parse("arn:aws:iam::111122223333:role/Admin").unwrap();
/// assert_eq!(role.region(), "");
/// assert_eq!(role.to_string(), "arn:aws:iam::111122223333:role/Admin");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Arn<'a> {
    text: &'a str,
    partition: &'a str,
    service: &'a str,
    region: &'a str,
    account: &'a str,
    resource: &'a str,
}

impl<'a> Arn<'a> {
    /// Parses `text` strictly. Allocates only on error.
    ///
    /// The text must start with `arn:` and have six fields. The partition and
    /// the service are non-empty lower-case ASCII letters, digits and
    /// hyphens, and the region is such characters or empty. The account is
    /// empty, 12 digits or `aws` (as in AWS managed policies). The resource is
    /// non-empty and contains no control characters.
    ///
    /// # Errors
    ///
    /// [`ArnError::InvalidArn`] naming the text and the broken rule.
    ///
    /// ```
    /// use sagemaker_permissions::Arn;
    ///
    /// let err = Arn::parse("arn:aws:iam::111122223333").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid ARN `arn:aws:iam::111122223333`: expected six fields, `arn:partition:service:region:account-id:resource`"
    /// );
    /// ```
    pub fn parse(text: &'a str) -> Result<Arn<'a>, ArnError> {
        let fail = |rule: &'static str| ArnError::InvalidArn {
            value: text.to_owned(),
            rule,
        };
        let rest = text
            .strip_prefix("arn:")
            .ok_or_else(|| fail("must start with `arn:`"))?;
        // A plain byte loop: ARN fields are short, and `splitn` costs more
        // per call than the search itself here.
        let mut fields = [""; 4];
        let mut start = 0;
        let mut found = 0;
        while found < fields.len() {
            let Some(length) = rest.as_bytes()[start..]
                .iter()
                .position(|&byte| byte == b':')
            else {
                break;
            };
            fields[found] = &rest[start..start + length];
            start += length + 1;
            found += 1;
        }
        let name_ok = |field: &str| {
            field
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        let is_name = [name_ok(fields[0]), name_ok(fields[1]), name_ok(fields[2])];
        if found < fields.len() {
            return Err(fail(
                "expected six fields, `arn:partition:service:region:account-id:resource`",
            ));
        }
        let [partition, service, region, account] = fields;
        let resource = &rest[start..];

        if partition.is_empty() {
            return Err(fail("the partition must not be empty"));
        }
        if !is_name[0] {
            return Err(fail(
                "the partition may contain only lower-case ASCII letters, digits and hyphens",
            ));
        }
        if service.is_empty() {
            return Err(fail("the service must not be empty"));
        }
        if !is_name[1] {
            return Err(fail(
                "the service may contain only lower-case ASCII letters, digits and hyphens",
            ));
        }
        if !is_name[2] {
            return Err(fail(
                "the region may contain only lower-case ASCII letters, digits and hyphens",
            ));
        }
        let account_valid = account.is_empty()
            || account == "aws"
            || (account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit()));
        if !account_valid {
            return Err(fail("the account must be empty, 12 digits or `aws`"));
        }
        if resource.is_empty() {
            return Err(fail("the resource must not be empty"));
        }
        // One pass finds any byte that is not printable ASCII; only then are
        // the characters examined, since non-ASCII text may still be valid.
        let has_control = resource.bytes().any(|byte| !(0x20..0x7f).contains(&byte))
            && resource.chars().any(char::is_control);
        if has_control {
            return Err(fail("the resource must not contain control characters"));
        }

        Ok(Arn {
            text,
            partition,
            service,
            region,
            account,
            resource,
        })
    }

    /// Returns the whole ARN as parsed.
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    /// Returns the partition, such as `aws` or `aws-cn`.
    pub fn partition(&self) -> &'a str {
        self.partition
    }

    /// Returns the service namespace, such as `sagemaker`.
    pub fn service(&self) -> &'a str {
        self.service
    }

    /// Returns the region, which is empty for global resources such as IAM roles.
    pub fn region(&self) -> &'a str {
        self.region
    }

    /// Returns the account id, which is empty for some resources such as S3 buckets.
    pub fn account(&self) -> &'a str {
        self.account
    }

    /// Returns the resource: everything after the fifth colon.
    pub fn resource(&self) -> &'a str {
        self.resource
    }

    /// Returns the text from the region to the end, `region:account:resource`.
    pub(crate) fn after_service(&self) -> &'a str {
        let start = "arn:".len() + self.partition.len() + 1 + self.service.len() + 1;
        &self.text[start..]
    }
}

impl fmt::Display for Arn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text)
    }
}
