//! Edge routing: polylines from a port on the source box, through the dummy points of long
//! edges, to a port on the destination box. Ports on one side of a box are spread over its
//! height in the order of the edges' next points, which also fans out multi-edges. Inside a
//! column an edge runs horizontally (a dummy's slot reserves that row), so routes never cut
//! through boxes; between columns they run straight.
//!
//! Lane edges (long edges and edges between the bands, no dummies; see `lanes`) take the
//! gaps instead: out of the source's side into the gap between columns, along a vertical
//! leg to their track (above the forward band, between the bands, or below the adjoint
//! band), along the track, down or up a leg in the gap next to the destination's column,
//! and into the destination's side (see `legs` for where legs and tracks go). Gaps and
//! tracks hold no boxes, so these routes never cut through one.

use crate::layered::Layered;
use crate::legs::Plan;
use crate::order::Order;
use crate::position::Columns;
use crate::{EdgeRoute, LayoutInput, LayoutOptions, Point};

/// Fraction of a box's height over which its ports may spread.
const PORT_SPREAD: f64 = 0.6;
/// Where the vertical lane of an edge inside one column sits, as a fraction of `layer_gap`.
const LANE: f64 = 0.3;

/// Everything routing needs to know about positions.
pub(crate) struct Geometry<'a> {
    /// The layered graph.
    pub g: &'a Layered,
    /// The final vertex order.
    pub order: &'a Order,
    /// Column positions.
    pub cols: &'a Columns,
    /// y of every vertex.
    pub y: &'a [f64],
    /// Tracks and legs of the lane edges.
    pub plan: &'a Plan,
}

/// Left or right side of a box.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Left,
    Right,
}

/// How an edge travels: left to right, right to left, or within one column.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Rightwards,
    Leftwards,
    Within,
}

impl Direction {
    /// Sign of travel along x: +1 rightwards, -1 otherwise.
    fn sign(self) -> f64 {
        if self == Direction::Rightwards {
            1.0
        } else {
            -1.0
        }
    }
}

/// Routes every input edge.
pub(crate) fn route_edges(
    input: &LayoutInput,
    geo: &Geometry<'_>,
    o: &LayoutOptions,
) -> Vec<EdgeRoute> {
    let ports = port_offsets(input, geo, o);
    let mut lanes = vec![0usize; geo.g.ranks];
    input
        .edges
        .iter()
        .enumerate()
        .map(|(e, &(src, dst))| {
            let mut points = match (direction(geo.g, src, dst), geo.g.lane_of[e]) {
                (dir, Some(l)) => lane_route(input, geo, (src, dst), ports[e], dir, l),
                (Direction::Within, None) => {
                    within(input, geo, o, (src, dst), ports[e], &mut lanes)
                }
                (dir, None) => across(input, geo, geo.g.chain_of(e), ports[e], dir),
            };
            points.dedup();
            EdgeRoute { src, dst, points }
        })
        .collect()
}

fn direction(g: &Layered, src: usize, dst: usize) -> Direction {
    match g.rank[src].cmp(&g.rank[dst]) {
        std::cmp::Ordering::Less => Direction::Rightwards,
        std::cmp::Ordering::Greater => Direction::Leftwards,
        std::cmp::Ordering::Equal => Direction::Within,
    }
}

/// The sides an edge leaves its source from and enters its destination by.
fn sides(dir: Direction) -> (Side, Side) {
    match dir {
        Direction::Rightwards => (Side::Right, Side::Left),
        Direction::Leftwards => (Side::Left, Side::Right),
        Direction::Within => (Side::Right, Side::Right),
    }
}

/// Vertical port offsets `(at source, at destination)` of every edge.
fn port_offsets(input: &LayoutInput, geo: &Geometry<'_>, o: &LayoutOptions) -> Vec<(f64, f64)> {
    // (node, side, y of the neighbouring route point, edge, end)
    let mut ends: Vec<(usize, Side, f64, usize, usize)> = Vec::with_capacity(input.edges.len() * 2);
    for (e, &(src, dst)) in input.edges.iter().enumerate() {
        let chain = geo.g.chain_of(e);
        let (s_side, d_side) = sides(direction(geo.g, src, dst));
        // The y the route heads to next: the track for lane edges.
        let (next_s, next_d) = match geo.g.lane_of[e] {
            Some(l) => (geo.plan.track_y[l], geo.plan.track_y[l]),
            None => {
                let after_src = chain.get(1).copied().unwrap_or(dst);
                let before_dst = chain.len().checked_sub(2).map_or(src, |i| chain[i]);
                (geo.y[after_src], geo.y[before_dst])
            }
        };
        ends.push((src, s_side, next_s, e, 0));
        ends.push((dst, d_side, next_d, e, 1));
    }
    adjoint_order::sort_by(&mut ends, |a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then(a.2.total_cmp(&b.2))
            .then((a.3, a.4).cmp(&(b.3, b.4)))
    });
    let mut ports = vec![(0.0, 0.0); input.edges.len()];
    let mut i = 0;
    while i < ends.len() {
        let (node, side) = (ends[i].0, ends[i].1);
        let mut j = i;
        while j < ends.len() && ends[j].0 == node && ends[j].1 == side {
            j += 1;
        }
        let k = j - i;
        let spread =
            (input.nodes[node].height * PORT_SPREAD).min((k - 1) as f64 * o.edge_gap * 0.6);
        for (slot, end) in ends[i..j].iter().enumerate() {
            let offset = if k > 1 {
                -spread / 2.0 + spread * slot as f64 / (k - 1) as f64
            } else {
                0.0
            };
            if end.4 == 0 {
                ports[end.3].0 = offset;
            } else {
                ports[end.3].1 = offset;
            }
        }
        i = j;
    }
    ports
}

