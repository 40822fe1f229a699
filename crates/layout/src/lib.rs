//! Layered left-to-right layout of DAGs, tuned for the extended graphs of reverse-mode AD.
//!
//! Inputs sit on the left, the output on the right, layers along x. Nodes in
//! [`Band::Adjoint`] are drawn in a band below the forward band; an adjoint node pinned with
//! `column_of` shares the column of its forward node, so the gradient computation reads right
//! to left underneath the forward computation and forward→adjoint edges stay short (instead of
//! one long DAG whose dummy nodes grow as O(N × depth)).
//!
//! Pipeline (one file per step): `validate` → `rank` (layers) → `layered` (dummy
//! vertices) → `order` (crossing reduction) → `position` (coordinates, via `pav`) →
//! `route` (edge polylines). Forward→adjoint *read* edges spanning more than one layer get
//! no dummy vertices and take no part in crossing reduction; they are routed through the
//! gaps between columns and the gap between the bands (which widens a little for their
//! lanes), so they never cut through a box. The result is a pure function of the input: no hashing, no
//! clocks, no randomness.

#![forbid(unsafe_code)]

mod crossings;
pub mod dot;
mod error;
pub mod generate;
mod json;
mod layered;
mod model;
mod neighbours;
mod order;
mod pav;
mod position;
mod rank;
mod route;
mod sift;
mod validate;

pub use crossings::count_crossings;
pub use error::LayoutError;
pub use json::layout_dot_json;
pub use model::{Band, EdgeRoute, Layout, LayoutInput, LayoutNode, LayoutOptions, Point, Size};

use layered::Layered;
use position::{columns, y_coordinates};
use route::{route_edges, Geometry};

/// Lays out `input` left to right; see the crate docs for the algorithm.
///
/// Errors on cycles, self loops, out-of-range edges, invalid sizes or `column_of` targets,
/// and invalid options. An empty graph gives an empty layout.
pub fn layout(input: &LayoutInput, options: &LayoutOptions) -> Result<Layout, LayoutError> {
    validate::validate(input, options)?;
    if input.nodes.is_empty() {
        return Ok(Layout::default());
    }
    let (node_rank, ranks) = rank::assign_ranks(input);
    let g = Layered::new(input, &node_rank, ranks);
    let (order, _) = order::reduce_crossings(&g, options.crossing_sweeps);
    let widths: Vec<f64> = input.nodes.iter().map(|n| n.width).collect();
    let cols = columns(&g, &widths, options.layer_gap);
    // Read edges run along lanes in the band gap: widen it a little for them.
    let reads = g.read.iter().filter(|&&r| r).count();
    let placed = LayoutOptions {
        band_gap: options.band_gap + route::read_lanes(reads) as f64 * options.edge_gap / 2.0,
        ..*options
    };
    let (y, height) = y_coordinates(&g, &order, &placed);
    let geo = Geometry {
        g: &g,
        order: &order,
        cols: &cols,
        y: &y,
    };
    let edges = route_edges(input, &geo, options);
    let nodes: Vec<Point> = (0..input.nodes.len())
        .map(|v| Point {
            x: cols.centre[g.rank[v]],
            y: y[v],
        })
        .collect();
    let (width, height) = extent(&edges, cols.width, height);
    Ok(Layout {
        nodes,
        sizes: input
            .nodes
            .iter()
            .map(|n| Size {
                width: n.width,
                height: n.height,
            })
            .collect(),
        layers: node_rank,
        crossings: count_crossings(&rank_paths(&g, &y)),
        edges,
        width,
        height,
    })
}

/// Every edge as `(rank, y)` points through its vertices, for [`count_crossings`]. A read
/// edge is just `[src, dst]`, ranks apart, so it is not counted (it is routed separately).
fn rank_paths(g: &Layered, y: &[f64]) -> Vec<Vec<(usize, f64)>> {
    (0..g.chain_start.len() - 1)
        .map(|e| g.chain_of(e).iter().map(|&v| (g.rank[v], y[v])).collect())
        .collect()
}

/// Grows the drawing's extent to cover every route point (lanes may leave the last column).
fn extent(edges: &[EdgeRoute], width: f64, height: f64) -> (f64, f64) {
    edges
        .iter()
        .flat_map(|e| &e.points)
        .fold((width, height), |(w, h), p| (w.max(p.x), h.max(p.y)))
}
