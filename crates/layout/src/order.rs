//! Crossing reduction: barycenter sweeps in both directions with adjacent transpositions,
//! several iterations from two starts, keeping the best order seen, then sifting passes
//! (`sift`). Within every rank the forward band stays above the adjoint band; vertices
//! without neighbours on the fixed side keep their slot. Work limits depend only on the
//! graph's size, so the result is deterministic.

use crate::crossings::{count_bilayer, BilayerScratch};
use crate::layered::Layered;
use crate::neighbours::{merge_count, Ends};
use crate::sift::sift_pass;

/// Upper bound on transposition passes per rank and sweep.
const TRANSPOSE_PASSES: usize = 4;
/// Half-sweeps without improvement (or improving by less than this fraction) before
/// giving up: on crossing-heavy graphs the sweeps keep finding a few crossings each time,
/// which used to run all of them for ~nothing.
const MIN_GAIN: (u64, u64) = (1, 100);
/// Half-sweeps without improvement before giving up.
const PATIENCE: usize = 4;
/// Upper bound on sifting passes (they stop early once a pass gains under 0.5%).
const SIFT_PASSES: usize = 6;
/// Vertex count (real plus dummy) up to which a second start (depth-first order) is tried.
const SMALL: usize = 2_000;
/// Vertex count (real plus dummy) above which a graph counts as large: fewer sifting
/// passes, to stay well under a second at ~9,000 nodes.
const LARGE: usize = 20_000;
/// Sweep limit (down+up pairs) for large graphs.
const LARGE_SWEEPS: usize = 4;
/// Sifting passes for large graphs.
const SIFT_PASSES_LARGE: usize = 2;

/// Vertex order of every rank plus the inverse (position of every vertex in its rank).
#[derive(Clone)]
pub(crate) struct Order {
    /// Vertices of each rank, top to bottom.
    pub layers: Vec<Vec<usize>>,
    /// Position of each vertex within its rank.
    pub pos: Vec<usize>,
}

impl Order {
    fn new(layers: Vec<Vec<usize>>, len: usize) -> Self {
        let mut order = Self {
            layers,
            pos: vec![0; len],
        };
        order.refresh_all();
        order
    }

    fn refresh_all(&mut self) {
        for r in 0..self.layers.len() {
            self.refresh(r);
        }
    }

    fn refresh(&mut self, r: usize) {
        self.refresh_range(r, 0, self.layers[r].len());
    }

    /// Updates `pos` for slots `lo..hi` of rank `r`.
    pub(crate) fn refresh_range(&mut self, r: usize, lo: usize, hi: usize) {
        for (i, &v) in self.layers[r].iter().enumerate().take(hi).skip(lo) {
            self.pos[v] = i;
        }
    }
}

/// Finds a vertex order with few crossings; returns it with its crossing count.
///
/// With `sweeps == 0` the initial order (input order) is kept. Otherwise two starts (input
/// order and, for small graphs, depth-first order) are improved by sweeps, the
/// better one wins, and sifting passes polish it.
pub(crate) fn reduce_crossings(g: &Layered, sweeps: usize) -> (Order, u64) {
    let mut scratch = Scratch::default();
    let plain = Order::new(g.initial_order(), g.len());
    if sweeps == 0 {
        let count = total_crossings(g, &plain, &mut scratch);
        return (plain, count);
    }
    let mut starts = vec![plain];
    if g.len() <= SMALL {
        starts.push(Order::new(depth_first_order(g), g.len()));
    }
    let (mut best, mut count) = starts
        .into_iter()
        .map(|start| improve(g, start, sweeps, &mut scratch))
        .min_by_key(|r| r.1)
        .expect("invariant: there is at least one start");
    let passes = if g.len() <= LARGE {
        SIFT_PASSES
    } else {
        SIFT_PASSES_LARGE
    };
    for _ in 0..passes {
        if count == 0 || !sift_pass(g, &mut best) {
            break;
        }
        let after = total_crossings(g, &best, &mut scratch);
        let gain = count.saturating_sub(after);
        count = after;
        if gain * 200 < count {
            break;
        }
    }
    (best, count)
}

/// Barycenter sweeps with transposition from `order`, keeping the best order seen.
fn improve(g: &Layered, mut order: Order, sweeps: usize, scratch: &mut Scratch) -> (Order, u64) {
    let mut best_count = total_crossings(g, &order, scratch);
    let mut best = order.clone();
    let mut stale = 0;
    let half_sweeps = if g.len() > LARGE {
        sweeps.min(LARGE_SWEEPS)
    } else {
        sweeps
    } * 2;
    for it in 0..half_sweeps {
        if best_count == 0 || stale >= PATIENCE {
            break;
        }
        let down = it % 2 == 0;
        sweep(g, &mut order, down, scratch);
        transpose(g, &mut order, scratch);
        let count = total_crossings(g, &order, scratch);
        if count < best_count {
            // A gain under MIN_GAIN still counts towards giving up.
            if (best_count - count) * MIN_GAIN.1 < best_count * MIN_GAIN.0 {
                stale += 1;
            } else {
                stale = 0;
            }
            best_count = count;
            best.clone_from(&order);
        } else {
            stale += 1;
        }
    }
    (best, best_count)
}