/// Route of an edge between different ranks, through its dummies.
fn across(
    input: &LayoutInput,
    geo: &Geometry<'_>,
    chain: &[usize],
    port: (f64, f64),
    dir: Direction,
) -> Vec<Point> {
    let g = geo.g;
    let s = dir.sign();
    let mut pts = Vec::with_capacity(chain.len() * 2 + 2);
    let (src, dst) = (chain[0], chain[chain.len() - 1]);
    let (cx, half) = (geo.cols.centre[g.rank[src]], geo.cols.half[g.rank[src]]);
    let ys = geo.y[src] + port.0;
    pts.push(Point {
        x: cx + s * input.nodes[src].width / 2.0,
        y: ys,
    });
    pts.push(Point {
        x: cx + s * half,
        y: ys,
    });
    for &d in &chain[1..chain.len() - 1] {
        let (cx, half) = (geo.cols.centre[g.rank[d]], geo.cols.half[g.rank[d]]);
        pts.push(Point {
            x: cx - s * half,
            y: geo.y[d],
        });
        pts.push(Point {
            x: cx + s * half,
            y: geo.y[d],
        });
    }
    let (cx, half) = (geo.cols.centre[g.rank[dst]], geo.cols.half[g.rank[dst]]);
    let yd = geo.y[dst] + port.1;
    pts.push(Point {
        x: cx - s * half,
        y: yd,
    });
    pts.push(Point {
        x: cx - s * input.nodes[dst].width / 2.0,
        y: yd,
    });
    pts
}

/// Route of an edge inside one column: straight down/up when the two boxes are neighbours,
/// otherwise out of the right side, along a vertical lane in the gap, and back in.
fn within(
    input: &LayoutInput,
    geo: &Geometry<'_>,
    o: &LayoutOptions,
    (src, dst): (usize, usize),
    port: (f64, f64),
    lanes: &mut [usize],
) -> Vec<Point> {
    let r = geo.g.rank[src];
    let (cx, half) = (geo.cols.centre[r], geo.cols.half[r]);
    let (ys, yd) = (geo.y[src], geo.y[dst]);
    if geo.order.pos[src].abs_diff(geo.order.pos[dst]) == 1 {
        let down = if yd >= ys { 1.0 } else { -1.0 };
        return vec![
            Point {
                x: cx,
                y: ys + down * input.nodes[src].height / 2.0,
            },
            Point {
                x: cx,
                y: yd - down * input.nodes[dst].height / 2.0,
            },
        ];
    }
    let lane = cx + half + o.layer_gap * LANE + (lanes[r] % 4) as f64 * o.edge_gap / 2.0;
    lanes[r] += 1;
    vec![
        Point {
            x: cx + input.nodes[src].width / 2.0,
            y: ys + port.0,
        },
        Point {
            x: lane,
            y: ys + port.0,
        },
        Point {
            x: lane,
            y: yd + port.1,
        },
        Point {
            x: cx + input.nodes[dst].width / 2.0,
            y: yd + port.1,
        },
    ]
}

/// Route of lane edge `l` (see the module docs).
fn lane_route(
    input: &LayoutInput,
    geo: &Geometry<'_>,
    (src, dst): (usize, usize),
    port: (f64, f64),
    dir: Direction,
    l: usize,
) -> Vec<Point> {
    let g = geo.g;
    let s = dir.sign();
    let track = geo.plan.track_y[l];
    let (leg_s, leg_d) = geo.plan.leg_x[l];
    let (cs, cd) = (geo.cols.centre[g.rank[src]], geo.cols.centre[g.rank[dst]]);
    let (ys, yd) = (geo.y[src] + port.0, geo.y[dst] + port.1);
    vec![
        Point {
            x: cs + s * input.nodes[src].width / 2.0,
            y: ys,
        },
        Point { x: leg_s, y: ys },
        Point { x: leg_s, y: track },
        Point { x: leg_d, y: track },
        Point { x: leg_d, y: yd },
        Point {
            x: cd - s * input.nodes[dst].width / 2.0,
            y: yd,
        },
    ]
}
