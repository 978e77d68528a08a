//! The error type of ARN rendering, parsing and matching.

use std::fmt;

use super::location::Partition;

/// An error from rendering, parsing or matching an ARN.
///
/// Every message is lower case, names the offending value and states the
/// rule it breaks. Values are shown with control characters escaped.
///
/// ```
/// use sagemaker_permissions::{AccountId, ArnError};
///
/// let err = "12345".parse::<AccountId>().unwrap_err();
/// assert_eq!(err.to_string(), "invalid account id `12345`: must be exactly 12 ASCII digits");
/// assert!(matches!(err, ArnError::InvalidAccount { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArnError {
    /// A value for a template variable breaks SageMaker's naming rule or
    /// could widen the ARN.
    #[error("invalid value `{}` for {variable}: {rule}", Escaped(.value))]
    InvalidValue {
        /// The IAM name of the variable, such as `TrainingJobName`.
        variable: &'static str,
        /// The rejected value.
        value: String,
        /// The rule the value breaks.
        rule: String,
    },
    /// The template has a variable that the caller gave no value for.
    #[error("missing value for {variable}: the template `{template}` needs one")]
    MissingValue {
        /// The IAM name of the variable.
        variable: &'static str,
        /// The template in IAM's form.
        template: &'static str,
    },
    /// The caller gave a value for a variable the template does not have.
    #[error("unknown variable `{}` for the template `{template}`: expected {expected}", Escaped(.variable))]
    UnknownVariable {
        /// The name the caller gave.
        variable: String,
        /// The template in IAM's form.
        template: &'static str,
        /// The variables the template has, or `no variables`.
        expected: String,
    },
    /// The caller gave two values for one variable.
    #[error("duplicate value for {variable}: give each variable one value")]
    DuplicateValue {
        /// The IAM name of the variable.
        variable: &'static str,
    },
    /// A region code that is malformed or belongs to no known partition.
    #[error("invalid region `{}`: {rule}", Escaped(.value))]
    InvalidRegion {
        /// The rejected region code.
        value: String,
        /// The rule the value breaks.
        rule: &'static str,
    },
    /// An account id that is not 12 digits.
    #[error("invalid account id `{}`: {rule}", Escaped(.value))]
    InvalidAccount {
        /// The rejected account id.
        value: String,
        /// The rule the value breaks.
        rule: &'static str,
    },
    /// A partition that does not contain the region.
    #[error("partition `{partition}` conflicts with region `{region}`, which is in partition `{region_partition}`")]
    PartitionConflict {
        /// The partition the caller gave.
        partition: Partition,
        /// The region the caller gave.
        region: String,
        /// The partition that contains the region.
        region_partition: Partition,
    },
    /// A string that is not a well-formed ARN.
    #[error("invalid ARN `{}`: {rule}", Escaped(.value))]
    InvalidArn {
        /// The rejected text.
        value: String,
        /// The rule the text breaks.
        rule: &'static str,
    },
    /// A string that is not a well-formed IAM resource pattern.
    #[error("invalid resource pattern `{}`: {rule}", Escaped(.value))]
    InvalidPattern {
        /// The rejected pattern.
        value: String,
        /// The rule the pattern breaks.
        rule: &'static str,
    },
}

/// Displays a value with control characters, backticks and backslashes
/// escaped, so a hostile value cannot forge the rest of a message, and cut
/// after [`SHOWN_CHARACTERS`] characters.
pub(crate) struct Escaped<'a>(pub(crate) &'a str);

/// The number of characters of a value that an error message shows; longer
/// values end in `…`, so that hostile input cannot flood a log.
const SHOWN_CHARACTERS: usize = 128;

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, c) in self.0.chars().enumerate() {
            if index == SHOWN_CHARACTERS {
                return f.write_str("…");
            }
            match c {
                '`' => f.write_str("\\`")?,
                '\\' => f.write_str("\\\\")?,
                c if c.is_control() => write!(f, "{}", c.escape_default())?,
                c => write!(f, "{c}")?,
            }
        }
        Ok(())
    }
}
