//! Geometry of lane edges (see `lanes`): the y of every track and the x of every leg.
//!
//! A *leg* is the vertical run of a lane edge in the gap between two columns, joining the
//! port on its node's box to its track. Legs of one gap get distinct x positions
//! `edge_gap / 2` apart, centred in the gap; the gap widens when they need more room, so a
//! leg never touches a box. Legs leaving one source the same way (a bus) share one x. In a
//! gap, legs attached to the left column come first, and among them the ones that go up are
//! ordered top node first (so they fan out without crossing each other), the ones that go
//! down bottom node first; legs attached to the right column mirror that.

use std::collections::BTreeMap;

use crate::lanes::{Group, Lane};
use crate::layered::Layered;

/// The `(gap, key)` of the two legs of a lane: the key identifies the leg in its gap (bus
/// legs share it). Source leg first.
fn legs_of(g: &Layered, i: usize, lane: &Lane) -> [(usize, LegKey); 2] {
    let (rs, rd) = (g.rank[lane.src], g.rank[lane.dst]);
    let right = rs < rd;
    let src_gap = if right { rs } else { rs - 1 };
    let dst_gap = if right { rd - 1 } else { rd };
    [
        (src_gap, LegKey::Source(lane.src, right, lane.group)),
        (dst_gap, LegKey::Target(i)),
    ]
}

/// Identity of a leg within its gap.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum LegKey {
    /// The source leg of a bus: source vertex, rightwards, group.
    Source(usize, bool, Group),
    /// The target leg of lane `i`.
    Target(usize),
}

/// Where a leg goes in its gap: (attached to the right column, goes down, order along).
type LegSort = (bool, bool, f64);

/// Spacing of parallel legs and tracks, from the edge gap.
pub(crate) fn spacing(edge_gap: f64) -> f64 {
    edge_gap / 2.0
}

/// Number of distinct legs in every column gap (`ranks - 1` gaps; one more slot is
/// harmless).
pub(crate) fn legs_per_gap(g: &Layered) -> Vec<usize> {
    let mut keys: Vec<(usize, LegKey)> = g
        .lanes
        .iter()
        .enumerate()
        .flat_map(|(i, l)| legs_of(g, i, l))
        .collect();
    adjoint_order::sort(&mut keys);
    keys.dedup();
    let mut count = vec![0usize; g.ranks];
    for (gap, _) in keys {
        count[gap] += 1;
    }
    count
}

/// Where every lane runs: its track's y and the x of its source and target legs.
pub(crate) struct Plan {
    /// y of each lane's track.
    pub track_y: Vec<f64>,
    /// x of each lane's (source leg, target leg).
    pub leg_x: Vec<(f64, f64)>,
}

/// The top and bottom of the forward band (0) and the adjoint band (1), over all vertices.
pub(crate) fn band_spans(g: &Layered, y: &[f64]) -> [(f64, f64); 2] {
    let mut span = [(f64::INFINITY, f64::NEG_INFINITY); 2];
    for (v, &yv) in y.iter().enumerate() {
        let b = usize::from(g.band[v]);
        span[b].0 = span[b].0.min(yv - g.height[v] / 2.0);
        span[b].1 = span[b].1.max(yv + g.height[v] / 2.0);
    }
    span
}

/// y of track `track` of `group`, given the band spans: above the forward band, in the
/// band gap (`band_gap` is the unwidened gap), below the adjoint band.
pub(crate) fn track_y(
    spans: &[(f64, f64); 2],
    group: Group,
    track: usize,
    band_gap: f64,
    edge_gap: f64,
) -> f64 {
    let step = track as f64 * spacing(edge_gap);
    match group {
        Group::Top => spans[0].0 - edge_gap - step,
        Group::Gap => spans[0].1 + band_gap / 2.0 + step,
        Group::Bottom => spans[1].1 + edge_gap + step,
    }
}

/// Track ys and leg xs of every lane. `gap_x(gap)` gives the x range `(left, right)` of a
/// column gap.
pub(crate) fn plan(
    g: &Layered,
    y: &[f64],
    gap_x: impl Fn(usize) -> (f64, f64),
    band_gap: f64,
    edge_gap: f64,
) -> Plan {
    let spans = band_spans(g, y);
    let track_y: Vec<f64> = g
        .lanes
        .iter()
        .map(|l| track_y(&spans, l.group, l.track, band_gap, edge_gap))
        .collect();
    // Per gap, its legs with a sort key: (attached to the right column, goes down, order).
    let mut legs: BTreeMap<(usize, LegKey), LegSort> = BTreeMap::new();
    for (i, l) in g.lanes.iter().enumerate() {
        for (k, (gap, key)) in legs_of(g, i, l).into_iter().enumerate() {
            let node = if k == 0 { l.src } else { l.dst };
            let on_right = g.rank[node] == gap + 1;
            let down = track_y[i] > y[node];
            // Left column: up legs top node first, down legs bottom node first; right
            // column mirrored.
            let along = if down == on_right { y[node] } else { -y[node] };
            legs.insert((gap, key), (on_right, down, along));
        }
    }
    let mut by_gap: BTreeMap<usize, Vec<(LegSort, LegKey)>> = BTreeMap::new();
    for ((gap, key), sort) in legs {
        by_gap.entry(gap).or_default().push((sort, key));
    }
    let mut x_of: BTreeMap<(usize, LegKey), f64> = BTreeMap::new();
    let step = spacing(edge_gap);
    for (gap, mut list) in by_gap {
        adjoint_order::sort_by(&mut list, |a, b| {
            (a.0 .0, a.0 .1)
                .cmp(&(b.0 .0, b.0 .1))
                .then(a.0 .2.total_cmp(&b.0 .2))
                .then(a.1.cmp(&b.1))
        });
        let (left, right) = gap_x(gap);
        let mid = (left + right) / 2.0;
        let first = mid - (list.len() - 1) as f64 * step / 2.0;
        for (slot, (_, key)) in list.into_iter().enumerate() {
            x_of.insert((gap, key), first + slot as f64 * step);
        }
    }
    let leg_x = g
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let [s, d] = legs_of(g, i, l);
            (
                x_of.get(&s).copied().unwrap_or_default(),
                x_of.get(&d).copied().unwrap_or_default(),
            )
        })
        .collect();
    Plan { track_y, leg_x }
}
