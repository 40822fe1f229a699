//! Long edges on *lanes*: horizontal tracks outside the bands, instead of one dummy vertex
//! per layer crossed.
//!
//! In the extended graph of a program, long edges are common and their dummies grew as
//! O(N × depth): `x1` read by every statement (forward → forward), the partials of `x̄1`
//! pinned in `x1`'s column reading adjoints far to the right (adjoint → adjoint), and
//! partials reading forward values far away (forward → adjoint). A *lane edge* gets no
//! dummies: it leaves its source into the gap between columns (a vertical *leg*), runs along
//! a horizontal track, and comes back down (or up) a leg in the gap next to its target.
//!
//! Which edges: same-band edges spanning at least [`LONG_SPAN`] layers, and the longest of
//! the others once the dummies would exceed a budget linear in the graph's size (see
//! [`choose`]). Where their track runs:
//!
//! * forward → forward: a track **above** the forward band;
//! * adjoint → adjoint: a track **below** the adjoint band;
//! * between the bands (forward → adjoint reads, and the reverse): a track in the **gap
//!   between the bands**.
//!
//! Tracks are assigned from layers alone (before ordering): a lane's *span* is the range of
//! column gaps its track covers; lanes whose spans overlap get different tracks, nested
//! lanes nest (the shorter one nearer the band), and lanes leaving one source the same way
//! share a track and a leg (a bus, like a net in a schematic). A max-segment-tree keeps this
//! O(L log R) for L lanes and R layers.
//!
//! For crossing reduction, a lane edge is represented at its ends only: the endpoint sees a
//! *phantom* neighbour in the next layer towards the other end, at the top of that layer
//! (track above), the bottom (track below) or between the bands; so sweeps and sifting pull
//! lane endpoints towards their track, and the crossings the legs cause are counted.

/// Smallest layer span of a same-band edge that always goes on a lane.
pub(crate) const LONG_SPAN: usize = 6;

/// Where a lane's track runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Group {
    /// Above the forward band.
    Top = 0,
    /// Between the bands.
    Gap = 1,
    /// Below the adjoint band.
    Bottom = 2,
}

/// One lane edge.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lane {
    /// Source vertex.
    pub src: usize,
    /// Destination vertex.
    pub dst: usize,
    /// Where the track runs.
    pub group: Group,
    /// Track number within the group, 0 nearest the band (the gap: nearest the forward band).
    pub track: usize,
}

/// Dummy vertices allowed: `(nodes + edges) / DUMMY_BUDGET_DIVISOR`. On the generated
/// graphs a half gives the same crossings as unlimited dummies; on deep programs it keeps
/// the layout linear.
pub(crate) const DUMMY_BUDGET_DIVISOR: usize = 2;

/// The lane group of an edge between bands `bs`, `bd` (0 forward, 1 adjoint), should it
/// go on a lane.
pub(crate) fn group(bs: u8, bd: u8) -> Group {
    match (bs, bd) {
        (0, 0) => Group::Top,
        (1, 1) => Group::Bottom,
        _ => Group::Gap,
    }
}

/// Which edges go on lanes, given each edge's bands and layer span: same-band edges
/// spanning [`LONG_SPAN`] layers or more always; of the others spanning two or more (one
/// dummy or more), the shortest get dummies while the dummies stay within
/// `(nodes + edges) / DUMMY_BUDGET_DIVISOR`, and the rest go on lanes. Dummies make better
/// crossing reduction (they take part in it) but cost time: this keeps their number linear
/// in the graph's size, whatever its depth.
pub(crate) fn choose(nodes: usize, edges: &[(u8, u8, usize)]) -> Vec<Option<Group>> {
    let mut out: Vec<Option<Group>> = edges
        .iter()
        .map(|&(bs, bd, span)| (bs == bd && span >= LONG_SPAN).then(|| group(bs, bd)))
        .collect();
    let mut candidates: Vec<usize> = (0..edges.len())
        .filter(|&e| out[e].is_none() && edges[e].2 >= 2)
        .collect();
    adjoint_order::sort_by_key(&mut candidates, |&e| (edges[e].2, e));
    let budget = (nodes + edges.len()) / DUMMY_BUDGET_DIVISOR;
    let mut used = 0usize;
    for e in candidates {
        let (bs, bd, span) = edges[e];
        if used + span - 1 <= budget {
            used += span - 1;
        } else {
            out[e] = Some(group(bs, bd));
        }
    }
    out
}

/// The column gaps `lo..=hi` a lane's track covers (gap `i` lies between layers `i` and
/// `i + 1`): from the gap next to its source to the gap next to its target.
pub(crate) fn gaps(rank: &[usize], lane: &Lane) -> (usize, usize) {
    let (a, b) = (rank[lane.src], rank[lane.dst]);
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    (lo, hi - 1)
}

/// Whether the lane runs left to right.
pub(crate) fn rightwards(rank: &[usize], lane: &Lane) -> bool {
    rank[lane.src] < rank[lane.dst]
}

