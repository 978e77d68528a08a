//! Matches an ARN against the catalog, or renders a template.
//!
//! ```text
//! cargo run --example arn -- match arn:aws:sagemaker:us-east-1:111122223333:endpoint/my-endpoint
//! cargo run --example arn -- render training-job TrainingJobName=my-job --region us-east-1 --account 111122223333
//! cargo run --example arn -- render endpoint EndpointName='*' --region '*' --account '*'
//! ```
//!
//! `match` prints JSON: the ARN's fields, every template it fits with the
//! captured names, and the operations that act on it. `render` prints the
//! ARN. A variable's value of exactly `*`, `--region '*'` or `--account '*'`
//! selects the explicit wildcard, `Scope::Any`. Invalid input prints the
//! error and exits with status 1. A usage error exits with status 2.
//!
//! `render` uses the first template of the resource type whose variables are
//! exactly the type's, so a work team renders under `private-crowd`.

use std::process::ExitCode;

use sagemaker_permissions::{
    match_arn, operations_for_arn, operations_for_resource_type, Arn, Location, ResourceType,
    Scope, TemplateKind,
};
use serde_json::json;

const USAGE: &str = "usage: arn match ARN\n       arn render RESOURCE_TYPE [Variable=value...] --region REGION --account ACCOUNT";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("match") if args.len() == 2 => match_command(&args[1]),
        Some("render") if args.len() >= 2 => render_command(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(output) => {
            println!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn match_command(text: &str) -> Result<String, String> {
    let arn = Arn::parse(text).map_err(|err| err.to_string())?;
    let templates: Vec<serde_json::Value> = match_arn(&arn)
        .map(|found| {
            let captures: serde_json::Map<String, serde_json::Value> = found
                .captures()
                .iter()
                .map(|&(name, value)| (name.to_owned(), json!(value)))
                .collect();
            let operations: Vec<&str> = found
                .operations()
                .map(|operation| operation.name())
                .collect();
            json!({
                "template": found.template().iam_form(),
                "resource_type": found.resource_type().map(ResourceType::as_str),
                "captures": captures,
                "operations": operations,
            })
        })
        .collect();
    let operations: Vec<&str> = operations_for_arn(&arn)
        .map(|operation| operation.name())
        .collect();
    let output = json!({
        "arn": arn.as_str(),
        "partition": arn.partition(),
        "service": arn.service(),
        "region": arn.region(),
        "account": arn.account(),
        "resource": arn.resource(),
        "templates": templates,
        "operations": operations,
    });
    serde_json::to_string_pretty(&output).map_err(|err| err.to_string())
}

fn render_command(args: &[String]) -> Result<String, String> {
    let resource_type: ResourceType = args[0].parse().map_err(|_| {
        format!(
            "unknown resource type `{}`: expected a name such as `training-job`",
            args[0]
        )
    })?;

    let mut region = None;
    let mut account = None;
    let mut values: Vec<(&str, Scope<&str>)> = Vec::new();
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--region" => region = Some(rest.next().ok_or("missing value after --region")?),
            "--account" => account = Some(rest.next().ok_or("missing value after --account")?),
            assignment => {
                let (name, value) = assignment.split_once('=').ok_or_else(|| {
                    format!("invalid argument `{assignment}`: expected Variable=value")
                })?;
                let value = if value == "*" {
                    Scope::Any
                } else {
                    Scope::Exact(value)
                };
                values.push((name, value));
            }
        }
    }

    let region = match region.map(String::as_str) {
        None => return Err("missing --region (give `*` for any region)".to_owned()),
        Some("*") => Scope::Any,
        Some(code) => Scope::Exact(
            code.parse()
                .map_err(|err: sagemaker_permissions::ArnError| err.to_string())?,
        ),
    };
    let account = match account.map(String::as_str) {
        None => return Err("missing --account (give `*` for any account)".to_owned()),
        Some("*") => Scope::Any,
        Some(id) => Scope::Exact(
            id.parse()
                .map_err(|err: sagemaker_permissions::ArnError| err.to_string())?,
        ),
    };
    let location = Location::new(region, account);

    // The template with a variable for each name of the resource type.
    let template = operations_for_resource_type(resource_type)
        .flat_map(|operation| operation.resources())
        .find(|template| {
            template.kind() == TemplateKind::Resource(resource_type)
                && template
                    .variables()
                    .map(|variable| variable.name())
                    .eq(resource_type.variables().iter().copied())
        })
        .ok_or_else(|| {
            format!("the catalog has no template naming each variable of `{resource_type}`")
        })?;
    template
        .render(&location, &values)
        .map_err(|err| err.to_string())
}
