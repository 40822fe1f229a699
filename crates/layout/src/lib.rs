//! Layered left-to-right layout of DAGs, tuned for the extended graphs of reverse-mode AD.
//!
//! Inputs sit on the left, the output on the right, layers along x. Nodes in
//! [`Band::Adjoint`] are drawn in a band below the forward band; an adjoint node pinned with
//! `column_of` shares the column of its forward node, so the gradient computation reads right
//! to left underneath the forward computation and forward→adjoint edges stay short (instead of
//! one long DAG whose dummy nodes grow as O(N × depth)).
//!
//! Pipeline (one file per step): `validate` → `rank` (layers) → `layered` (dummy
//! vertices) → `lanes` (tracks for long edges) → `order` (crossing reduction) → `position`
//! (coordinates, via `pav`) → `legs` (lane geometry) → `route` (edge polylines) →
//! `crossings` (counted on the drawn routes). Long edges get no dummy vertices (same-band
//! edges spanning six layers or more, and the longest others once dummies would exceed
//! (nodes + edges) / 2): they run along tracks above the forward band, between the bands
//! or below the adjoint band, reached by vertical legs in the gaps between columns, so they
//! never cut through a box and the number of vertices stays O(nodes + edges) whatever the
//! graph's depth. The result is a
//! pure function of the input: no hashing, no clocks, no randomness.

#![forbid(unsafe_code)]

mod crossings;
pub mod dot;
mod error;
pub mod generate;
mod json;
mod lanes;
mod layered;
mod legs;
mod model;
mod neighbours;
mod order;
mod pav;
mod position;
mod rank;
mod route;
mod sift;
mod validate;

pub use crossings::{count_crossings, crossing_path};
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
    let step = legs::spacing(options.edge_gap);
    let extra: Vec<f64> = legs::legs_per_gap(&g)
        .iter()
        .map(|&k| k.saturating_sub(1) as f64 * step)
        .collect();
    let cols = columns(&g, &widths, options.layer_gap, &extra);
    // Tracks between the bands widen the band gap; tracks above the forward band push
    // everything down.
    let placed = LayoutOptions {
        band_gap: options.band_gap + g.tracks[1].saturating_sub(1) as f64 * step,
        ..*options
    };
    let (mut y, height) = y_coordinates(&g, &order, &placed);
    let top = if g.tracks[0] > 0 {
        options.edge_gap + (g.tracks[0] - 1) as f64 * step
    } else {
        0.0
    };
    y.iter_mut().for_each(|v| *v += top);
    let gap_x = |gap: usize| {
        (
            cols.centre[gap] + cols.half[gap],
            cols.centre[gap + 1] - cols.half[gap + 1],
        )
    };
    let plan = legs::plan(&g, &y, gap_x, options.band_gap, options.edge_gap);
    let geo = Geometry {
        g: &g,
        order: &order,
        cols: &cols,
        y: &y,
        plan: &plan,
    };
    let edges = route_edges(input, &geo, options);
    let nodes: Vec<Point> = (0..input.nodes.len())
        .map(|v| Point {
            x: cols.centre[g.rank[v]],
            y: y[v],
        })
        .collect();
    let (width, height) = extent(&edges, cols.width, height + top);
    let paths: Vec<Vec<(usize, f64)>> = edges
        .iter()
        .map(|e| {
            let end = |v: usize| (g.rank[v], y[v]);
            crossing_path(&cols.centre, end(e.src), end(e.dst), &e.points)
        })
        .collect();
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
        crossings: count_crossings(&paths),
        edges,
        width,
        height,
    })
}

/// Grows the drawing's extent to cover every route point (lanes may leave the last column).
fn extent(edges: &[EdgeRoute], width: f64, height: f64) -> (f64, f64) {
    edges
        .iter()
        .flat_map(|e| &e.points)
        .fold((width, height), |(w, h), p| (w.max(p.x), h.max(p.y)))
}
