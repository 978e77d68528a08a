//! Partitions, regions, account ids and the explicit wildcard [`Scope`].

use std::fmt;
use std::str::FromStr;

use strum::{Display, EnumCount, EnumIter, EnumString, IntoStaticStr};

use super::error::ArnError;

/// A value that is either one exact thing or, deliberately, anything.
///
/// `Scope::Any` is the only way to put a wildcard into a rendered ARN: a
/// string value that happens to be `*` is rejected, never rendered.
///
/// ```
/// use sagemaker_permissions::Scope;
///
/// let region: Scope<&str> = Scope::Any;
/// assert!(region.is_any());
/// assert_eq!(Scope::Exact("us-east-1").exact(), Some("us-east-1"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope<T> {
    /// Exactly this value.
    Exact(T),
    /// Any value: renders as `*`.
    Any,
}

impl<T> Scope<T> {
    /// Returns whether this is the wildcard.
    pub fn is_any(&self) -> bool {
        matches!(self, Scope::Any)
    }

    /// Returns the exact value, or `None` for the wildcard.
    pub fn exact(self) -> Option<T> {
        match self {
            Scope::Exact(value) => Some(value),
            Scope::Any => None,
        }
    }

    /// Borrows the exact value.
    pub fn as_ref(&self) -> Scope<&T> {
        match self {
            Scope::Exact(value) => Scope::Exact(value),
            Scope::Any => Scope::Any,
        }
    }
}

/// An AWS partition: a group of regions with its own ARN prefix.
///
/// The kebab-case names (`aws-us-gov`) are the `Display` and `FromStr`
/// forms and the first field after `arn:` in an ARN.
///
/// ```
/// use sagemaker_permissions::Partition;
///
/// assert_eq!(Partition::of_region("cn-north-1"), Some(Partition::AwsCn));
/// assert_eq!(Partition::of_region("us-isob-east-1"), Some(Partition::AwsIsoB));
/// assert_eq!("aws-iso-b".parse::<Partition>().unwrap(), Partition::AwsIsoB);
/// assert_eq!(Partition::AwsUsGov.as_str(), "aws-us-gov");
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Display,
    EnumString,
    IntoStaticStr,
    EnumIter,
    EnumCount,
)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum Partition {
    /// The commercial regions (`aws`).
    #[default]
    Aws,
    /// The China regions (`aws-cn`).
    AwsCn,
    /// AWS GovCloud (US) (`aws-us-gov`).
    AwsUsGov,
    /// The US ISO regions, `us-iso-*` (`aws-iso`).
    AwsIso,
    /// The US ISOB regions, `us-isob-*` (`aws-iso-b`).
    AwsIsoB,
    /// The EU ISOE regions, `eu-isoe-*` (`aws-iso-e`).
    AwsIsoE,
    /// The US ISOF regions, `us-isof-*` (`aws-iso-f`).
    AwsIsoF,
}

impl Partition {
    /// Returns the partition's name, such as `aws-cn`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Returns the partition that contains `region`, or `None` when the code
    /// is malformed or matches no partition.
    ///
    /// The rules are the `regionRegex` of each partition in the AWS SDKs'
    /// endpoint data (botocore's `data/partitions.json`). `cn-*` is `aws-cn`
    /// and `us-gov-*` is `aws-us-gov`. `us-iso-*`, `us-isob-*`, `eu-isoe-*`
    /// and `us-isof-*` are the ISO partitions. A code that starts with `us`,
    /// `eu`, `ap`, `sa`, `ca`, `me`, `af`, `il` or `mx`, followed by one word
    /// and a number, is `aws`. Words are lower-case ASCII letters and digits,
    /// joined by single hyphens.
    ///
    /// NOTE: a region added under a new prefix is rejected until this table
    /// learns it.
    pub fn of_region(region: &str) -> Option<Partition> {
        // Split at `-` into three or four parts with a byte loop, which is
        // cheaper than `split` for strings this short.
        let mut parts = [""; 4];
        let mut count = 0;
        let mut start = 0;
        for (index, &byte) in region.as_bytes().iter().enumerate() {
            if byte == b'-' {
                if count == 3 {
                    return None;
                }
                parts[count] = &region[start..index];
                count += 1;
                start = index + 1;
            }
        }
        if count < 2 {
            return None;
        }
        parts[count] = &region[start..];
        let [first, second, third, _] = parts;
        let fourth = (count == 3).then_some(parts[3]);
        let is_word = |part: &str| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        };
        let is_number = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        match fourth {
            None => {
                if !is_word(second) || !is_number(third) {
                    return None;
                }
                match first {
                    "cn" => Some(Partition::AwsCn),
                    "us" | "eu" | "ap" | "sa" | "ca" | "me" | "af" | "il" | "mx" => {
                        Some(Partition::Aws)
                    }
                    _ => None,
                }
            }
            Some(number) => {
                if !is_word(third) || !is_number(number) {
                    return None;
                }
                match (first, second) {
                    ("us", "gov") => Some(Partition::AwsUsGov),
                    ("us", "iso") => Some(Partition::AwsIso),
                    ("us", "isob") => Some(Partition::AwsIsoB),
                    ("eu", "isoe") => Some(Partition::AwsIsoE),
                    ("us", "isof") => Some(Partition::AwsIsoF),
                    _ => None,
                }
            }
        }
    }
}

