//! `layout_dot_json`: DOT text in, a small JSON layout out (for the CLI and quick checks).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::{dot, layout, LayoutError, LayoutOptions};

/// The JSON shape: node centres by id (sorted by id), edge routes in input order, crossings.
#[derive(Serialize)]
struct JsonLayout<'a> {
    nodes: BTreeMap<&'a str, [f64; 2]>,
    edges: Vec<(&'a str, &'a str, Vec<[f64; 2]>)>,
    crossings: usize,
}

/// Rounds to two decimals so the output is short and stable.
fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Parses DOT, lays it out with default options, and prints
/// `{"nodes": {"<id>": [x, y], ...}, "edges": [["<src>", "<dst>", [[x, y], ...]], ...], "crossings": n}`
/// (node centres; each edge's route as a polyline; coordinates rounded to 0.01).
///
/// Errors that name a node index are wrapped in [`LayoutError::AtDotNode`] with its DOT id.
pub fn layout_dot_json(text: &str) -> Result<String, LayoutError> {
    let graph = dot::parse(text)?;
    let result = layout(&graph.to_layout_input(), &LayoutOptions::default())
        .map_err(|e| name_node(&graph, e))?;
    let id = |i: usize| graph.nodes[i].id.as_str();
    let json = JsonLayout {
        nodes: result
            .nodes
            .iter()
            .enumerate()
            .map(|(i, p)| (id(i), [round(p.x), round(p.y)]))
            .collect(),
        edges: result
            .edges
            .iter()
            .map(|e| {
                (
                    id(e.src),
                    id(e.dst),
                    e.points.iter().map(|p| [round(p.x), round(p.y)]).collect(),
                )
            })
            .collect(),
        crossings: result.crossings,
    };
    serde_json::to_string(&json).map_err(|e| LayoutError::Json {
        message: e.to_string(),
    })
}

/// Attaches the DOT id to errors about one node.
fn name_node(graph: &dot::DotGraph, e: LayoutError) -> LayoutError {
    let node = match e {
        LayoutError::Cycle { node }
        | LayoutError::SelfLoop { node }
        | LayoutError::BadSize { node } => node,
        LayoutError::BadColumn { node, .. } => node,
        other => return other,
    };
    match graph.nodes.get(node) {
        Some(n) => LayoutError::AtDotNode {
            id: n.id.clone(),
            source: Box::new(e),
        },
        None => e,
    }
}
