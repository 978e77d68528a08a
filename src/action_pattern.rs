//! IAM action patterns such as `sagemaker:Describe*`, expanded over the catalog.

use std::fmt;

use crate::model::{Action, Operation};
use crate::requirements::Source;

/// The maximum pattern length accepted, in bytes. IAM's longest action names
/// are far shorter, and the limit keeps matching cheap on hostile input.
const MAX_PATTERN: usize = 256;

/// An IAM action pattern, validated, as it appears in a policy's `Action` element.
///
/// IAM's rules: `*` matches any run of characters (also none), `?` matches
/// exactly one character, letters match ignoring ASCII case, and every other
/// character matches only itself. There are no character classes: `[` is a
/// literal. The wildcards may stand anywhere, the service prefix included.
///
/// ```
/// use sagemaker_permissions::ActionPattern;
///
/// let pattern = ActionPattern::new("SageMaker:describe*").unwrap();
/// assert!(pattern.matches("sagemaker:DescribeTrainingJob"));
/// assert!(!pattern.matches("sagemaker:ListTrainingJobs"));
///
/// let one = ActionPattern::new("sagemaker:?topTrainingJob").unwrap();
/// assert!(one.matches("sagemaker:StopTrainingJob"));
/// assert!(!one.matches("sagemaker:StartTrainingJob"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ActionPattern<'a> {
    text: &'a str,
}

/// An action pattern that IAM would not accept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ActionPatternError {
    /// The pattern is empty.
    #[error("invalid action pattern ``: a pattern must not be empty")]
    Empty,
    /// The pattern has no `:` between service and action, and is not `*`.
    #[error("invalid action pattern `{0}`: expected `service:Action` or `*`")]
    MissingService(String),
    /// The pattern contains whitespace, a control character or a non-ASCII character.
    #[error("invalid action pattern `{0}`: only printable ASCII without spaces is allowed")]
    InvalidCharacter(String),
    /// The pattern is longer than this crate accepts.
    #[error("invalid action pattern `{0}…`: longer than {MAX_PATTERN} bytes")]
    TooLong(String),
}

impl<'a> ActionPattern<'a> {
    /// Validates `text` as an IAM action pattern.
    ///
    /// # Errors
    ///
    /// [`ActionPatternError`] for an empty pattern, one without a `:` (other
    /// than `*`), one with whitespace, control or non-ASCII characters, or
    /// one longer than 256 bytes.
    pub fn new(text: &'a str) -> Result<Self, ActionPatternError> {
        if text.is_empty() {
            return Err(ActionPatternError::Empty);
        }
        if text.len() > MAX_PATTERN {
            let shown: String = text.chars().take(32).collect();
            return Err(ActionPatternError::TooLong(shown));
        }
        if !text.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(ActionPatternError::InvalidCharacter(
                text.escape_debug().to_string(),
            ));
        }
        if text != "*" && !text.contains(':') {
            return Err(ActionPatternError::MissingService(text.to_owned()));
        }
        Ok(Self { text })
    }

    /// Returns the pattern as given.
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    /// Returns whether the pattern has a `*` or `?`.
    pub fn has_wildcard(&self) -> bool {
        self.text.contains(['*', '?'])
    }

    /// Returns whether `action` matches the pattern under IAM's rules.
    /// Allocates nothing.
    pub fn matches(&self, action: &str) -> bool {
        glob_matches(self.text.as_bytes(), action.as_bytes())
    }

    /// Returns the catalog's actions that match the pattern, sorted ignoring
    /// case.
    ///
    /// ```
    /// use sagemaker_permissions::ActionPattern;
    ///
    /// let pattern = ActionPattern::new("sagemaker:Describe*Job").unwrap();
    /// let names: Vec<&str> = pattern.expand().map(|action| action.name()).collect();
    /// assert!(names.contains(&"DescribeTrainingJob"));
    /// assert!(!names.contains(&"DescribeEndpoint"));
    /// ```
    pub fn expand(self) -> impl Iterator<Item = Action> + Clone + 'a {
        crate::actions().filter(move |action| self.matches(action.as_str()))
    }
}

