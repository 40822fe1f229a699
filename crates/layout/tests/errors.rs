//! Bad and degenerate inputs: typed errors, never a panic.

mod common;

use adjoint_layout::{layout, Band, LayoutError, LayoutInput, LayoutNode, LayoutOptions};

fn nodes(n: usize) -> Vec<LayoutNode> {
    vec![LayoutNode::forward(40.0, 30.0); n]
}

fn run(
    nodes: Vec<LayoutNode>,
    edges: Vec<(usize, usize)>,
) -> Result<adjoint_layout::Layout, LayoutError> {
    layout(&LayoutInput { nodes, edges }, &LayoutOptions::default())
}

#[test]
fn empty_graph_gives_empty_layout() {
    let out = run(Vec::new(), Vec::new()).expect("empty is fine");
    assert!(out.nodes.is_empty() && out.edges.is_empty());
    assert_eq!((out.width, out.height, out.crossings), (0.0, 0.0, 0));
}

#[test]
fn single_node_sits_at_the_origin_corner() {
    let out = run(nodes(1), Vec::new()).expect("valid");
    assert_eq!(out.nodes[0].x, 20.0);
    assert_eq!(out.nodes[0].y, 15.0);
    assert_eq!((out.width, out.height), (40.0, 30.0));
}

#[test]
fn cycle_names_a_node_on_it() {
    // 0 -> 1 -> 2 -> 3 -> 1: the cycle is 1, 2, 3.
    let err = run(nodes(4), vec![(0, 1), (1, 2), (2, 3), (3, 1)]).expect_err("cycle");
    match err {
        LayoutError::Cycle { node } => {
            assert!([1, 2, 3].contains(&node), "node {node} is not on the cycle")
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn self_loop_is_an_error() {
    assert_eq!(
        run(nodes(2), vec![(0, 1), (1, 1)]),
        Err(LayoutError::SelfLoop { node: 1 })
    );
}

#[test]
fn edge_out_of_range_is_an_error() {
    assert_eq!(
        run(nodes(2), vec![(0, 1), (1, 7)]),
        Err(LayoutError::EdgeOutOfRange {
            edge: 1,
            node: 7,
            count: 2
        })
    );
}

#[test]
fn nan_infinite_and_negative_sizes_are_errors() {
    for bad in [f64::NAN, f64::INFINITY, -1.0] {
        let mut ns = nodes(3);
        ns[2].height = bad;
        assert_eq!(run(ns, vec![(0, 1)]), Err(LayoutError::BadSize { node: 2 }));
    }
}

#[test]
fn column_of_must_name_a_forward_node() {
    let mut ns = nodes(3);
    ns[1].band = Band::Adjoint { column_of: None };
    ns[2].band = Band::Adjoint { column_of: Some(1) };
    assert_eq!(
        run(ns.clone(), Vec::new()),
        Err(LayoutError::BadColumn {
            node: 2,
            column_of: 1
        })
    );
    ns[2].band = Band::Adjoint { column_of: Some(9) };
    assert_eq!(
        run(ns, Vec::new()),
        Err(LayoutError::BadColumn {
            node: 2,
            column_of: 9
        })
    );
}

#[test]
fn bad_options_are_errors() {
    let options = LayoutOptions {
        node_gap: f64::NAN,
        ..LayoutOptions::default()
    };
    let input = LayoutInput {
        nodes: nodes(1),
        edges: Vec::new(),
    };
    assert_eq!(
        layout(&input, &options),
        Err(LayoutError::BadOption { name: "node_gap" })
    );
}

#[test]
fn duplicate_edges_are_fine() {
    let out = run(nodes(3), vec![(0, 1), (0, 1), (1, 2), (0, 2), (0, 2)]).expect("valid");
    assert_eq!(out.edges.len(), 5);
}

#[test]
fn contradictory_pins_do_not_fail() {
    // An adjoint edge between two nodes pinned to the same column, and one pointing the
    // "wrong" way for its pins: both are drawn, neither is an error.
    let mut ns = nodes(2);
    ns.push(LayoutNode::adjoint(40.0, 30.0, Some(0)));
    ns.push(LayoutNode::adjoint(40.0, 30.0, Some(0)));
    ns.push(LayoutNode::adjoint(40.0, 30.0, Some(1)));
    let out = run(ns, vec![(0, 1), (2, 3), (2, 4)]).expect("valid");
    assert_eq!(out.layers, vec![0, 1, 0, 0, 1]);
}

/// Degenerate geometry: zero spacing and zero-sized boxes put every column at the same x,
/// so rank lines coincide; long edges on lanes still lay out, count and stay finite.
#[test]
fn zero_spacing_and_zero_sizes_lay_out() {
    let mut input = common::chain_extended(20);
    for node in &mut input.nodes {
        node.width = 0.0;
        node.height = 0.0;
    }
    // A long forward edge (on a lane) and a duplicate of it.
    input.edges.push((0, 20));
    input.edges.push((0, 20));
    let o = LayoutOptions {
        layer_gap: 0.0,
        node_gap: 0.0,
        edge_gap: 0.0,
        band_gap: 0.0,
        ..LayoutOptions::default()
    };
    let out = layout(&input, &o).expect("degenerate but valid");
    assert!(out
        .edges
        .iter()
        .flat_map(|e| &e.points)
        .all(|p| p.x.is_finite() && p.y.is_finite()));
    assert_eq!(out.nodes.len(), input.nodes.len());
}
