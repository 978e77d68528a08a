//! Counts heap allocations on the lookup paths, which must make none.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use sagemaker_permissions::{
    find_operation, operation, operations, operations_for_action, operations_for_resource_type,
    ActionPattern, ResourceType,
};

/// The system allocator, counting allocations made by the current thread, so
/// that tests running on other threads do not disturb the count.
struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// Returns how many allocations `work` made on this thread.
fn allocations_in(work: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    work();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn counter_sees_allocations() {
    assert!(allocations_in(|| drop(black_box(vec![1u8; 16]))) >= 1);
}

#[test]
fn exact_lookup_allocates_nothing() {
    let names: Vec<&str> = operations().map(|operation| operation.name()).collect();
    let count = allocations_in(|| {
        for name in &names {
            black_box(operation(black_box(name)));
        }
        black_box(operation("NoSuchOperation"));
    });
    assert_eq!(count, 0);
}

#[test]
fn folded_lookup_allocates_nothing() {
    let spellings = [
        "create_training_job",
        "create-training-job",
        "createTrainingJob",
        "SAGEMAKER:CREATETRAININGJOB",
        "runtime_InvokeEndpoint",
        "no such operation",
        "x".repeat(500).leak(),
    ];
    let count = allocations_in(|| {
        for spelling in spellings {
            black_box(find_operation(black_box(spelling)));
        }
    });
    assert_eq!(count, 0);
}

#[test]
fn reverse_lookups_allocate_nothing() {
    let count = allocations_in(|| {
        for action in ["iam:PassRole", "KMS:CREATEGRANT", "sagemaker:Nothing", ""] {
            for found in operations_for_action(black_box(action)) {
                black_box(found);
            }
        }
        for found in operations_for_resource_type(ResourceType::Workteam) {
            black_box(found);
        }
    });
    assert_eq!(count, 0);
}

#[test]
fn action_expansion_allocates_nothing() {
    let count = allocations_in(|| {
        let pattern = ActionPattern::new(black_box("sagemaker:Describe*")).unwrap();
        black_box(pattern.expand().count());
    });
    assert_eq!(count, 0);
}

/// Checks that the library declares no lazily initialised state, so the
/// first lookup does the same work as every later one. Statics in the crate
/// are plain data built by `build.rs`.
#[test]
fn source_has_no_lazy_statics() {
    let forbidden = [
        "OnceLock",
        "OnceCell",
        "LazyLock",
        "LazyCell",
        "lazy_static",
        "once_cell",
        "thread_local!",
        "static mut",
    ];
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    let mut files = 0;
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).unwrap() {
                stack.push(entry.unwrap().path());
            }
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        files += 1;
        for word in forbidden {
            assert!(!text.contains(word), "{} uses {word}", path.display());
        }
    }
    assert!(files > 5, "read only {files} source files");
}
