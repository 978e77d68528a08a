//! The one table of corrections that the crate applies to the page.
//!
//! Each row replaces an action name that the page spells differently from
//! IAM. `build.rs` compiles this file too, applies the rows while it generates
//! the tables, and records each applied row on its operation, so the page's
//! spelling is never lost. A row that matches nothing on the page fails the
//! build, so a fixed page cannot leave a stale row behind.

/// One correction: the page's spelling, IAM's spelling and why they differ.
pub(crate) struct CorrectionRow {
    /// The action as the page writes it, `service:Name`.
    pub(crate) as_written: &'static str,
    /// The action as IAM defines it.
    pub(crate) corrected: &'static str,
    /// One line that says why, for the API and the README.
    pub(crate) reason: &'static str,
}

/// Every correction the crate applies.
pub(crate) const CORRECTION_ROWS: &[CorrectionRow] = &[CorrectionRow {
    as_written: "sagemaker:ListLabelingJobForWorkteam",
    corrected: "sagemaker:ListLabelingJobsForWorkteam",
    reason: "IAM has no action ListLabelingJobForWorkteam; the operation ListLabelingJobsForWorkteam is authorized by the action of the same name",
}];
