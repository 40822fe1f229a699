//! Crossing counting: the one definition used by the layout, the tests, the benchmarks and
//! the Graphviz comparison.
//!
//! **Definition.** Every rank (layer) has a vertical *rank line* (ours: the column's centre
//! x; dot's: the x shared by its nodes' centres). A drawn edge is reduced to its *path*: the
//! `(rank, key)` points where it meets each rank line from its source's rank to its
//! destination's, where `key` is the y there: the node's centre y at both ends, and in
//! between the y where the drawn route (polyline or sampled spline) first crosses that rank
//! line ([`crossing_path`]). Two edges cross between adjacent ranks `r, r+1` when their keys
//! are in strictly opposite order on the two rank lines: every pair of x-monotone curves
//! does cross there (at least once), so this counts each such pair once, whatever the
//! routes do between the lines. Equal keys do not cross (edges sharing an end, multi-edges,
//! edges sharing a bus), and edges inside one rank are not counted. Long edges count like any
//! other, at every rank line they pass, whether drawn through dummy points (dot, and our
//! shorter long edges) or along a track outside the bands (our lane edges).
//!
//! A path step between ranks more than one apart with equal keys is a horizontal *run* that
//! meets every rank between at that key (how [`crossing_path`] writes a track crossing many
//! columns); it is counted without being expanded, so the cost stays `O(S log S)` for `S`
//! path points. A step between ranks more than one apart with different keys is expanded
//! by linear interpolation.

use crate::Point;

/// Counts crossings of edge paths given as `(rank, key)` points; see the module docs.
///
/// Runs in `O(S log S)` for `S` path points (sorts plus Fenwick-tree inversion counts).
pub fn count_crossings(paths: &[Vec<(usize, f64)>]) -> usize {
    let mut segs: Vec<(usize, f64, f64)> = Vec::new();
    let mut runs: Vec<(usize, usize, f64)> = Vec::new();
    for path in paths {
        for w in path.windows(2) {
            let ((ra, ka), (rb, kb)) = (w[0], w[1]);
            // Orient left to right.
            let ((ra, ka), (rb, kb)) = if ra <= rb {
                ((ra, ka), (rb, kb))
            } else {
                ((rb, kb), (ra, ka))
            };
            match rb - ra {
                0 => {}
                1 => segs.push((ra, ka, kb)),
                _ if ka.total_cmp(&kb).is_eq() => runs.push((ra, rb - 1, ka)),
                span => {
                    let at = |i: usize| ka + (kb - ka) * i as f64 / span as f64;
                    segs.extend((0..span).map(|i| (ra + i, at(i), at(i + 1))));
                }
            }
        }
    }
    let total = inversions(&mut segs) + run_crossings(&mut segs, &mut runs);
    usize::try_from(total).unwrap_or(usize::MAX)
}

/// Crossings among the segments `(gap, left key, right key)`: inversions per gap.
fn inversions(segs: &mut [(usize, f64, f64)]) -> u64 {
    adjoint_order::sort_by_key(segs, |s| s.0);
    let mut total = 0;
    let (mut lefts, mut rights, mut pairs) = (Vec::new(), Vec::new(), Vec::new());
    let mut scratch = BilayerScratch::default();
    for group in segs.chunk_by(|a, b| a.0 == b.0) {
        lefts.clear();
        rights.clear();
        lefts.extend(group.iter().map(|s| s.1));
        rights.extend(group.iter().map(|s| s.2));
        for ks in [&mut lefts, &mut rights] {
            adjoint_order::sort_floats(ks);
            ks.dedup_by(|a, b| a.total_cmp(b).is_eq());
        }
        pairs.clear();
        pairs.extend(
            group
                .iter()
                .map(|s| (index(&lefts, s.1), index(&rights, s.2))),
        );
        total += count_bilayer(&mut pairs, rights.len(), &mut scratch);
    }
    total
}

