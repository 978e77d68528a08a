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
    find_operation, operation, operations, operations_for_action, ActionPattern, Operation,
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
                let wanted = fold_allocating(black_box(name));
                black_box(operations().find(|operation| {
                    fold_allocating(operation.name()).eq_ignore_ascii_case(&wanted)
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
            let wanted = black_box("iam:PassRole");
            operations()
                .filter(|operation| operation.all_actions().any(|action| action == wanted))
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
    criterion.final_summary();
}
