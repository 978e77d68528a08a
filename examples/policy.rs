//! Prints a least-privilege IAM policy for SageMaker operations.
//!
//! ```text
//! cargo run --example policy -- [--region R] [--account A] [--partition P]
//!     [--with vpc,kms-key,...] [--role ARN] [--kms-key ARN] [--secret ARN]
//!     [--user-pool ARN] [--name TYPE=NAME]... [--variable VAR=VALUE]...
//!     [--table-only] [--inline] [--split] OPERATION...
//! ```
//!
//! Without `--region` or `--account` the policy covers every region or
//! account. Errors exit with status 2 and name the bad value.

use std::process::ExitCode;

use strum::IntoEnumIterator;

use sagemaker_permissions::{
    AccountId, Condition, Location, Partition, PolicyRequest, Region, ResourceType, Scope,
    SizeLimit, Source,
};

const USAGE: &str =
    "usage: policy [--region R] [--account A] [--partition P] [--with CONDITION,...] \
[--role ARN] [--kms-key ARN] [--secret ARN] [--user-pool ARN] [--name TYPE=NAME]... \
[--variable VAR=VALUE]... [--table-only] [--inline] [--split] OPERATION...

  --region R         region of the resources, such as us-east-1 (default or `*`: every region)
  --account A        12-digit account id (default or `*`: every account)
  --partition P      aws, aws-cn, aws-us-gov, ... (default: the region's, else aws)
  --with C,...       conditions that hold: vpc, elastic-inference, kms-key, git-secret,
                     tags, hub-model, execution-role
  --role ARN         execution role passed with iam:PassRole (repeatable)
  --kms-key ARN      KMS key ARN the calls use (repeatable)
  --secret ARN       Secrets Manager secret of a private Git repository (repeatable)
  --user-pool ARN    Cognito user pool of a private work team (repeatable)
  --name TYPE=NAME   name of a resource, such as training-job=my-job (repeatable)
  --variable V=X     value of an ARN variable by IAM's name, such as ImageName=my-image
  --table-only       grant what the page lists, without IAM's differences
  --inline           check against the inline role policy limit (10,240 characters)
                     instead of the managed policy limit (6,144)
  --split            print several documents, one JSON value per line, when one is too large";

struct Arguments {
    region: Option<String>,
    account: Option<String>,
    partition: Option<String>,
    conditions: Vec<String>,
    roles: Vec<String>,
    kms_keys: Vec<String>,
    secrets: Vec<String>,
    user_pools: Vec<String>,
    names: Vec<(String, String)>,
    variables: Vec<(String, String)>,
    table_only: bool,
    inline: bool,
    split: bool,
    operations: Vec<String>,
}

/// Parses the command line. `Ok(None)` means the help text was requested.
fn parse_arguments(args: &[String]) -> Result<Option<Arguments>, String> {
    let mut parsed = Arguments {
        region: None,
        account: None,
        partition: None,
        conditions: Vec::new(),
        roles: Vec::new(),
        kms_keys: Vec::new(),
        secrets: Vec::new(),
        user_pools: Vec::new(),
        names: Vec::new(),
        variables: Vec::new(),
        table_only: false,
        inline: false,
        split: false,
        operations: Vec::new(),
    };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |flag: &str| {
            iter.next()
                .cloned()
                .ok_or_else(|| format!("missing value for {flag}"))
        };
        match arg.as_str() {
            "--region" => parsed.region = Some(value(arg)?),
            "--account" => parsed.account = Some(value(arg)?),
            "--partition" => parsed.partition = Some(value(arg)?),
            "--with" => parsed
                .conditions
                .extend(value(arg)?.split(',').map(str::to_owned)),
            "--role" => parsed.roles.push(value(arg)?),
            "--kms-key" => parsed.kms_keys.push(value(arg)?),
            "--secret" => parsed.secrets.push(value(arg)?),
            "--user-pool" => parsed.user_pools.push(value(arg)?),
            "--name" | "--variable" => {
                let pair = value(arg)?;
                let (key, name) = pair
                    .split_once('=')
                    .ok_or_else(|| format!("invalid {arg} `{pair}`: expected KEY=VALUE"))?;
                let entry = (key.to_owned(), name.to_owned());
                if arg == "--name" {
                    parsed.names.push(entry);
                } else {
                    parsed.variables.push(entry);
                }
            }
            "--table-only" => parsed.table_only = true,
            "--inline" => parsed.inline = true,
            "--split" => parsed.split = true,
            "-h" | "--help" => return Ok(None),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            operation => parsed.operations.push(operation.to_owned()),
        }
    }
    if parsed.operations.is_empty() {
        return Err("no operations given".to_owned());
    }
    Ok(Some(parsed))
}

fn location(arguments: &Arguments) -> Result<Location, String> {
    // `*`, like leaving the option out, selects every region or account.
    let region = match arguments.region.as_deref() {
        Some("*") | None => Scope::Any,
        Some(region) => Scope::Exact(region.parse::<Region>().map_err(|err| err.to_string())?),
    };
    let account = match arguments.account.as_deref() {
        Some("*") | None => Scope::Any,
        Some(account) => Scope::Exact(
            account
                .parse::<AccountId>()
                .map_err(|err| err.to_string())?,
        ),
    };
    match &arguments.partition {
        Some(partition) => {
            let partition: Partition = partition.parse().map_err(|_| {
                format!("invalid partition `{partition}`: expected aws, aws-cn, aws-us-gov or an ISO partition")
            })?;
            Location::with_partition(partition, region, account).map_err(|err| err.to_string())
        }
        None => Ok(Location::new(region, account)),
    }
}

fn run(arguments: &Arguments) -> Result<(), String> {
    let mut request = PolicyRequest::new(location(arguments)?);
    for name in &arguments.operations {
        request = request.operation(name);
    }
    for condition in &arguments.conditions {
        let condition: Condition = condition.parse().map_err(|_| {
            let known: Vec<&str> = Condition::iter().map(Condition::as_str).collect();
            format!(
                "invalid condition `{condition}`: expected one of {}",
                known.join(", ")
            )
        })?;
        request = request.condition(condition);
    }
    for (resource_type, name) in &arguments.names {
        let resource_type: ResourceType = resource_type.parse().map_err(|_| {
            format!("invalid resource type `{resource_type}`: expected one such as training-job or endpoint")
        })?;
        request = request.name(resource_type, name);
    }
    for (variable, value) in &arguments.variables {
        request = request.variable(variable, value);
    }
    for role in &arguments.roles {
        request = request.role(role);
    }
    for key in &arguments.kms_keys {
        request = request.kms_key(key);
    }
    for secret in &arguments.secrets {
        request = request.secret(secret);
    }
    for pool in &arguments.user_pools {
        request = request.user_pool(pool);
    }
    if arguments.table_only {
        request = request.source(Source::Page);
    }
    if arguments.inline {
        request = request.size_limit(SizeLimit::InlineRolePolicy);
    }

    if arguments.split {
        for document in request.generate_split().map_err(|err| err.to_string())? {
            println!("{document}");
        }
    } else {
        let document = request.generate().map_err(|err| err.to_string())?;
        println!("{}", document.to_json_pretty());
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arguments = match parse_arguments(&args) {
        Ok(Some(arguments)) => arguments,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}");
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&arguments) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
