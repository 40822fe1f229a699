//! Edge routing: polylines from a port on the source box, through the dummy points of long
//! edges, to a port on the destination box. Ports on one side of a box are spread over its
//! height in the order of the edges' next points, which also fans out multi-edges. Inside a
//! column an edge runs horizontally (a dummy's slot reserves that row), so routes never cut
//! through boxes; between columns they run straight, which suits a smoothing spline.
//!
//! Read edges (forward → adjoint over more than one rank, no dummies; see `layered`) take
//! the gaps instead: out of the source's side into the gap between columns, down that gap
//! into the gap between the bands, along it on one of a few horizontal lanes, down the gap
//! next to the destination's column, and into the destination's side. Gaps hold no boxes,
//! so these routes never cut through one.

use crate::layered::Layered;
use crate::order::Order;
use crate::position::Columns;
use crate::{EdgeRoute, LayoutInput, LayoutOptions, Point};

/// Fraction of a box's height over which its ports may spread.
const PORT_SPREAD: f64 = 0.6;
/// Where the vertical lane of an edge inside one column sits, as a fraction of `layer_gap`.
const LANE: f64 = 0.3;
/// Number of horizontal lanes for read edges in the band gap (and the gap grows by
/// `edge_gap / 2` per lane in use).
pub(crate) const READ_LANES: usize = 6;

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

/// Routes every input edge.
pub(crate) fn route_edges(
    input: &LayoutInput,
    geo: &Geometry<'_>,
    o: &LayoutOptions,
) -> Vec<EdgeRoute> {
    let ports = port_offsets(input, geo, o);
    let mut lanes = vec![0usize; geo.g.ranks];
    let gap = band_gap_span(geo);
    let n_lanes = read_lanes(geo.g.read.iter().filter(|&&r| r).count()).max(1);
    let mut reads = 0usize;
    input
        .edges
        .iter()
        .enumerate()
        .map(|(e, &(src, dst))| {
            let mut points = match direction(geo.g, src, dst) {
                dir if geo.g.read[e] => {
                    reads += 1;
                    read_route(
                        input,
                        geo,
                        o,
                        (src, dst),
                        ports[e],
                        dir,
                        (gap, n_lanes, reads - 1),
                    )
                }
                Direction::Within => within(input, geo, o, (src, dst), ports[e], &mut lanes),
                dir => across(input, geo, geo.g.chain_of(e), ports[e], dir),
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
        let after_src = chain.get(1).copied().unwrap_or(dst);
        let before_dst = chain.len().checked_sub(2).map_or(src, |i| chain[i]);
        ends.push((src, s_side, geo.y[after_src], e, 0));
        ends.push((dst, d_side, geo.y[before_dst], e, 1));
    }
    ends.sort_by(|a, b| {
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
    // Sign of travel along x: +1 rightwards, -1 leftwards.
    let s = if dir == Direction::Rightwards {
        1.0
    } else {
        -1.0
    };
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

/// Number of lanes the band gap needs for `reads` read edges.
pub(crate) fn read_lanes(reads: usize) -> usize {
    reads.min(READ_LANES)
}

/// Bottom of the forward band and top of the adjoint band (real boxes only).
fn band_gap_span(geo: &Geometry<'_>) -> (f64, f64) {
    let g = geo.g;
    let mut span = (f64::NEG_INFINITY, f64::INFINITY);
    for v in 0..g.n_real {
        if g.band[v] == 0 {
            span.0 = span.0.max(geo.y[v] + g.height[v] / 2.0);
        } else {
            span.1 = span.1.min(geo.y[v] - g.height[v] / 2.0);
        }
    }
    span
}

/// Route of read edge number `k` (in input order) through the gaps, on one of `lanes`
/// horizontal lanes spread over the band gap `(top, bottom)`.
fn read_route(
    input: &LayoutInput,
    geo: &Geometry<'_>,
    o: &LayoutOptions,
    (src, dst): (usize, usize),
    port: (f64, f64),
    dir: Direction,
    ((top, bottom), lanes, k): ((f64, f64), usize, usize),
) -> Vec<Point> {
    let g = geo.g;
    let s = if dir == Direction::Rightwards {
        1.0
    } else {
        -1.0
    };
    let lane_y = top + (bottom - top) * ((k % lanes) + 1) as f64 / (lanes + 1) as f64;
    // Vertical runs sit in the middle part of the gap between columns, fanned by `k`.
    let inset = o.layer_gap * (0.35 + 0.1 * (k % 4) as f64);
    let (rs, rd) = (g.rank[src], g.rank[dst]);
    let (cs, cd) = (geo.cols.centre[rs], geo.cols.centre[rd]);
    let gx_s = cs + s * (geo.cols.half[rs] + inset);
    let gx_d = cd - s * (geo.cols.half[rd] + inset);
    let (ys, yd) = (geo.y[src] + port.0, geo.y[dst] + port.1);
    vec![
        Point {
            x: cs + s * input.nodes[src].width / 2.0,
            y: ys,
        },
        Point { x: gx_s, y: ys },
        Point { x: gx_s, y: lane_y },
        Point { x: gx_d, y: lane_y },
        Point { x: gx_d, y: yd },
        Point {
            x: cd - s * input.nodes[dst].width / 2.0,
            y: yd,
        },
    ]
}