/// Orders every rank by the visit time of an iterative depth-first search over segments
/// (started from real nodes in index order), so connected vertices start out close.
fn depth_first_order(g: &Layered) -> Vec<Vec<usize>> {
    let mut visit = vec![usize::MAX; g.len()];
    let mut time = 0;
    let mut stack = Vec::new();
    for start in 0..g.len() {
        if visit[start] != usize::MAX {
            continue;
        }
        stack.push(start);
        while let Some(v) = stack.pop() {
            if visit[v] != usize::MAX {
                continue;
            }
            visit[v] = time;
            time += 1;
            for &id in g.right_of(v).iter().chain(g.left_of(v)).rev() {
                let (a, b) = g.segments[id];
                let w = if a == v { b } else { a };
                if visit[w] == usize::MAX {
                    stack.push(w);
                }
            }
        }
    }
    let mut layers = g.initial_order();
    for layer in &mut layers {
        adjoint_order::sort_by_key(layer, |&v| (g.band[v], visit[v]));
    }
    layers
}

/// Reusable buffers.
#[derive(Default)]
struct Scratch {
    segs: Vec<(u32, u32)>,
    bilayer: BilayerScratch,
    keys: Vec<(f64, usize)>,
    slots: Vec<usize>,
    left: Ends,
    right: Ends,
}

fn to_u32(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// Total crossings of the current order, summed over all pairs of adjacent ranks; lane
/// edges count by their phantom ends.
fn total_crossings(g: &Layered, order: &Order, s: &mut Scratch) -> u64 {
    let mut total = 0;
    for r in 0..g.ranks.saturating_sub(1) {
        s.segs.clear();
        let (len, next_len) = (order.layers[r].len(), order.layers[r + 1].len());
        for &v in &order.layers[r] {
            let kv = to_u32(Layered::key(order.pos[v]));
            for &id in g.right_of(v) {
                let right = g.segments[id].1;
                s.segs.push((kv, to_u32(Layered::key(order.pos[right]))));
            }
            for &(right, group) in g.phantoms(v) {
                if right {
                    s.segs
                        .push((kv, to_u32(g.phantom_key(r + 1, next_len, group))));
                }
            }
        }
        for &w in &order.layers[r + 1] {
            for &(right, group) in g.phantoms(w) {
                if !right {
                    let kw = to_u32(Layered::key(order.pos[w]));
                    s.segs.push((to_u32(g.phantom_key(r, len, group)), kw));
                }
            }
        }
        total += count_bilayer(&mut s.segs, 2 * next_len + 3, &mut s.bilayer);
    }
    total
}

/// One barycenter sweep: left to right (`down`) using left neighbours, or right to left.
fn sweep(g: &Layered, order: &mut Order, down: bool, s: &mut Scratch) {
    let ranks: Vec<usize> = if down {
        (1..g.ranks).collect()
    } else {
        (0..g.ranks.saturating_sub(1)).rev().collect()
    };
    for r in ranks {
        for band in 0..2u8 {
            s.keys.clear();
            s.slots.clear();
            for (i, &v) in order.layers[r].iter().enumerate() {
                if g.band[v] != band {
                    continue;
                }
                let ids = if down { g.left_of(v) } else { g.right_of(v) };
                let mut sum: usize = ids
                    .iter()
                    .map(|&id| {
                        let (a, b) = g.segments[id];
                        Layered::key(order.pos[if down { a } else { b }])
                    })
                    .sum();
                let mut count = ids.len();
                // Lane ends lean towards their track: a phantom neighbour on that side.
                for &(right, group) in g.phantoms(v) {
                    if right != down {
                        let o = if down { r - 1 } else { r + 1 };
                        sum += g.phantom_key(o, order.layers[o].len(), group);
                        count += 1;
                    }
                }
                if count == 0 {
                    continue;
                }
                s.keys.push((sum as f64 / count as f64, v));
                s.slots.push(i);
            }
            adjoint_order::sort_by(&mut s.keys, |x, y| x.0.total_cmp(&y.0));
            for (&slot, &(_, v)) in s.slots.iter().zip(&s.keys) {
                order.layers[r][slot] = v;
            }
        }
        order.refresh(r);
    }
}

/// Swaps neighbours of the same band while that lowers crossings with both adjacent ranks.
fn transpose(g: &Layered, order: &mut Order, s: &mut Scratch) {
    for r in 0..g.ranks {
        // Neighbour positions live in the adjacent ranks, so swaps here leave them unchanged.
        let snapshot = order.layers[r].clone();
        s.left.fill(g, order, &snapshot, true);
        s.right.fill(g, order, &snapshot, false);
        s.slots.clear();
        s.slots.extend(0..snapshot.len());
        for _ in 0..TRANSPOSE_PASSES {
            let mut improved = false;
            for i in 0..snapshot.len().saturating_sub(1) {
                let (a, b) = (s.slots[i], s.slots[i + 1]);
                let (u, v) = (snapshot[a], snapshot[b]);
                if g.band[u] != g.band[v] {
                    continue;
                }
                let (k1, w1) = merge_count(s.left.of(a), s.left.of(b));
                let (k2, w2) = merge_count(s.right.of(a), s.right.of(b));
                if w1 + w2 < k1 + k2 {
                    order.layers[r].swap(i, i + 1);
                    s.slots.swap(i, i + 1);
                    order.pos[u] = i + 1;
                    order.pos[v] = i;
                    improved = true;
                }
            }
            if !improved {
                break;
            }
        }
    }
}
