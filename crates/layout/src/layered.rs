//! The "proper" layered graph: real nodes plus dummy vertices so that every edge between
//! different ranks becomes a chain of segments joining adjacent ranks.
//!
//! Exception: a *lane edge* (see `lanes`: long edges, and edges between the bands more
//! than one rank apart) gets no dummies and no segments, only phantom neighbours at its ends.
//! In an extended AD graph many nodes read a value far away (v̄·x1 reads the input x1; x1 is
//! read by every statement), so dummies for them would grow as O(N × depth) and dominate
//! crossing reduction; `route` draws them along tracks outside the bands.

use crate::lanes::{self, Group, Lane};
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
    /// Per input edge: its index in `lanes` if it is a lane edge (chain `[src, dst]`, no
    /// segments).
    pub lane_of: Vec<Option<usize>>,
    /// The lane edges, with their tracks.
    pub lanes: Vec<Lane>,
    /// Tracks used per lane group (top, gap, bottom).
    pub tracks: [usize; 3],
    /// Per real vertex: phantoms `(on the right?, group)`:
    /// `phantom[phantom_start[v]..phantom_start[v + 1]]`.
    pub phantom_start: Vec<usize>,
    /// Concatenated phantoms.
    pub phantom: Vec<(bool, Group)>,
    /// Number of forward-band vertices in every rank (they come first in any order).
    pub forward_len: Vec<usize>,
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
        let mut lane_of = Vec::with_capacity(input.edges.len());
        let mut lanes = Vec::new();
        let spans: Vec<(u8, u8, usize)> = input
            .edges
            .iter()
            .map(|&(s, d)| (band[s], band[d], rank[s].abs_diff(rank[d])))
            .collect();
        let groups = lanes::choose(n, &spans);
        chain_start.push(0);
        for (&(s, d), &group) in input.edges.iter().zip(&groups) {
            let (rs, rd) = (rank[s], rank[d]);
            let dummy_band = band[s].max(band[d]);
            chain.push(s);
            lane_of.push(group.map(|_| lanes.len()));
            if let Some(group) = group {
                lanes.push(Lane {
                    src: s,
                    dst: d,
                    group,
                    track: 0,
                });
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
        let tracks = lanes::assign_tracks(&mut lanes, &rank, ranks);
        // Each lane end sees a phantom in the next rank towards the other end.
        let ends = lanes.iter().flat_map(|l| {
            let right = rank[l.src] < rank[l.dst];
            [(l.src, right, l.group), (l.dst, !right, l.group)]
        });
        let (phantom_start, ids) = rows(n, ends.clone().map(|(v, _, _)| v));
        let ends: Vec<(usize, bool, Group)> = ends.collect();
        let phantom = ids.iter().map(|&i| (ends[i].1, ends[i].2)).collect();
        let mut forward_len = vec![0; ranks];
        for v in 0..total {
            if band[v] == 0 {
                forward_len[rank[v]] += 1;
            }
        }
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
            lane_of,
            lanes,
            tracks,
            phantom_start,
            phantom,
            forward_len,
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

    /// Phantoms of vertex `v` (none for dummies): `(on the right?, group)`.
    pub(crate) fn phantoms(&self, v: usize) -> &[(bool, Group)] {
        if v < self.n_real {
            &self.phantom[self.phantom_start[v]..self.phantom_start[v + 1]]
        } else {
            &[]
        }
    }

    /// The key of vertex `v` at position `pos` for crossing counts: `2 pos + 1`, so that
    /// phantoms fit between (see [`Layered::phantom_key`]).
    pub(crate) fn key(pos: usize) -> usize {
        2 * pos + 1
    }

    /// The key of a phantom of `group` in rank `r` (which holds `len` vertices): above every
    /// vertex, between the bands, or below every vertex.
    pub(crate) fn phantom_key(&self, r: usize, len: usize, group: Group) -> usize {
        match group {
            Group::Top => 0,
            Group::Gap => 2 * self.forward_len[r],
            Group::Bottom => 2 * len + 2,
        }
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
