//! IAM's matching of `Resource` patterns against ARNs.
//!
//! The rules follow the IAM User Guide page "IAM JSON policy elements:
//! Resource", section "Using wildcards in resource ARNs"
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html>):
//!
//! - Inside any colon-separated segment, `*` matches any run of characters
//!   and `?` exactly one character. A segment may contain several of each.
//! - `*` matches `/` like any other character.
//! - A `*` that is the last character of a segment may also match across
//!   colons into the following segments.
//! - The service segment takes no wildcard.
//! - Matching is case-sensitive.
//!
//! NOTE: the page does not say how far a colon-crossing `*` may reach. This
//! module anchors the service: the pattern's partition is matched against
//! the ARN's partition alone, its service must equal the ARN's service, and
//! colon crossing applies from the region onwards.

use super::error::ArnError;
use super::parse::Arn;

/// Returns whether the IAM resource pattern `pattern` matches `arn`.
///
/// `pattern` is `*` or an ARN with wildcards. An empty field matches only an
/// empty field. Allocates only on error.
///
/// # Errors
///
/// [`ArnError::InvalidPattern`] when the pattern does not start with `arn:`,
/// has fewer than six fields, has an empty partition or service, has a
/// wildcard in the service, or contains a policy variable (`${...}`), which
/// this function cannot resolve.
///
/// ```
/// use sagemaker_permissions::{pattern_matches, Arn};
///
/// let arn = Arn::parse("arn:aws:sagemaker:us-east-1:111122223333:endpoint/my-endpoint").unwrap();
/// assert!(pattern_matches("arn:aws:sagemaker:*:111122223333:endpoint/*", &arn).unwrap());
/// assert!(pattern_matches("arn:aws:sagemaker:us-east-?:*:endpoint/my-*", &arn).unwrap());
/// assert!(!pattern_matches("arn:aws:sagemaker::111122223333:endpoint/*", &arn).unwrap());
/// assert!(!pattern_matches("arn:aws:sagemaker:*:*:endpoint/My-Endpoint", &arn).unwrap());
/// assert!(pattern_matches("arn:aws:s*:*:*:*", &arn).is_err());
/// ```
pub fn pattern_matches(pattern: &str, arn: &Arn<'_>) -> Result<bool, ArnError> {
    if pattern == "*" {
        return Ok(true);
    }
    let fail = |rule: &'static str| ArnError::InvalidPattern {
        value: pattern.to_owned(),
        rule,
    };
    if pattern.contains("${") {
        return Err(fail(
            "contains a policy variable (`${...}`), which must be resolved before matching",
        ));
    }
    let rest = pattern
        .strip_prefix("arn:")
        .ok_or_else(|| fail("must be `*` or start with `arn:`"))?;
    let mut fields = rest.splitn(3, ':');
    let (Some(partition), Some(service), Some(after_service)) =
        (fields.next(), fields.next(), fields.next())
    else {
        return Err(fail(
            "expected six fields, `arn:partition:service:region:account-id:resource`",
        ));
    };
    if after_service.split(':').nth(2).is_none() {
        return Err(fail(
            "expected six fields, `arn:partition:service:region:account-id:resource`",
        ));
    }
    if partition.is_empty() {
        return Err(fail("the partition must not be empty"));
    }
    if service.is_empty() {
        return Err(fail("the service must not be empty"));
    }
    if service.contains(['*', '?']) {
        return Err(fail("the service must not contain a wildcard"));
    }

    Ok(service == arn.service()
        && segment_matches(partition, arn.partition())
        && colon_glob(after_service, arn.after_service()))
}

/// Matches colon-separated `text` against colon-separated `pattern`, where a
/// segment of the pattern that ends in `*` may absorb further whole segments.
///
/// Each pattern segment consumes one text segment; one ending in `*` may then
/// consume any number of further segments. This is wildcard matching over
/// segments, solved greedily with one backtrack point, in time proportional
/// to the product of the segment counts and without allocating.
fn colon_glob(pattern: &str, text: &str) -> bool {
    let mut patterns = pattern.split(':');
    let mut texts = text.split(':');
    // Where to resume after a mismatch: the pattern after the last crossing
    // segment, and the text after the segments it has absorbed so far.
    let mut backtrack = None;

    loop {
        let mut next_patterns = patterns.clone();
        let mut next_texts = texts.clone();
        match (next_patterns.next(), next_texts.next()) {
            (None, None) => return true,
            (Some(segment), Some(text_segment)) if segment_matches(segment, text_segment) => {
                patterns = next_patterns;
                texts = next_texts;
                if segment.ends_with('*') {
                    backtrack = Some((patterns.clone(), texts.clone()));
                }
                continue;
            }
            _ => {}
        }

        // Let the last crossing segment absorb one more text segment.
        let Some((resume_patterns, mut resume_texts)) = backtrack.take() else {
            return false;
        };
        if resume_texts.next().is_none() {
            return false;
        }
        patterns = resume_patterns.clone();
        texts = resume_texts.clone();
        backtrack = Some((resume_patterns, resume_texts));
    }
}

/// Matches one segment: `*` is any run of characters and `?` exactly one.
///
/// The greedy algorithm with one backtrack point is exact for a single kind
/// of `*` and runs in time proportional to the product of the lengths.
pub(crate) fn segment_matches(pattern: &str, text: &str) -> bool {
    let pattern = pattern.as_bytes();
    let text = text.as_bytes();
    let (mut p, mut t) = (0, 0);
    // The pattern position after the last `*`, and the text position that
    // `*` has absorbed up to.
    let mut star: Option<(usize, usize)> = None;

    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p + 1, t));
                p += 1;
                continue;
            }
            Some(b'?') => {
                p += 1;
                t += utf8_len(text[t]);
                continue;
            }
            Some(&b) if b == text[t] => {
                p += 1;
                t += 1;
                continue;
            }
            _ => {}
        }

        // Mismatch: let the last `*` absorb one more character.
        let Some((star_p, star_t)) = star else {
            return false;
        };
        let next_t = star_t + utf8_len(text[star_t]);
        star = Some((star_p, next_t));
        p = star_p;
        t = next_t;
    }
    pattern[p..].iter().all(|&b| b == b'*')
}

/// Returns the length of the UTF-8 sequence that starts with `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_wildcards() {
        assert!(segment_matches("*", ""));
        assert!(segment_matches("a*c", "abbbc"));
        assert!(segment_matches("a?c", "abc"));
        assert!(!segment_matches("a?c", "ac"));
        assert!(!segment_matches("a?c", "abbc"));
        assert!(segment_matches("?", "é"));
        assert!(!segment_matches("??", "é"));
        assert!(segment_matches("*/x", "a/b/x"));
        assert!(!segment_matches("abc", "ABC"));
        assert!(!segment_matches("", "a"));
        assert!(segment_matches("", ""));
    }

    #[test]
    fn colon_crossing_only_at_segment_end() {
        assert!(colon_glob("a*", "ab:c:d"));
        assert!(colon_glob("a*:d", "ab:c:d"));
        assert!(!colon_glob("*b:d", "a:b:d"));
        assert!(colon_glob("*:b:d", "a:b:d"));
        assert!(!colon_glob("a?c", "a:c"));
        assert!(!colon_glob("a", "a:b"));
        assert!(!colon_glob("a:b", "a"));
    }

    #[test]
    fn many_crossing_segments_stay_fast() {
        let pattern = "*:".repeat(200) + "x";
        let text = "a:".repeat(400) + "y";
        assert!(!colon_glob(&pattern, &text));
    }
}
