//! The spelling corrections that `build.rs` applies to the page.
//!
//! The rows come from the [`ActionName`](crate::kinds::DifferenceKind::ActionName)
//! rows of the table of differences in `src/differences.rs`. `build.rs`
//! replaces each row's action on its operation with IAM's spelling and
//! records the row there, so the page's spelling is never lost. A row that
//! matches nothing on its operation fails the build, so a fixed page cannot
//! leave a stale row behind.

/// One correction: the page's spelling, IAM's spelling and why they differ.
pub(crate) struct CorrectionRow {
    /// The operation whose actions the row corrects.
    pub(crate) operation: &'static str,
    /// The action as the page writes it, `service:Name`.
    pub(crate) as_written: &'static str,
    /// The action as IAM defines it.
    pub(crate) corrected: &'static str,
    /// A one-line reason, for the API and the README.
    pub(crate) reason: &'static str,
}
