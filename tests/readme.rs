//! Checks that the README shows the main command's real output.

use sagemaker_permissions::{Location, PolicyRequest, Scope};

#[test]
fn readme_shows_policy_output() {
    let readme = include_str!("../README.md");
    let command = "cargo run --example policy -- CreateTrainingJob InvokeEndpoint";
    let after_command = readme
        .split_once(command)
        .map(|(_, rest)| rest)
        .expect("the README names the main command");
    let block = after_command
        .split_once("```json\n")
        .and_then(|(_, rest)| rest.split_once("\n```"))
        .map(|(json, _)| json)
        .expect("a JSON block follows the main command");

    // The example's defaults: every region and account, IAM's requirements.
    let expected = PolicyRequest::new(Location::new(Scope::Any, Scope::Any))
        .operations(["CreateTrainingJob", "InvokeEndpoint"])
        .generate()
        .unwrap()
        .to_json_pretty();
    assert_eq!(block, expected, "README.md's policy output is out of date");
}
