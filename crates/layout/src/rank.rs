//! Layer (rank) assignment that exploits the structure of an extended AD graph.
//!
//! Adjoint nodes pinned with `column_of` are merged with their forward node into one *class*
//! that shares a rank. Between classes we derive "strictly left of" constraints:
//! forward edges `u -> v` give `u < v` (hard), adjoint edges `a -> b` give `b < a` (soft: the
//! adjoint band reads right to left), and edges between the bands give none. A longest-path
//! pass over these constraints (Kahn's algorithm, iterative) assigns ranks; a soft constraint
//! that contradicts the pinning is dropped instead of failing. A second pass, in reverse
//! order, moves a class right, next to its successors, when that shortens more edges than it
//! lengthens, and always for unpinned adjoint nodes ("placed by their inputs"). Then a few
//! rounds move each class to the median of its neighbours' ranks within its allowed range
//! (shorter edges: fewer dummies and crossings). Finally empty ranks are removed.

use std::collections::{BTreeSet, VecDeque};

use crate::{Band, LayoutInput};

/// A "strictly left of" constraint between two classes.
#[derive(Clone, Copy)]
struct Constraint {
    from: usize,
    to: usize,
    hard: bool,
}

/// Returns the rank of every node (0 = leftmost) and the number of ranks.
pub(crate) fn assign_ranks(input: &LayoutInput) -> (Vec<usize>, usize) {
    let n = input.nodes.len();
    let class: Vec<usize> = input
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| match node.band {
            Band::Adjoint { column_of: Some(f) } => f,
            _ => i,
        })
        .collect();
    let constraints = constraints(input, &class);
    let csr = Csr::new(n, &constraints);
    let (mut rank, order) = longest_path(n, &class, &constraints, &csr);
    pull_right(input, &class, &constraints, &csr, &order, &mut rank);
    balance(input, &class, &constraints, &csr, &order, &mut rank);
    let node_rank: Vec<usize> = class.iter().map(|&c| rank[c]).collect();
    compress(node_rank)
}

fn is_adjoint(input: &LayoutInput, v: usize) -> bool {
    matches!(input.nodes[v].band, Band::Adjoint { .. })
}

fn constraints(input: &LayoutInput, class: &[usize]) -> Vec<Constraint> {
    let mut out = Vec::with_capacity(input.edges.len());
    for &(s, d) in &input.edges {
        let (cs, cd) = (class[s], class[d]);
        match (is_adjoint(input, s), is_adjoint(input, d)) {
            (false, false) => out.push(Constraint {
                from: cs,
                to: cd,
                hard: true,
            }),
            (true, true) if cs != cd => out.push(Constraint {
                from: cd,
                to: cs,
                hard: false,
            }),
            _ => {}
        }
    }
    out
}

/// Outgoing and incoming constraint lists per class, as compressed rows of constraint ids.
struct Csr {
    out_start: Vec<usize>,
    out: Vec<usize>,
    in_start: Vec<usize>,
    inc: Vec<usize>,
}

impl Csr {
    fn new(n: usize, cs: &[Constraint]) -> Self {
        let (out_start, out) = rows(n, cs.iter().map(|c| c.from));
        let (in_start, inc) = rows(n, cs.iter().map(|c| c.to));
        Self {
            out_start,
            out,
            in_start,
            inc,
        }
    }

    fn outgoing(&self, c: usize) -> &[usize] {
        &self.out[self.out_start[c]..self.out_start[c + 1]]
    }

    fn incoming(&self, c: usize) -> &[usize] {
        &self.inc[self.in_start[c]..self.in_start[c + 1]]
    }
}