/// Assigns tracks to every lane (see the module docs); returns the number of tracks used
/// per group.
pub(crate) fn assign_tracks(lanes: &mut [Lane], rank: &[usize], ranks: usize) -> [usize; 3] {
    let mut used = [0usize; 3];
    for group in [Group::Top, Group::Gap, Group::Bottom] {
        // Buses: lanes of this group leaving one source in one direction share a track.
        let mut members: Vec<usize> = (0..lanes.len())
            .filter(|&i| lanes[i].group == group)
            .collect();
        adjoint_order::sort_by_key(&mut members, |&i| {
            (lanes[i].src, rightwards(rank, &lanes[i]), i)
        });
        let mut buses: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        let mut last_key = None;
        for &i in &members {
            let key = (lanes[i].src, rightwards(rank, &lanes[i]));
            let (lo, hi) = gaps(rank, &lanes[i]);
            match buses.last_mut() {
                Some(bus) if last_key == Some(key) => {
                    bus.0 = bus.0.min(lo);
                    bus.1 = bus.1.max(hi);
                    bus.2.push(i);
                }
                _ => buses.push((lo, hi, vec![i])),
            }
            last_key = Some(key);
        }
        // Shorter spans first, so nested lanes nest with the shorter one inside.
        adjoint_order::sort_by_key(&mut buses, |b| (b.1 - b.0, b.0, b.2[0]));
        let mut tree = MaxTree::new(ranks.max(1));
        for (lo, hi, ids) in &buses {
            let track = tree.max(*lo, *hi).map_or(0, |t| t + 1);
            tree.raise(*lo, *hi, track);
            used[group as usize] = used[group as usize].max(track + 1);
            for &i in ids {
                lanes[i].track = track;
            }
        }
    }
    used
}

/// A segment tree over `0..n` with "raise every value in a range to at least t" and
/// "maximum over a range", both O(log n). Values start unset (`None`).
struct MaxTree {
    size: usize,
    /// Max over the node's range (including pending raises), `usize::MAX` for unset.
    max: Vec<usize>,
    /// Raise pending for the node's whole range.
    tag: Vec<usize>,
}

/// Marker for "no value" in [`MaxTree`].
const UNSET: usize = usize::MAX;

impl MaxTree {
    fn new(n: usize) -> Self {
        let size = n.next_power_of_two();
        Self {
            size,
            max: vec![UNSET; 2 * size],
            tag: vec![UNSET; 2 * size],
        }
    }

    fn raise(&mut self, lo: usize, hi: usize, t: usize) {
        self.raise_at(1, 0, self.size - 1, lo, hi, t);
    }

    fn raise_at(&mut self, node: usize, l: usize, r: usize, lo: usize, hi: usize, t: usize) {
        if hi < l || r < lo {
            return;
        }
        if lo <= l && r <= hi {
            self.max[node] = bigger(self.max[node], t);
            self.tag[node] = bigger(self.tag[node], t);
            return;
        }
        let m = (l + r) / 2;
        self.raise_at(2 * node, l, m, lo, hi, t);
        self.raise_at(2 * node + 1, m + 1, r, lo, hi, t);
        self.max[node] = bigger(
            self.tag[node],
            bigger(self.max[2 * node], self.max[2 * node + 1]),
        );
    }

    fn max(&self, lo: usize, hi: usize) -> Option<usize> {
        let m = self.max_at(1, 0, self.size - 1, lo, hi);
        (m != UNSET).then_some(m)
    }

    fn max_at(&self, node: usize, l: usize, r: usize, lo: usize, hi: usize) -> usize {
        if hi < l || r < lo {
            return UNSET;
        }
        if lo <= l && r <= hi {
            return self.max[node];
        }
        let m = (l + r) / 2;
        bigger(
            self.tag[node],
            bigger(
                self.max_at(2 * node, l, m, lo, hi),
                self.max_at(2 * node + 1, m + 1, r, lo, hi),
            ),
        )
    }
}

/// The larger of two values where [`UNSET`] counts as smallest.
fn bigger(a: usize, b: usize) -> usize {
    match (a, b) {
        (UNSET, x) | (x, UNSET) => x,
        (x, y) => x.max(y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lane(src: usize, dst: usize) -> Lane {
        Lane {
            src,
            dst,
            group: Group::Top,
            track: 99,
        }
    }

    #[test]
    fn nested_lanes_nest_and_buses_share() {
        // Ranks: vertex v sits in layer v.
        let rank: Vec<usize> = (0..10).collect();
        // 2->5 inside 1->8; 0->9 and 0->4 share source 0 (one bus spanning 0..=8).
        let mut lanes = vec![lane(2, 5), lane(1, 8), lane(0, 9), lane(0, 4)];
        let used = assign_tracks(&mut lanes, &rank, 10);
        assert_eq!(lanes[0].track, 0);
        assert_eq!(lanes[1].track, 1);
        assert_eq!(lanes[2].track, 2);
        assert_eq!(lanes[3].track, 2);
        assert_eq!(used, [3, 0, 0]);
        // Disjoint spans reuse track 0.
        let mut apart = vec![lane(0, 3), lane(4, 7)];
        assign_tracks(&mut apart, &rank, 10);
        assert_eq!((apart[0].track, apart[1].track), (0, 0));
    }
}