/// A validated AWS region code, such as `us-east-1`, with its partition.
///
/// ```
/// use sagemaker_permissions::{Partition, Region};
///
/// let region: Region = "us-gov-west-1".parse().unwrap();
/// assert_eq!(region.as_str(), "us-gov-west-1");
/// assert_eq!(region.partition(), Partition::AwsUsGov);
/// assert_eq!(
///     "US-EAST-1".parse::<Region>().unwrap_err().to_string(),
///     "invalid region `US-EAST-1`: expected a region code such as `us-east-1` whose prefix names a known partition"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Region {
    code: String,
    partition: Partition,
}

impl Region {
    const RULE: &'static str =
        "expected a region code such as `us-east-1` whose prefix names a known partition";

    /// Returns the region code.
    pub fn as_str(&self) -> &str {
        &self.code
    }

    /// Returns the partition that contains the region.
    pub fn partition(&self) -> Partition {
        self.partition
    }
}

impl FromStr for Region {
    type Err = ArnError;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        match Partition::of_region(code) {
            Some(partition) => Ok(Region {
                code: code.to_owned(),
                partition,
            }),
            None => Err(ArnError::InvalidRegion {
                value: code.to_owned(),
                rule: Region::RULE,
            }),
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)
    }
}

/// A validated 12-digit AWS account id.
///
/// ```
/// use sagemaker_permissions::AccountId;
///
/// let account: AccountId = "111122223333".parse().unwrap();
/// assert_eq!(account.as_str(), "111122223333");
/// assert!("1111-2222-3333".parse::<AccountId>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountId([u8; 12]);

impl AccountId {
    const RULE: &'static str = "must be exactly 12 ASCII digits";

    /// Returns the account id's 12 digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("an account id holds ASCII digits only")
    }

    /// Returns whether `text` is 12 ASCII digits.
    pub(crate) fn is_valid(text: &str) -> bool {
        text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
    }
}

impl FromStr for AccountId {
    type Err = ArnError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if !AccountId::is_valid(text) {
            return Err(ArnError::InvalidAccount {
                value: text.to_owned(),
                rule: AccountId::RULE,
            });
        }
        let mut digits = [0; 12];
        digits.copy_from_slice(text.as_bytes());
        Ok(AccountId(digits))
    }
}

impl fmt::Debug for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("AccountId").field(&self.as_str()).finish()
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The place a rendered ARN points to: a partition, a region or any region,
/// and an account or any account.
///
/// ```
/// use sagemaker_permissions::{Location, Partition, Scope};
///
/// let location = Location::new(Scope::Exact("cn-north-1".parse().unwrap()), Scope::Any);
/// assert_eq!(location.partition(), Partition::AwsCn);
///
/// let conflict = Location::with_partition(
///     Partition::Aws,
///     Scope::Exact("cn-north-1".parse().unwrap()),
///     Scope::Any,
/// );
/// assert_eq!(
///     conflict.unwrap_err().to_string(),
///     "partition `aws` conflicts with region `cn-north-1`, which is in partition `aws-cn`"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Location {
    partition: Partition,
    region: Scope<Region>,
    account: Scope<AccountId>,
}

impl Location {
    /// Builds a location whose partition is the region's, or `aws` when the
    /// region is [`Scope::Any`].
    pub fn new(region: Scope<Region>, account: Scope<AccountId>) -> Location {
        let partition = match &region {
            Scope::Exact(region) => region.partition(),
            Scope::Any => Partition::Aws,
        };
        Location {
            partition,
            region,
            account,
        }
    }

    /// Builds a location in `partition`.
    ///
    /// # Errors
    ///
    /// [`ArnError::PartitionConflict`] when the region is in another partition.
    pub fn with_partition(
        partition: Partition,
        region: Scope<Region>,
        account: Scope<AccountId>,
    ) -> Result<Location, ArnError> {
        if let Scope::Exact(region) = &region {
            if region.partition() != partition {
                return Err(ArnError::PartitionConflict {
                    partition,
                    region: region.as_str().to_owned(),
                    region_partition: region.partition(),
                });
            }
        }
        Ok(Location {
            partition,
            region,
            account,
        })
    }

    /// Returns the partition.
    pub fn partition(&self) -> Partition {
        self.partition
    }

    /// Returns the region, or `Scope::Any`.
    pub fn region(&self) -> Scope<&Region> {
        self.region.as_ref()
    }

    /// Returns the account, or `Scope::Any`.
    pub fn account(&self) -> Scope<AccountId> {
        self.account
    }
}
