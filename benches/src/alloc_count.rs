//! A counting global allocator: [`System`] with relaxed atomic counters of allocations and
//! reallocations, so the paired table can show how many allocations each column makes per
//! conversion. Allocation count is a cost the timings hide on a quiet machine and a large part
//! of them on a busy one (each allocation can contend with the other threads' allocator use).
//!
//! The binary that wants counts installs it:
//! `#[global_allocator] static ALLOC: CountingAlloc = CountingAlloc;`. Without that, [`counts`]
//! stays at zero.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

static ALLOCS: AtomicU64 = AtomicU64::new(0);
static REALLOCS: AtomicU64 = AtomicU64::new(0);

/// [`System`], counting each allocation and reallocation. Relaxed ordering: the counters are
/// read on the thread that did the work, between conversions, so no other ordering is needed,
/// and a relaxed add is the cheapest atomic there is.
pub struct CountingAlloc;

// SAFETY: every call is forwarded unchanged to `System`, which upholds `GlobalAlloc`'s contract;
// the counters are only atomics beside it.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        // SAFETY: the caller's guarantees for `layout` are passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`, as the caller guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        REALLOCS.fetch_add(1, Relaxed);
        // SAFETY: as for `dealloc`, and `new_size` as the caller guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Allocations and reallocations so far, in the whole process.
pub fn counts() -> (u64, u64) {
    (ALLOCS.load(Relaxed), REALLOCS.load(Relaxed))
}
