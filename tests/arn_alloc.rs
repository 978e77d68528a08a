//! Checks that parsing and matching ARNs allocate nothing on success.
//!
//! A counting global allocator wraps the system allocator. This file
//! contains one test, so no other test thread allocates while it counts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use sagemaker_permissions::{match_arn, operations_for_arn, pattern_matches, Arn};

struct CountingAllocator;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which
        // `System` shares.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

#[test]
fn matching_allocates_nothing() {
    let arns = [
        "arn:aws:sagemaker:us-east-1:111122223333:endpoint/my-endpoint",
        "arn:aws-cn:sagemaker:cn-north-1:111122223333:image-version/my-image/3",
        "arn:aws:sagemaker:us-east-1:111122223333:workteam/private-crowd/team",
        "arn:aws:iam::111122223333:role/Admin",
    ];
    let patterns = [
        "*",
        "arn:aws:sagemaker:*:*:endpoint/*",
        "arn:aws*:sagemaker:??-*:111122223333:image-version/*/?",
        "arn:aws:iam::*:role/*",
    ];

    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let mut seen = 0;
    for text in arns {
        let arn = Arn::parse(text).unwrap();
        for found in match_arn(&arn) {
            seen += found.captures().len() + found.operations().len();
        }
        seen += operations_for_arn(&arn).count();
        for pattern in patterns {
            seen += usize::from(pattern_matches(pattern, &arn).unwrap());
        }
    }
    let after = ALLOCATIONS.load(Ordering::SeqCst);

    assert!(seen > 0);
    assert_eq!(after - before, 0, "allocations while parsing and matching");
}
