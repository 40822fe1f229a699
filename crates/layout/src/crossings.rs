//! Crossing counting: the one definition used by the layout, the tests, the benchmarks and
//! the Graphviz comparison.
//!
//! **Definition.** A drawing is reduced to edge *paths*: for every edge, the sequence of
//! `(rank, key)` pairs where it meets each rank it passes through (`key` = the vertical
//! position there: a node centre, a dummy point, or where a spline crosses the rank's x).
//! Two segments joining the same pair of adjacent ranks `r, r+1` cross when their keys are in
//! strictly opposite order on the two ranks. Segments sharing an end (equal key) do not cross,
//! so parallel multi-edges count zero. Steps that do not join adjacent ranks (edges inside a
//! rank) are not counted. Each crossing pair of segments counts once.

/// Counts crossings of edge paths given as `(rank, key)` points; see the module docs.
///
/// Runs in `O(S log S)` for `S` segments (sort plus a Fenwick-tree inversion count).
pub fn count_crossings(paths: &[Vec<(usize, f64)>]) -> usize {
    let ranks = paths
        .iter()
        .flatten()
        .map(|&(r, _)| r + 1)
        .max()
        .unwrap_or(0);
    let mut keys: Vec<Vec<f64>> = vec![Vec::new(); ranks];
    for &(r, k) in paths.iter().flatten() {
        keys[r].push(k);
    }
    for ks in &mut keys {
        ks.sort_by(f64::total_cmp);
        ks.dedup_by(|a, b| a.total_cmp(b).is_eq());
    }
    let position = |r: usize, k: f64| -> u32 {
        let i = keys[r]
            .binary_search_by(|x| x.total_cmp(&k))
            .unwrap_or_default();
        u32::try_from(i).unwrap_or(u32::MAX)
    };
    let mut gaps: Vec<Vec<(u32, u32)>> = vec![Vec::new(); ranks.saturating_sub(1)];
    for path in paths {
        for w in path.windows(2) {
            let ((ra, ka), (rb, kb)) = (w[0], w[1]);
            if ra + 1 == rb {
                gaps[ra].push((position(ra, ka), position(rb, kb)));
            } else if rb + 1 == ra {
                gaps[rb].push((position(rb, kb), position(ra, ka)));
            }
        }
    }
    let mut tree = Vec::new();
    let total: u64 = gaps
        .iter_mut()
        .enumerate()
        .map(|(r, segs)| count_bilayer(segs, keys[r + 1].len(), &mut tree))
        .sum();
    usize::try_from(total).unwrap_or(usize::MAX)
}

/// Crossings among segments `(left position, right position)` between two adjacent ranks;
/// `right_len` bounds the right positions. Sorts `segs` in place; `tree` is scratch space.
pub(crate) fn count_bilayer(segs: &mut [(u32, u32)], right_len: usize, tree: &mut Vec<u64>) -> u64 {
    segs.sort_unstable();
    tree.clear();
    tree.resize(right_len + 1, 0);
    let mut crossings = 0u64;
    for (seen, &(_, right)) in (0u64..).zip(segs.iter()) {
        // Segments seen so far start at or above this one on the left; those that end strictly
        // below it on the right cross it. (Equal left keys were sorted by right key, so they
        // never count.)
        let at_or_above = prefix(tree, right as usize + 1);
        crossings += seen - at_or_above;
        add(tree, right as usize + 1);
    }
    crossings
}

/// Fenwick tree: sum of counts at 1-based positions `1..=i`.
fn prefix(tree: &[u64], mut i: usize) -> u64 {
    let mut s = 0;
    while i > 0 {
        s += tree[i];
        i &= i - 1;
    }
    s
}

/// Fenwick tree: add one at 1-based position `i`.
fn add(tree: &mut [u64], mut i: usize) {
    while i < tree.len() {
        tree[i] += 1;
        i += i & i.wrapping_neg();
    }
}
