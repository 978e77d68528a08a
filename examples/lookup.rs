//! Prints what the catalog holds for each named operation.
//!
//! ```text
//! cargo run --example lookup -- CreateNotebookInstance create-training-job
//! ```
//!
//! Names are accepted in any spelling that `sagemaker_permissions::lookup`
//! accepts. An unknown name prints an error with the closest names and makes
//! the program exit with status 1.

use std::process::ExitCode;

use sagemaker_permissions::{lookup, Operation, Resources, Source};

fn main() -> ExitCode {
    const USAGE: &str = "usage: lookup OPERATION...  (for example: lookup CreateTrainingJob)";
    let names: Vec<String> = std::env::args().skip(1).collect();
    if names.iter().any(|name| name == "-h" || name == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if names.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }

    let mut status = ExitCode::SUCCESS;
    for (index, name) in names.iter().enumerate() {
        if index > 0 {
            println!();
        }
        match lookup(name) {
            Ok(operation) => print_operation(operation),
            Err(err) => {
                eprintln!("error: {err}");
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}

fn print_operation(operation: &Operation) {
    println!("{}", operation.name());
    println!("  api:           {}", operation.api());
    println!("  documentation: {}", operation.documentation_url());
    println!("  page line:     catalog.md:{}", operation.page_line());
    println!("  access level:  {}", operation.access_level());

    println!("  required actions:");
    for action in operation.actions() {
        println!("    {action}");
    }

    if operation.conditional_actions().len() > 0 {
        println!("  conditional actions:");
    }
    for group in operation.conditional_actions() {
        let conditions: Vec<&str> = group.conditions().iter().map(|c| c.as_str()).collect();
        println!("    when {}:", conditions.join(" and "));
        println!("      page: \"{}\"", group.description());
        for action in group.actions() {
            println!("      {action}");
        }
    }

    println!("  resources:");
    for resource in operation.resources() {
        println!("    {}", resource.iam_form());
        println!("      as written: {}", resource.as_written());
    }

    for correction in operation.corrections() {
        println!(
            "  correction: {} -> {}: {}",
            correction.as_written(),
            correction.corrected(),
            correction.reason()
        );
    }

    println!("  requirements as IAM needs them:");
    for requirement in operation.requirements(Source::Iam) {
        let when = if requirement.conditions().is_empty() {
            "always".to_owned()
        } else {
            let conditions: Vec<&str> = requirement
                .conditions()
                .iter()
                .map(|c| c.as_str())
                .collect();
            format!("when {}", conditions.join(" and "))
        };
        println!("    {} ({when})", requirement.action());
        match requirement.resources() {
            Resources::Templates(templates) => {
                for template in templates {
                    println!("      on {template}");
                }
            }
            Resources::OnlyWildcard => println!("      on * only"),
            Resources::OtherService => println!("      on a resource of its own service"),
            _ => println!("      on resources this example does not know"),
        }
    }

    if operation.differences().next().is_some() {
        println!("  differences from IAM:");
    }
    for difference in operation.differences() {
        println!("    {}: {}", difference.kind(), difference.reason());
        println!("      page: {}", difference.page().unwrap_or("(nothing)"));
        println!("      IAM:  {}", difference.iam().unwrap_or("(nothing)"));
    }
}
