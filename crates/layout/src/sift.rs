//! Sifting: every vertex in turn is moved to the position in its rank (within its band) that
//! minimises crossings with both neighbouring ranks (looking at most `WINDOW` slots away),
//! all other vertices fixed. A move never
//! increases crossings, so passes can only improve the order left by the barycenter sweeps.

use crate::layered::Layered;
use crate::neighbours::{merge_count, Ends};
use crate::order::Order;

/// How far (in slots) a vertex may move in one step; bounds the cost on very wide ranks.
const WINDOW: usize = 24;

/// One sifting pass over all ranks; returns whether any vertex moved.
pub(crate) fn sift_pass(g: &Layered, order: &mut Order) -> bool {
    let mut left = Ends::default();
    let mut right = Ends::default();
    let mut moved = false;
    for r in 0..g.ranks {
        // Neighbour positions depend only on the adjacent ranks: computed once per rank and
        // indexed by the vertex's index in this snapshot.
        let snapshot = order.layers[r].clone();
        left.fill(g, order, &snapshot, true);
        right.fill(g, order, &snapshot, false);
        // `slot[s]` = snapshot index of the vertex now at slot `s`.
        let mut slot: Vec<usize> = (0..snapshot.len()).collect();
        // (crossings with x above y, crossings with y above x), snapshot indexes.
        let cross = |x: usize, y: usize| -> (i64, i64) {
            let (a, b) = merge_count(left.of(x), left.of(y));
            let (c, d) = merge_count(right.of(x), right.of(y));
            (to_i64(a + c), to_i64(b + d))
        };
        for (k, &v) in snapshot.iter().enumerate() {
            let at = order.pos[v];
            let (lo, hi) = band_range(g, &order.layers[r], at);
            let (lo, hi) = (lo.max(at.saturating_sub(WINDOW)), hi.min(at + WINDOW + 1));
            // cost(q): v just before the q-th other vertex of its band, relative to q = 0.
            let (mut cost, mut best, mut best_q, mut current) = (0i64, 0i64, 0usize, 0i64);
            let mut q = 0;
            for (s, &w) in slot.iter().enumerate().take(hi).skip(lo) {
                if s == at {
                    current = cost;
                    continue;
                }
                let (v_above, w_above) = cross(k, w);
                cost += w_above - v_above;
                q += 1;
                if cost < best {
                    best = cost;
                    best_q = q;
                }
            }
            if at == hi - 1 {
                current = cost;
            }
            if best < current {
                moved = true;
                let layer = &mut order.layers[r];
                layer.remove(at);
                let idx = slot.remove(at);
                layer.insert(lo + best_q, v);
                slot.insert(lo + best_q, idx);
                order.refresh_range(r, lo, hi);
            }
        }
    }
    moved
}

fn to_i64(x: u64) -> i64 {
    i64::try_from(x).unwrap_or(i64::MAX)
}

/// The slots `lo..hi` of the band of the vertex at slot `at` (bands are contiguous).
fn band_range(g: &Layered, layer: &[usize], at: usize) -> (usize, usize) {
    let band = g.band[layer[at]];
    let mut lo = at;
    while lo > 0 && g.band[layer[lo - 1]] == band {
        lo -= 1;
    }
    let mut hi = at + 1;
    while hi < layer.len() && g.band[layer[hi]] == band {
        hi += 1;
    }
    (lo, hi)
}
