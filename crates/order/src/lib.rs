//! One stable sort for the whole workspace.
//!
//! `slice::sort_by` is generic over the element type and the comparator, so every call
//! site compiles its own copy of the standard library's driftsort: in the app's wasm
//! that was 22 copies and ≈ 95 KB of code before `wasm-opt`. Here the standard sort runs
//! once, on a `Vec<usize>` of positions with a `dyn` comparator — one compiled copy —
//! and each call site only adds a small loop that moves its elements into the sorted
//! order. The result equals `slice::sort_by` (stable: equal elements keep their order).
//! Natively the indirection costs a few nanoseconds per comparison; the graphs the app
//! sorts have at most thousands of elements.
#![forbid(unsafe_code)]

use std::cmp::Ordering;

/// The positions `0..len` sorted stably by `compare` (which compares two positions):
/// position `k` of the result is where the `k`-th smallest element is now.
pub fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Rearranges `items` so that `items[k]` becomes the old `items[order[k]]`.
///
/// `order` must be a permutation of `0..items.len()` (as [`sorted_positions`] returns);
/// anything else leaves `items` in some permutation of itself, never panics.
pub fn apply_order<T>(items: &mut [T], order: &[usize]) {
    let n = items.len().min(order.len());
    let mut placed = vec![false; n];
    for start in 0..n {
        if placed[start] {
            continue;
        }
        // Walk the cycle through `start`: each swap puts the right element at `at`.
        let mut at = start;
        loop {
            placed[at] = true;
            let from = order[at];
            if from == start || from >= n || placed[from] {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Up to this many elements, [`sort_by`] sorts in place by insertion (no allocation;
/// a few dozen bytes of code per element type); longer slices go through
/// [`sorted_positions`].
pub const INSERTION_MAX: usize = 20;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() <= INSERTION_MAX {
        insertion_sort(items, &compare);
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    apply_order(items, &order);
}

/// Stable insertion sort: each element moves left past the greater ones before it.
fn insertion_sort<T>(items: &mut [T], compare: &impl Fn(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `items` stably by the key `key` gives each, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in ascending order, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts floating-point numbers by IEEE 754 total order (`f64::total_cmp`).
pub fn sort_floats(items: &mut [f64]) {
    sort_by(items, f64::total_cmp);
}