impl fmt::Display for ActionPattern<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text)
    }
}

/// Matches `text` against `pattern` with `*` and `?`, ignoring ASCII case.
///
/// The classic two-pointer algorithm: on a mismatch after a `*`, retry with
/// the `*` covering one more byte. It runs in O(pattern × text) time at worst
/// and allocates nothing.
fn glob_matches(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut retry: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                retry = Some((p, t));
                p += 1;
            }
            Some(&c) if c == b'?' || c.eq_ignore_ascii_case(&text[t]) => {
                p += 1;
                t += 1;
            }
            _ => match retry {
                Some((star, matched)) => {
                    p = star + 1;
                    t = matched + 1;
                    retry = Some((star, matched + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

/// Returns the operations whose always-needed actions all match at least one
/// of `patterns`, in page order: the operations that a policy granting these
/// patterns lets a caller make, leaving conditional actions aside. `source`
/// chooses whose requirements count: IAM's (the default) or the page's.
///
/// # Errors
///
/// The first pattern that is not a valid [`ActionPattern`].
///
/// ```
/// use sagemaker_permissions::{operations_covered_by, Source};
///
/// let covered: Vec<&str> = operations_covered_by(
///     &["sagemaker:CreateModel", "iam:PassRole", "sagemaker:Describe*"],
///     Source::Iam,
/// )
/// .unwrap()
/// .map(|operation| operation.name())
/// .collect();
/// assert!(covered.contains(&"CreateModel"));
/// assert!(covered.contains(&"DescribeModel"));
/// // CreateTrainingJob also needs sagemaker:CreateTrainingJob.
/// assert!(!covered.contains(&"CreateTrainingJob"));
/// ```
pub fn operations_covered_by<'a>(
    patterns: &'a [&'a str],
    source: Source,
) -> Result<impl Iterator<Item = &'static Operation> + 'a, ActionPatternError> {
    for pattern in patterns {
        ActionPattern::new(pattern)?;
    }
    Ok(crate::operations().filter(move |operation| {
        operation
            .requirements(source)
            .filter(|requirement| requirement.conditions().is_empty())
            .all(|requirement| {
                let action = requirement.action();
                patterns
                    .iter()
                    .any(|pattern| glob_matches(pattern.as_bytes(), action.as_str().as_bytes()))
            })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn expanded(pattern: &str) -> Vec<&'static str> {
        ActionPattern::new(pattern)
            .unwrap()
            .expand()
            .map(|action| action.as_str())
            .collect()
    }

    #[test]
    fn star_matches_any_run() {
        assert!(glob_matches(b"a*c", b"ac"));
        assert!(glob_matches(b"a*c", b"abbbc"));
        assert!(!glob_matches(b"a*c", b"abcd"));
        assert!(glob_matches(b"*", b""));
        assert!(glob_matches(b"**", b"x"));
    }

    #[test]
    fn question_mark_is_one_character() {
        assert!(glob_matches(b"a?c", b"abc"));
        assert!(!glob_matches(b"a?c", b"ac"));
        assert!(!glob_matches(b"a?c", b"abbc"));
    }

    #[test]
    fn case_is_ignored() {
        assert_eq!(expanded("SageMaker:list*"), expanded("sagemaker:List*"),);
        assert!(expanded("SAGEMAKER:LISTMODELS") == ["sagemaker:ListModels"]);
    }

    #[test]
    fn bracket_is_literal() {
        assert!(!glob_matches(b"sagemaker:[CD]*", b"sagemaker:CreateModel"));
        assert!(glob_matches(b"sagemaker:[CD]*", b"sagemaker:[CD]x"));
        assert!(expanded("sagemaker:[CD]*").is_empty());
    }

    #[test]
    fn describe_star_expands() {
        let actions = expanded("sagemaker:Describe*");
        assert!(actions.contains(&"sagemaker:DescribeTrainingJob"));
        assert!(actions.contains(&"sagemaker:DescribeEndpointConfig"));
        assert!(actions
            .iter()
            .all(|action| action.starts_with("sagemaker:Describe")));
        let scanned = crate::actions()
            .filter(|action| action.as_str().starts_with("sagemaker:Describe"))
            .count();
        assert_eq!(actions.len(), scanned);
    }

    #[test]
    fn question_mark_pattern_expands() {
        assert_eq!(
            expanded("sagemaker:?topTrainingJob"),
            ["sagemaker:StopTrainingJob"]
        );
    }

    #[test]
    fn pattern_with_no_match() {
        assert!(expanded("sagemaker:Frobnicate*").is_empty());
        assert!(expanded("s3:*").is_empty());
    }

    #[test]
    fn star_alone_is_everything() {
        assert_eq!(expanded("*").len(), crate::actions().len());
    }

    #[test]
    fn invalid_patterns_rejected() {
        assert_eq!(
            ActionPattern::new("").unwrap_err().to_string(),
            "invalid action pattern ``: a pattern must not be empty"
        );
        assert_eq!(
            ActionPattern::new("Describe*").unwrap_err().to_string(),
            "invalid action pattern `Describe*`: expected `service:Action` or `*`"
        );
        assert_eq!(
            ActionPattern::new("sagemaker: Describe*").unwrap_err().to_string(),
            "invalid action pattern `sagemaker: Describe*`: only printable ASCII without spaces is allowed"
        );
        let long = format!("sagemaker:{}", "a".repeat(300));
        assert_eq!(
            ActionPattern::new(&long).unwrap_err().to_string(),
            format!(
                "invalid action pattern `sagemaker:{}…`: longer than 256 bytes",
                "a".repeat(22)
            )
        );
    }

    #[test]
    fn covered_needs_every_required_action() {
        let covered: Vec<&str> =
            operations_covered_by(&["sagemaker:CreateTrainingJob"], Source::Iam)
                .unwrap()
                .map(|operation| operation.name())
                .collect();
        assert!(covered.is_empty(), "{covered:?}");
        let covered: Vec<&str> = operations_covered_by(
            &["sagemaker:CreateTrainingJob", "iam:PassRole"],
            Source::Iam,
        )
        .unwrap()
        .map(|operation| operation.name())
        .collect();
        assert_eq!(covered, ["CreateTrainingJob"]);
        assert!(operations_covered_by(&["nope"], Source::Iam).is_err());
        // IAM's requirements add iam:PassRole to CreateEndpointConfig only
        // when the request names an execution role, so both cover it.
        for source in [Source::Iam, Source::Page] {
            let covered: Vec<&str> =
                operations_covered_by(&["sagemaker:CreateEndpointConfig"], source)
                    .unwrap()
                    .map(|operation| operation.name())
                    .collect();
            assert_eq!(covered, ["CreateEndpointConfig"]);
        }
    }

    /// Matches like `glob_matches` by plain recursion: slow but obviously
    /// right, to check the fast one.
    fn reference(pattern: &[u8], text: &[u8]) -> bool {
        match pattern.split_first() {
            None => text.is_empty(),
            Some((b'*', rest)) => (0..=text.len()).any(|skip| reference(rest, &text[skip..])),
            Some((&c, rest)) => match text.split_first() {
                Some((&t, tail)) if c == b'?' || c.eq_ignore_ascii_case(&t) => {
                    reference(rest, tail)
                }
                _ => false,
            },
        }
    }

    proptest! {
        #[test]
        fn glob_agrees_with_reference(pattern in "[ab*?A]{0,8}", text in "[abAB]{0,10}") {
            prop_assert_eq!(
                glob_matches(pattern.as_bytes(), text.as_bytes()),
                reference(pattern.as_bytes(), text.as_bytes())
            );
        }

        #[test]
        fn pattern_never_panics(pattern in "\\PC{0,300}", action in "\\PC{0,60}") {
            if let Ok(valid) = ActionPattern::new(&pattern) {
                let _ = valid.matches(&action);
                let _ = valid.expand().count();
            }
        }

        #[test]
        fn literal_pattern_matches_only_itself(index in 0usize..200) {
            let all: Vec<Action> = crate::actions().collect();
            let action = all[index % all.len()];
            let found = expanded(action.as_str());
            prop_assert_eq!(found, vec![action.as_str()]);
        }
    }
}
