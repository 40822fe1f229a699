//! Input checks done before any layout work: sizes, options, edge indexes, self loops,
//! `column_of` targets and cycles (via petgraph's iterative topological sort).

use petgraph::algo::toposort;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::{Band, LayoutError, LayoutInput, LayoutOptions};

/// Checks everything `layout` relies on; the first problem found is returned.
pub(crate) fn validate(input: &LayoutInput, options: &LayoutOptions) -> Result<(), LayoutError> {
    check_options(options)?;
    let count = input.nodes.len();
    for (i, node) in input.nodes.iter().enumerate() {
        if !is_size(node.width) || !is_size(node.height) {
            return Err(LayoutError::BadSize { node: i });
        }
        if let Band::Adjoint { column_of: Some(f) } = node.band {
            let forward = input.nodes.get(f).is_some_and(|n| n.band == Band::Forward);
            if !forward {
                return Err(LayoutError::BadColumn {
                    node: i,
                    column_of: f,
                });
            }
        }
    }
    for (e, &(s, d)) in input.edges.iter().enumerate() {
        for node in [s, d] {
            if node >= count {
                return Err(LayoutError::EdgeOutOfRange {
                    edge: e,
                    node,
                    count,
                });
            }
        }
        if s == d {
            return Err(LayoutError::SelfLoop { node: s });
        }
    }
    check_acyclic(input)
}

fn is_size(v: f64) -> bool {
    v.is_finite() && v >= 0.0
}

fn check_options(o: &LayoutOptions) -> Result<(), LayoutError> {
    let fields = [
        ("layer_gap", o.layer_gap),
        ("node_gap", o.node_gap),
        ("edge_gap", o.edge_gap),
        ("band_gap", o.band_gap),
    ];
    match fields.iter().find(|(_, v)| !is_size(*v)) {
        Some((name, _)) => Err(LayoutError::BadOption { name }),
        None => Ok(()),
    }
}

/// Uses petgraph's `toposort`, whose error names a node on a cycle.
fn check_acyclic(input: &LayoutInput) -> Result<(), LayoutError> {
    let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(input.nodes.len(), input.edges.len());
    for _ in &input.nodes {
        graph.add_node(());
    }
    for &(s, d) in &input.edges {
        graph.add_edge(NodeIndex::new(s), NodeIndex::new(d), ());
    }
    toposort(&graph, None)
        .map(|_| ())
        .map_err(|cycle| LayoutError::Cycle {
            node: cycle.node_id().index(),
        })
}