/// Groups item ids `0..` by a key in `0..n` (a counting sort), keeping item order.
pub(crate) fn rows(
    n: usize,
    keys: impl Iterator<Item = usize> + Clone,
) -> (Vec<usize>, Vec<usize>) {
    let mut start = vec![0usize; n + 1];
    for k in keys.clone() {
        start[k + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut items = vec![0usize; start[n]];
    for (id, k) in keys.enumerate() {
        items[fill[k]] = id;
        fill[k] += 1;
    }
    (start, items)
}

/// Kahn's algorithm over classes; when only soft constraints block progress, the smallest
/// class whose hard predecessors are done goes next and its open soft constraints are dropped.
fn longest_path(
    n: usize,
    class: &[usize],
    cs: &[Constraint],
    csr: &Csr,
) -> (Vec<usize>, Vec<usize>) {
    let mut hard_in = vec![0usize; n];
    let mut soft_in = vec![0usize; n];
    for c in cs {
        if c.hard {
            hard_in[c.to] += 1;
        } else {
            soft_in[c.to] += 1;
        }
    }
    let is_class = |c: usize| class[c] == c;
    let mut queue: VecDeque<usize> = (0..n)
        .filter(|&c| is_class(c) && hard_in[c] == 0 && soft_in[c] == 0)
        .collect();
    // Inserted one by one: `collect()` into a set would compile a stable sort of its own.
    let mut fallback = BTreeSet::new();
    for c in (0..n).filter(|&c| is_class(c) && hard_in[c] == 0) {
        fallback.insert(c);
    }
    let total = (0..n).filter(|&c| is_class(c)).count();
    let mut done = vec![false; n];
    let mut rank = vec![0usize; n];
    let mut order = Vec::with_capacity(total);
    while order.len() < total {
        let next = match queue.pop_front() {
            Some(c) => Some(c),
            None => fallback.iter().copied().find(|&c| !done[c]),
        };
        let Some(c) = next else { break };
        if done[c] {
            continue;
        }
        done[c] = true;
        fallback.remove(&c);
        order.push(c);
        for &id in csr.outgoing(c) {
            let Constraint { to, hard, .. } = cs[id];
            if done[to] {
                continue;
            }
            rank[to] = rank[to].max(rank[c] + 1);
            if hard {
                hard_in[to] -= 1;
                if hard_in[to] == 0 {
                    fallback.insert(to);
                }
            } else {
                soft_in[to] -= 1;
            }
            if hard_in[to] == 0 && soft_in[to] == 0 {
                queue.push_back(to);
            }
        }
    }
    (rank, order)
}

/// Reverse pass: move a class right, up to its nearest successor, when that shortens edges.
fn pull_right(
    input: &LayoutInput,
    class: &[usize],
    cs: &[Constraint],
    csr: &Csr,
    order: &[usize],
    rank: &mut [usize],
) {
    for &c in order.iter().rev() {
        let r = rank[c];
        let mut succ_min = usize::MAX;
        let mut outs = 0usize;
        for &id in csr.outgoing(c) {
            let t = rank[cs[id].to];
            if t > r {
                outs += 1;
                succ_min = succ_min.min(t);
            }
        }
        if outs == 0 {
            continue;
        }
        let ins = csr
            .incoming(c)
            .iter()
            .filter(|&&id| rank[cs[id].from] < r)
            .count();
        let by_inputs = class[c] == c && is_adjoint(input, c);
        if outs > ins || (by_inputs && outs >= ins) || ins == 0 {
            rank[c] = succ_min - 1;
        }
    }
}

/// Rounds of `balance` (it stops earlier once nothing moves; two usually suffice).
const BALANCE_ROUNDS: usize = 4;

/// Moves every class, within the range its satisfied constraints allow, to a median rank of
/// the classes it shares edges with (edges between the bands included): a median minimises
/// the summed length of those edges, so this is a cheap stand-in for network simplex.
fn balance(
    input: &LayoutInput,
    class: &[usize],
    cs: &[Constraint],
    csr: &Csr,
    order: &[usize],
    rank: &mut [usize],
) {
    let pairs: Vec<(usize, usize)> = input
        .edges
        .iter()
        .map(|&(s, d)| (class[s], class[d]))
        .filter(|(a, b)| a != b)
        .collect();
    // Row `c` lists the ends `2k` (class is pairs[k].0) and `2k + 1` (class is pairs[k].1).
    let (start, ends) = rows(class.len(), pairs.iter().flat_map(|&(a, b)| [a, b]));
    let top = rank.iter().copied().max().unwrap_or(0) + 1;
    let mut targets = Vec::new();
    for _ in 0..BALANCE_ROUNDS {
        let mut moved = false;
        for &c in order.iter().rev().chain(order) {
            targets.clear();
            targets.extend(ends[start[c]..start[c + 1]].iter().map(|&end| {
                let (a, b) = pairs[end / 2];
                rank[if end % 2 == 0 { b } else { a }]
            }));
            if targets.is_empty() {
                continue;
            }
            let r = rank[c];
            let lo = csr
                .incoming(c)
                .iter()
                .map(|&id| rank[cs[id].from])
                .filter(|&p| p < r)
                .map(|p| p + 1)
                .max()
                .unwrap_or(0);
            let hi = csr
                .outgoing(c)
                .iter()
                .map(|&id| rank[cs[id].to])
                .filter(|&q| q > r)
                .map(|q| q - 1)
                .min()
                .unwrap_or(top);
            let best = median_nearest(&mut targets, r).clamp(lo, hi.max(lo));
            if best != r {
                rank[c] = best;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

/// A median of `values` (non-empty); with an even count, the point of the median interval
/// nearest to `current`.
fn median_nearest(values: &mut [usize], current: usize) -> usize {
    adjoint_order::sort(values);
    let m = values.len() / 2;
    if values.len() % 2 == 1 {
        values[m]
    } else {
        current.clamp(values[m - 1], values[m])
    }
}

/// Renumbers ranks so that no rank is empty.
fn compress(rank: Vec<usize>) -> (Vec<usize>, usize) {
    let mut used: Vec<usize> = rank.clone();
    adjoint_order::sort(&mut used);
    used.dedup();
    let compressed = rank
        .iter()
        .map(|r| used.binary_search(r).unwrap_or_default())
        .collect();
    (compressed, used.len())
}
