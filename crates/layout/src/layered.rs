//! The "proper" layered graph: real nodes plus dummy vertices so that every edge between
//! different ranks becomes a chain of segments joining adjacent ranks.
//!
//! Exception: a *read edge* (forward source, adjoint destination, more than one rank apart)
//! gets no dummies and no segments. In an extended AD graph many adjoint nodes read a forward
//! value far to their left (v̄·x1 reads the input x1), so dummies for them would grow as
//! O(N × depth) and dominate crossing reduction; `route` draws them through the band gap.

use crate::rank::rows;
use crate::{Band, LayoutInput};

/// Band index of a vertex: 0 = forward (top), 1 = adjoint (bottom).
pub(crate) type BandIx = u8;

/// Real nodes `0..n_real`, then dummies; edges become chains; segments join adjacent ranks.
pub(crate) struct Layered {
    /// Number of real (input) nodes; vertices at or past it are dummies.
    pub n_real: usize,
    /// Rank of every vertex.
    pub rank: Vec<usize>,
    /// Band of every vertex.
    pub band: Vec<BandIx>,
    /// Box height of every vertex (0 for dummies).
    pub height: Vec<f64>,
    /// Number of ranks.
    pub ranks: usize,
    /// Vertices of edge `e` from source to destination: `chain[chain_start[e]..chain_start[e+1]]`.
    pub chain_start: Vec<usize>,
    /// Concatenated chains.
    pub chain: Vec<usize>,
    /// Segments `(left, right)` with `rank[right] == rank[left] + 1`, multi-edges repeated.
    pub segments: Vec<(usize, usize)>,
    /// Per vertex: indexes into `segments` where it is the right end (neighbours on its left).
    pub left_start: Vec<usize>,
    /// Concatenated segment ids for `left_start`.
    pub left: Vec<usize>,
    /// Per vertex: indexes into `segments` where it is the left end (neighbours on its right).
    pub right_start: Vec<usize>,
    /// Concatenated segment ids for `right_start`.
    pub right: Vec<usize>,
    /// Per input edge: whether it is a read edge (chain `[src, dst]`, no segments).
    pub read: Vec<bool>,
}

impl Layered {
    /// Builds dummies and segments for `input` with the given node ranks.
    pub(crate) fn new(input: &LayoutInput, node_rank: &[usize], ranks: usize) -> Self {
        let n = input.nodes.len();
        let mut rank = node_rank.to_vec();
        let mut band: Vec<BandIx> = input
            .nodes
            .iter()
            .map(|node| match node.band {
                Band::Forward => 0,
                Band::Adjoint { .. } => 1,
            })
            .collect();
        let mut height: Vec<f64> = input.nodes.iter().map(|node| node.height).collect();
        let mut chain_start = Vec::with_capacity(input.edges.len() + 1);
        let mut chain = Vec::with_capacity(input.edges.len() * 2);
        let mut segments = Vec::with_capacity(input.edges.len());
        let mut read = Vec::with_capacity(input.edges.len());
        chain_start.push(0);
        for &(s, d) in &input.edges {
            let (rs, rd) = (rank[s], rank[d]);
            let dummy_band = band[s].max(band[d]);
            chain.push(s);
            let is_read = band[s] == 0 && band[d] == 1 && rs.abs_diff(rd) > 1;
            read.push(is_read);
            if is_read {
                chain.push(d);
                chain_start.push(chain.len());
                continue;
            }
            let mut prev = s;
            let steps: Vec<usize> = if rs < rd {
                (rs + 1..rd).collect()
            } else {
                (rd + 1..rs).rev().collect()
            };
            for r in steps {
                let v = rank.len();
                rank.push(r);
                band.push(dummy_band);
                height.push(0.0);
                segments.push(ordered(&rank, prev, v));
                chain.push(v);
                prev = v;
            }
            if rs != rd {
                segments.push(ordered(&rank, prev, d));
            }
            chain.push(d);
            chain_start.push(chain.len());
        }
        let total = rank.len();
        let (left_start, left) = rows(total, segments.iter().map(|s| s.1));
        let (right_start, right) = rows(total, segments.iter().map(|s| s.0));
        Self {
            n_real: n,
            rank,
            band,
            height,
            ranks,
            chain_start,
            chain,
            segments,
            left_start,
            left,
            right_start,
            right,
            read,
        }
    }

    /// Number of vertices (real and dummy).
    pub(crate) fn len(&self) -> usize {
        self.rank.len()
    }

    /// Whether `v` is a dummy vertex.
    pub(crate) fn is_dummy(&self, v: usize) -> bool {
        v >= self.n_real
    }

    /// Segment ids with `v` as the right end.
    pub(crate) fn left_of(&self, v: usize) -> &[usize] {
        &self.left[self.left_start[v]..self.left_start[v + 1]]
    }

    /// Segment ids with `v` as the left end.
    pub(crate) fn right_of(&self, v: usize) -> &[usize] {
        &self.right[self.right_start[v]..self.right_start[v + 1]]
    }

    /// The vertex chain of edge `e`, source first.
    pub(crate) fn chain_of(&self, e: usize) -> &[usize] {
        &self.chain[self.chain_start[e]..self.chain_start[e + 1]]
    }

    /// Vertices of every rank in creation order (real nodes by index, then dummies), forward
    /// band before adjoint band.
    pub(crate) fn initial_order(&self) -> Vec<Vec<usize>> {
        let mut layers = vec![Vec::new(); self.ranks];
        for b in 0..2 {
            for v in 0..self.len() {
                if self.band[v] == b {
                    layers[self.rank[v]].push(v);
                }
            }
        }
        layers
    }
}

/// Orders a segment's ends so the lower rank comes first.
fn ordered(rank: &[usize], a: usize, b: usize) -> (usize, usize) {
    if rank[a] < rank[b] {
        (a, b)
    } else {
        (b, a)
    }
}
