//! Expands IAM action patterns over the catalog's actions.
//!
//! ```text
//! cargo run --example expand -- 'sagemaker:Describe*' 'iam:PassRole'
//! ```
//!
//! Prints, for each pattern, the catalog's actions it matches, then the
//! operations whose always-needed actions, as IAM needs them, the patterns
//! cover together. An invalid pattern exits with status 2.

use std::process::ExitCode;

use sagemaker_permissions::{operations_covered_by, ActionPattern, Source};

fn main() -> ExitCode {
    const USAGE: &str = "usage: expand PATTERN...  (for example: expand 'sagemaker:Describe*')";
    let patterns: Vec<String> = std::env::args().skip(1).collect();
    if patterns
        .iter()
        .any(|pattern| pattern == "-h" || pattern == "--help")
    {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if patterns.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }

    for text in &patterns {
        let pattern = match ActionPattern::new(text) {
            Ok(pattern) => pattern,
            Err(err) => {
                eprintln!("error: {err}");
                return ExitCode::from(2);
            }
        };
        let actions: Vec<String> = pattern.expand().map(|action| action.to_string()).collect();
        println!("{pattern}: {} action(s)", actions.len());
        for action in actions {
            println!("  {action}");
        }
    }

    let borrowed: Vec<&str> = patterns.iter().map(String::as_str).collect();
    let covered: Vec<&str> = match operations_covered_by(&borrowed, Source::Iam) {
        Ok(operations) => operations.map(|operation| operation.name()).collect(),
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    println!("operations covered: {}", covered.len());
    for name in covered {
        println!("  {name}");
    }
    ExitCode::SUCCESS
}