/// Position of `k` in the sorted, deduplicated `keys`.
fn index(keys: &[f64], k: f64) -> u32 {
    let i = keys.partition_point(|x| x.total_cmp(&k).is_lt());
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Crossings between runs `(first gap, last gap, key)` and segments: a segment in a gap a
/// run covers crosses it when the run's key lies strictly between the segment's two keys.
/// Runs never cross each other (they are parallel). A sweep over the gaps with a Fenwick
/// tree over the runs' keys.
fn run_crossings(segs: &mut [(usize, f64, f64)], runs: &mut [(usize, usize, f64)]) -> u64 {
    if runs.is_empty() {
        return 0;
    }
    let mut keys: Vec<f64> = runs.iter().map(|r| r.2).collect();
    adjoint_order::sort_floats(&mut keys);
    keys.dedup_by(|a, b| a.total_cmp(b).is_eq());
    adjoint_order::sort_by_key(runs, |r| r.0);
    let mut ends: Vec<(usize, f64)> = runs.iter().map(|r| (r.1, r.2)).collect();
    adjoint_order::sort_by_key(&mut ends, |e| e.0);
    adjoint_order::sort_by_key(segs, |s| s.0);
    let mut tree = vec![0i64; keys.len() + 1];
    let (mut next_run, mut next_end) = (0, 0);
    let mut total = 0u64;
    for &(gap, a, b) in segs.iter() {
        while next_run < runs.len() && runs[next_run].0 <= gap {
            add(&mut tree, index(&keys, runs[next_run].2) as usize + 1, 1);
            next_run += 1;
        }
        while next_end < ends.len() && ends[next_end].0 < gap {
            add(&mut tree, index(&keys, ends[next_end].1) as usize + 1, -1);
            next_end += 1;
        }
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        // Active runs with lo < key < hi.
        let below_hi = keys.partition_point(|x| x.total_cmp(&hi).is_lt());
        let upto_lo = keys.partition_point(|x| x.total_cmp(&lo).is_le());
        if below_hi > upto_lo {
            let n = prefix(&tree, below_hi) - prefix(&tree, upto_lo);
            total += u64::try_from(n).unwrap_or(0);
        }
    }
    total
}

/// The crossing path of one drawn edge (see the module docs): `src` and `dst` are the
/// `(rank, centre y)` of its ends, `route` its drawn polyline from source to destination,
/// `rank_x` the x of every rank line (increasing). A horizontal piece of the route that
/// passes several rank lines becomes a run (two points), so a track across the whole
/// drawing costs O(1). If the route misses a rank line, the path steps over it (and
/// [`count_crossings`] interpolates).
pub fn crossing_path(
    rank_x: &[f64],
    src: (usize, f64),
    dst: (usize, f64),
    route: &[Point],
) -> Vec<(usize, f64)> {
    let mut path = vec![src];
    let (lo, hi) = (src.0.min(dst.0), src.0.max(dst.0));
    if hi > lo + 1 && hi < rank_x.len() {
        let rightwards = src.0 < dst.0;
        // Intermediate ranks in travel order: `k`-th is lo + 1 + k or hi - 1 - k.
        let count = hi - lo - 1;
        let rank_at = |k: usize| if rightwards { lo + 1 + k } else { hi - 1 - k };
        let mut k = 0;
        for w in route.windows(2) {
            let (p, q) = (w[0], w[1]);
            let (x0, x1) = (p.x.min(q.x), p.x.max(q.x));
            while k < count && (x0..=x1).contains(&rank_x[rank_at(k)]) {
                if p.y.total_cmp(&q.y).is_eq() {
                    // Horizontal: every rank line inside [x0, x1] at once.
                    let inside = |j: usize| (x0..=x1).contains(&rank_x[rank_at(j)]);
                    let (mut a, mut b) = (k, count - 1);
                    if inside(b) {
                        a = b;
                    }
                    // Binary search for the last rank inside: inside(a), !inside(b).
                    while b > a + 1 {
                        let m = (a + b) / 2;
                        if inside(m) {
                            a = m;
                        } else {
                            b = m;
                        }
                    }
                    let last = a;
                    path.push((rank_at(k), p.y));
                    if last > k {
                        path.push((rank_at(last), p.y));
                    }
                    k = last + 1;
                } else {
                    let x = rank_x[rank_at(k)];
                    let y = if (q.x - p.x).abs() < f64::EPSILON {
                        p.y
                    } else {
                        p.y + (q.y - p.y) * (x - p.x) / (q.x - p.x)
                    };
                    path.push((rank_at(k), y));
                    k += 1;
                }
            }
        }
    }
    path.push(dst);
    path
}

/// Buffers [`count_bilayer`] reuses from call to call (it runs for every pair of adjacent
/// ranks at every sweep of the ordering).
#[derive(Default)]
pub(crate) struct BilayerScratch {
    /// The Fenwick tree over right positions (first the counts of left keys).
    tree: Vec<u64>,
    /// The segments as they were, while they are placed in order.
    from: Vec<(u32, u32)>,
}

/// Crossings among segments `(left position, right position)` between two adjacent ranks;
/// `right_len` bounds the right positions. Reorders `segs`.
///
/// Segments are taken by left key (see [`order_by_left`]); each one crosses those taken
/// before it (at or above it on the left) that end strictly below it on the right. Segments
/// with equal left keys never cross each other, so a group of them is first counted against
/// the earlier groups and only then added.
pub(crate) fn count_bilayer(
    segs: &mut [(u32, u32)],
    right_len: usize,
    scratch: &mut BilayerScratch,
) -> u64 {
    order_by_left(segs, scratch);
    let tree = &mut scratch.tree;
    tree.clear();
    tree.resize(right_len + 1, 0);
    let mut crossings = 0u64;
    let mut seen = 0u64;
    for group in segs.chunk_by(|a, b| a.0 == b.0) {
        for &(_, right) in group {
            crossings += seen - prefix(tree, right as usize + 1);
        }
        for &(_, right) in group {
            add(tree, right as usize + 1, 1);
        }
        seen += group.len() as u64;
    }
    crossings
}

/// Orders `segs` by left key, keeping the order of equal keys: one counting pass, as the
/// keys are positions in a rank (at most a few times its length). Linear, and in wasm a
/// fraction of the code of `sort_unstable`'s quicksort for pairs. Keys far larger than the
/// number of segments (which the layout never makes) fall back to the workspace's sort.
/// Uses `scratch` (its tree as the counts), so it allocates nothing once warm.
fn order_by_left(segs: &mut [(u32, u32)], scratch: &mut BilayerScratch) {
    let largest = segs.iter().map(|s| s.0).max().unwrap_or(0) as usize;
    if largest > 4 * segs.len() + 64 {
        adjoint_order::sort_by_key(segs, |s| s.0);
        return;
    }
    let BilayerScratch { tree: counts, from } = scratch;
    counts.clear();
    counts.resize(largest + 2, 0);
    for s in segs.iter() {
        counts[s.0 as usize + 1] += 1;
    }
    for i in 1..counts.len() {
        counts[i] += counts[i - 1];
    }
    // counts[k] is now where the next segment with left key k goes.
    from.clear();
    from.extend_from_slice(segs);
    for &s in from.iter() {
        let slot = &mut counts[s.0 as usize];
        if let Some(place) = segs.get_mut(*slot as usize) {
            *place = s;
        }
        *slot += 1;
    }
}

/// Fenwick tree: sum of counts at 1-based positions `1..=i`.
fn prefix<T: Copy + Default + std::ops::AddAssign>(tree: &[T], mut i: usize) -> T {
    let mut s = T::default();
    while i > 0 {
        s += tree[i];
        i &= i - 1;
    }
    s
}

/// Fenwick tree: add `d` at 1-based position `i`.
fn add<T: Copy + std::ops::AddAssign>(tree: &mut [T], mut i: usize, d: T) {
    while i < tree.len() {
        tree[i] += d;
        i += i & i.wrapping_neg();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Crossings counted pair by pair: two segments cross when their ends are in opposite
    /// orders on the two ranks.
    fn brute(segs: &[(u32, u32)]) -> u64 {
        let mut n = 0;
        for (i, a) in segs.iter().enumerate() {
            for b in &segs[i + 1..] {
                if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) {
                    n += 1;
                }
            }
        }
        n
    }

    #[test]
    fn segments_order_like_the_standard_sort_and_count_like_pairs() {
        let mut rng = adjoint_rng::SplitMix64::new(7);
        let mut scratch = BilayerScratch::default();
        for round in 0..300 {
            let n = round % 40;
            // Small key ranges (many ties), and now and then keys far past the segment count.
            let span = if round % 10 == 9 {
                1_000_000
            } else {
                1 + round % 13
            };
            let segs: Vec<(u32, u32)> = (0..n)
                .map(|_| (rng.below(span) as u32, rng.below(span) as u32))
                .collect();
            let mut ordered = segs.clone();
            let mut expected = segs.clone();
            expected.sort_by_key(|s| s.0);
            order_by_left(&mut ordered, &mut scratch);
            assert_eq!(ordered, expected, "{segs:?}");
            let mut counted = segs.clone();
            let right_len = segs.iter().map(|s| s.1 as usize + 1).max().unwrap_or(0);
            assert_eq!(
                count_bilayer(&mut counted, right_len, &mut scratch),
                brute(&segs),
                "{segs:?}"
            );
        }
    }
}
