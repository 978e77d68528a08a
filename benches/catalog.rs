//! Criterion benchmarks of the catalog's lookups, each beside the baselines a
//! user would otherwise write, in the same run.
//!
//! ```text
//! cargo bench --bench catalog
//! ```

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Instant;

use criterion::Criterion;
use sagemaker_permissions::{
    find_operation, match_arn, operation, operations, operations_for_action, ActionPattern, Arn,
    ArnTemplate, Condition, Location, Operation, PolicyRequest, Scope, SizeLimit,
};

// `match_lookup(name) -> Option<usize>`: a `match` over every operation name,
// written by build.rs as a baseline.
include!(concat!(env!("OUT_DIR"), "/match_baseline.rs"));

const MISS: &str = "CreateTrainingJobs";

fn names() -> Vec<&'static str> {
    operations().map(Operation::name).collect()
}

fn std_map() -> HashMap<&'static str, &'static Operation> {
    operations()
        .map(|operation| (operation.name(), operation))
        .collect()
}

/// Folds a name the way a user without this crate might: allocate a lower-case copy
/// and drop the separators.
fn fold_allocating(name: &str) -> String {
    name.to_ascii_lowercase().replace(['_', '-'], "")
}

fn exact_lookup(c: &mut Criterion) {
    let names = names();
    let map = std_map();
    let slice: Vec<&'static Operation> = operations().collect();

    let mut group = c.benchmark_group("exact lookup, all 76 names");
    group.bench_function("crate", |b| {
        b.iter(|| {
            for name in &names {
                black_box(operation(black_box(name)));
            }
        })
    });
    group.bench_function("std HashMap", |b| {
        b.iter(|| {
            for name in &names {
                black_box(map.get(black_box(name)));
            }
        })
    });
    group.bench_function("linear scan", |b| {
        b.iter(|| {
            for name in &names {
                let name = black_box(*name);
                black_box(slice.iter().find(|operation| operation.name() == name));
            }
        })
    });
    group.bench_function("match", |b| {
        b.iter(|| {
            for name in &names {
                black_box(match_lookup(black_box(name)));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("exact lookup, miss");
    group.bench_function("crate", |b| b.iter(|| operation(black_box(MISS))));
    group.bench_function("std HashMap", |b| b.iter(|| map.get(black_box(MISS))));
    group.bench_function("linear scan", |b| {
        b.iter(|| {
            let name = black_box(MISS);
            slice
                .iter()
                .find(|operation| operation.name() == name)
                .copied()
        })
    });
    group.bench_function("match", |b| b.iter(|| match_lookup(black_box(MISS))));
    group.finish();

    c.bench_function("std HashMap build (76 entries)", |b| b.iter(std_map));
}

fn folded_lookup(c: &mut Criterion) {
    let spellings = [
        "create_training_job",
        "create-training-job",
        "createTrainingJob",
        "DESCRIBEENDPOINTCONFIG",
        "runtime_InvokeEndpoint",
    ];
    let folded: HashMap<String, &'static Operation> = operations()
        .flat_map(|operation| {
            [
                (fold_allocating(operation.name()), operation),
                (fold_allocating(operation.label()), operation),
            ]
        })
        .collect();

    let mut group = c.benchmark_group("case-insensitive and SDK spellings, 5 names");
    group.bench_function("crate (find_operation)", |b| {
        b.iter(|| {
            for name in spellings {
                black_box(find_operation(black_box(name)));
            }
        })
    });
    group.bench_function("std HashMap, allocating fold", |b| {
        b.iter(|| {
            for name in spellings {
                black_box(folded.get(&fold_allocating(black_box(name))));
            }
        })
    });
    group.bench_function("linear scan, eq_ignore_ascii_case", |b| {
        b.iter(|| {
            for name in spellings {
                let folded = fold_allocating(black_box(name));
                black_box(operations().find(|operation| {
                    fold_allocating(operation.name()).eq_ignore_ascii_case(&folded)
                }));
            }
        })
    });
    group.finish();
}

fn reverse_lookup(c: &mut Criterion) {
    let mut by_action: HashMap<String, Vec<&'static Operation>> = HashMap::new();
    for operation in operations() {
        for action in operation.all_actions() {
            by_action
                .entry(action.as_str().to_ascii_lowercase())
                .or_default()
                .push(operation);
        }
    }

    let mut group = c.benchmark_group("reverse lookup iam:PassRole");
    group.bench_function("crate (phf)", |b| {
        b.iter(|| operations_for_action(black_box("iam:PassRole")).count())
    });
    group.bench_function("std HashMap, allocating fold", |b| {
        b.iter(|| {
            by_action
                .get(&black_box("iam:PassRole").to_ascii_lowercase())
                .map_or(0, Vec::len)
        })
    });
    group.bench_function("linear scan", |b| {
        b.iter(|| {
            let requested = black_box("iam:PassRole");
            operations()
                .filter(|operation| operation.all_actions().any(|action| action == requested))
                .count()
        })
    });
    group.finish();
}

fn expand_pattern(c: &mut Criterion) {
    let mut group = c.benchmark_group("expand sagemaker:Describe*");
    group.bench_function("crate (ActionPattern)", |b| {
        b.iter(|| {
            ActionPattern::new(black_box("sagemaker:Describe*"))
                .map(|pattern| pattern.expand().count())
        })
    });
    group.bench_function("prefix scan, lower-case copies", |b| {
        b.iter(|| {
            let prefix = black_box("sagemaker:Describe").to_ascii_lowercase();
            sagemaker_permissions::actions()
                .filter(|action| action.as_str().to_ascii_lowercase().starts_with(&prefix))
                .count()
        })
    });
    group.finish();
}

/// An image version: four candidate templates, two with two variables each.
const ARN: &str = "arn:aws:sagemaker:us-east-1:111122223333:image-version/my-image/3";
/// An endpoint: three candidate templates, one with a variable.
const ENDPOINT_ARN: &str = "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn-model";

/// Matches an ARN against one template the way a user without this crate
/// might: split both into owned parts and compare them.
fn naive_template_match(template: &ArnTemplate, arn: &str) -> bool {
    let form = template.iam_form();
    if form == "*" {
        return true;
    }
    let arn_fields: Vec<&str> = arn.splitn(6, ':').collect();
    let form_fields: Vec<&str> = form.splitn(6, ':').collect();
    if arn_fields.len() != 6 || arn_fields[2] != form_fields[2] {
        return false;
    }
    let arn_path: Vec<&str> = arn_fields[5].split('/').collect();
    let form_path: Vec<&str> = form_fields[5].split('/').collect();
    if form_path == ["*"] {
        return true;
    }
    if form_path.last() == Some(&"*") {
        return arn_path.len() >= form_path.len()
            && arn_path
                .iter()
                .zip(&form_path[..form_path.len() - 1])
                .all(|(part, pattern)| pattern.starts_with("${") || part == pattern);
    }
    arn_path.len() == form_path.len()
        && arn_path
            .iter()
            .zip(&form_path)
            .all(|(part, pattern)| pattern.starts_with("${") || part == pattern)
}

fn arn_matching(c: &mut Criterion) {
    let mut templates: Vec<&'static ArnTemplate> = Vec::new();
    for operation in operations() {
        for template in operation.resources() {
            if !templates
                .iter()
                .any(|known| known.iam_form() == template.iam_form())
            {
                templates.push(template);
            }
        }
    }
    let mut by_type: HashMap<&'static str, Vec<&'static ArnTemplate>> = HashMap::new();
    for template in &templates {
        if let Some(resource_type) = template.resource_type() {
            by_type
                .entry(resource_type.as_str())
                .or_default()
                .push(template);
        }
    }

    let mut group = c.benchmark_group("match one ARN against the catalog");
    group.bench_function("crate (parse + match_arn), an image-version ARN", |b| {
        b.iter(|| {
            let arn = Arn::parse(black_box(ARN)).unwrap();
            match_arn(&arn).count()
        })
    });
    group.bench_function("crate, an endpoint ARN (one variable)", |b| {
        b.iter(|| {
            let arn = Arn::parse(black_box(ENDPOINT_ARN)).unwrap();
            match_arn(&arn).count()
        })
    });
    group.bench_function("linear scan, splitting into Vecs", |b| {
        b.iter(|| {
            let arn = black_box(ARN);
            templates
                .iter()
                .filter(|template| naive_template_match(template, arn))
                .count()
        })
    });
    group.bench_function("std HashMap by resource type, splitting into Vecs", |b| {
        b.iter(|| {
            let arn = black_box(ARN);
            let resource_type = arn
                .splitn(6, ':')
                .nth(5)
                .and_then(|resource| resource.split('/').next())
                .unwrap_or("");
            by_type.get(resource_type).map_or(0, |candidates| {
                candidates
                    .iter()
                    .filter(|template| naive_template_match(template, arn))
                    .count()
            })
        })
    });
    group.finish();

    let template = operation("DescribeTrainingJob").unwrap().resources()[0];
    let location = Location::new(
        Scope::Exact("us-east-1".parse().unwrap()),
        Scope::Exact("111122223333".parse().unwrap()),
    );
    let mut group = c.benchmark_group("render a training-job ARN");
    group.bench_function("crate (validated render)", |b| {
        b.iter(|| {
            template.render(
                black_box(&location),
                &[("TrainingJobName", Scope::Exact(black_box("my-job")))],
            )
        })
    });
    group.bench_function("format!, unvalidated", |b| {
        b.iter(|| {
            format!(
                "arn:{}:sagemaker:{}:{}:training-job/{}",
                black_box("aws"),
                black_box("us-east-1"),
                black_box("111122223333"),
                black_box("my-job")
            )
        })
    });
    group.finish();
}

fn policy_generation(c: &mut Criterion) {
    let location = Location::new(
        Scope::Exact("us-east-1".parse().unwrap()),
        Scope::Exact("111122223333".parse().unwrap()),
    );
    let ten = [
        "CreateTrainingJob",
        "DescribeTrainingJob",
        "StopTrainingJob",
        "CreateModel",
        "CreateEndpointConfig",
        "CreateEndpoint",
        "InvokeEndpoint",
        "UpdateEndpoint",
        "CreateNotebookInstance",
        "ListTrainingJobs",
    ];
    let all: Vec<&str> = operations().map(Operation::name).collect();

    let mut group = c.benchmark_group("generate a policy");
    group.bench_function("10 operations, vpc + kms-key + tags", |b| {
        b.iter(|| {
            PolicyRequest::new(location.clone())
                .operations(black_box(ten))
                .condition(Condition::Vpc)
                .condition(Condition::KmsKey)
                .condition(Condition::Tags)
                .generate()
                .unwrap()
        })
    });
    group.bench_function("all 76 operations, every condition, split", |b| {
        b.iter(|| {
            let mut request = PolicyRequest::new(location.clone())
                .operations(black_box(all.iter().copied()))
                .size_limit(SizeLimit::InlineRolePolicy);
            for condition in [
                Condition::Vpc,
                Condition::ElasticInference,
                Condition::KmsKey,
                Condition::GitSecret,
                Condition::Tags,
            ] {
                request = request.condition(condition);
            }
            request.generate_split().unwrap()
        })
    });
    group.finish();
}

/// Times the process's first lookup against the first call of the `match`
/// baseline, which cannot initialise anything, and against the mean of the
/// next thousand lookups. Both first calls pay for cold caches and page
/// faults; lazy initialisation would show as a first lookup much slower than
/// the first `match`. One call is near the clock's resolution, so these
/// figures are coarse.
fn report_first_call() {
    let start = Instant::now();
    black_box(match_lookup(black_box("CreateTrainingJob")));
    let first_match = start.elapsed();

    let start = Instant::now();
    black_box(operation(black_box("DescribeTrainingJob")));
    let first_lookup = start.elapsed();

    let start = Instant::now();
    black_box(find_operation(black_box("describe_endpoint")));
    let first_folded = start.elapsed();

    let start = Instant::now();
    black_box(operations_for_action(black_box("kms:CreateGrant")).count());
    let first_reverse = start.elapsed();

    let start = Instant::now();
    for _ in 0..1000 {
        black_box(operation(black_box("DescribeTrainingJob")));
    }
    let mean = start.elapsed() / 1000;
    println!(
        "first calls in the process: match baseline {first_match:?}, operation() {first_lookup:?}, \
         find_operation() {first_folded:?}, operations_for_action() {first_reverse:?}; \
         mean of the next 1000 operation() calls: {mean:?}"
    );
}

fn main() {
    report_first_call();

    let mut criterion = Criterion::default().configure_from_args();
    exact_lookup(&mut criterion);
    folded_lookup(&mut criterion);
    reverse_lookup(&mut criterion);
    expand_pattern(&mut criterion);
    arn_matching(&mut criterion);
    policy_generation(&mut criterion);
    criterion.final_summary();
}
