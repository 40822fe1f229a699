//! The data the caller hands in (`LayoutInput`, `LayoutOptions`) and gets back (`Layout`).
//!
//! Every public struct is serde-serialisable so the web front end can ship it as JSON.

use serde::{Deserialize, Serialize};

/// A point in layout space: x grows to the right (along the layers), y grows downwards.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Point {
    /// Horizontal coordinate.
    pub x: f64,
    /// Vertical coordinate.
    pub y: f64,
}

/// The width and height of a node's box.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Size {
    /// Horizontal extent.
    pub width: f64,
    /// Vertical extent.
    pub height: f64,
}

/// Which horizontal band a node is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Band {
    /// The forward computation, drawn on top, reading left to right.
    #[default]
    Forward,
    /// The adjoint (gradient) computation, drawn below the forward band, reading right to left.
    Adjoint {
        /// Index of the forward node whose column (layer) this node shares; `None` places the
        /// node by its inputs (strictly left of the adjoint nodes it reads).
        column_of: Option<usize>,
    },
}

/// One node to lay out: its box size (from the caller's label metrics) and its band.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LayoutNode {
    /// Box width; finite and not negative.
    pub width: f64,
    /// Box height; finite and not negative.
    pub height: f64,
    /// Forward or adjoint band.
    pub band: Band,
}

impl LayoutNode {
    /// A forward-band node of the given size.
    pub fn forward(width: f64, height: f64) -> Self {
        Self {
            width,
            height,
            band: Band::Forward,
        }
    }

    /// An adjoint-band node of the given size, optionally pinned to a forward node's column.
    pub fn adjoint(width: f64, height: f64, column_of: Option<usize>) -> Self {
        Self {
            width,
            height,
            band: Band::Adjoint { column_of },
        }
    }
}

/// A graph to lay out: nodes and directed edges `src -> dst` (indexes into `nodes`).
///
/// Duplicate edges are allowed and drawn as separate, slightly fanned-out routes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LayoutInput {
    /// The nodes, in the caller's order; the layout refers to them by index.
    pub nodes: Vec<LayoutNode>,
    /// Directed edges `(src, dst)`.
    pub edges: Vec<(usize, usize)>,
}

/// Spacing and effort knobs. `Default` gives values that suit labels of ~12px text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LayoutOptions {
    /// Horizontal gap between the widest boxes of two neighbouring layers.
    pub layer_gap: f64,
    /// Minimum vertical gap between two boxes of the same layer.
    pub node_gap: f64,
    /// Minimum vertical gap next to an edge passing through a layer.
    pub edge_gap: f64,
    /// Vertical gap between the forward band and the adjoint band.
    pub band_gap: f64,
    /// Maximum number of down+up barycenter sweeps in crossing reduction (0 keeps the initial
    /// order, which is only useful to measure what the sweeps gain).
    pub crossing_sweeps: usize,
    /// Number of down+up smoothing passes in coordinate assignment.
    pub placement_passes: usize,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            layer_gap: 60.0,
            node_gap: 20.0,
            edge_gap: 10.0,
            band_gap: 40.0,
            crossing_sweeps: 24,
            placement_passes: 6,
        }
    }
}

/// The drawn route of one input edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EdgeRoute {
    /// Source node index.
    pub src: usize,
    /// Destination node index.
    pub dst: usize,
    /// Polyline from a port on the source box to a port on the destination box, clear of
    /// every box. Draw it as it is, at most rounding its corners: a spline through the
    /// points (Catmull–Rom) overshoots where a short segment meets a long one.
    pub points: Vec<Point>,
}

/// The result of [`crate::layout`]: positions of every node and route of every edge.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Layout {
    /// Centre of each node's box, same order as the input nodes.
    pub nodes: Vec<Point>,
    /// Size of each node's box (copied from the input).
    pub sizes: Vec<Size>,
    /// Layer (column) of each node, 0 = leftmost.
    pub layers: Vec<usize>,
    /// Route of each edge, same order as the input edges.
    pub edges: Vec<EdgeRoute>,
    /// Width of the drawing (all boxes lie in `0..=width`).
    pub width: f64,
    /// Height of the drawing (all boxes lie in `0..=height`).
    pub height: f64,
    /// Edge crossings of the drawn routes, every edge included (long edges at every layer
    /// they pass), as counted by [`crate::count_crossings`] on [`crate::crossing_path`]s:
    /// the same count the Graphviz comparison applies to `dot`'s drawing.
    pub crossings: usize,
}
