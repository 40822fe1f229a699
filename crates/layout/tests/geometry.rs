//! Geometric properties of layouts of generated extended AD graphs and small hand-made ones.

mod common;

use adjoint_layout::generate::extended_graph;
use adjoint_layout::{layout, LayoutInput, LayoutNode, LayoutOptions};
use common::assert_well_formed;

#[test]
fn generated_graphs_are_well_formed() {
    for (n, seed) in [(1, 1), (2, 2), (5, 3), (10, 4), (30, 5), (100, 6)] {
        let input = extended_graph(n, seed).to_layout_input();
        let out = layout(&input, &LayoutOptions::default()).expect("generated graphs are valid");
        assert_well_formed(&input, &out);
    }
}

#[test]
fn layout_is_deterministic() {
    let input = extended_graph(60, 9).to_layout_input();
    let a = layout(&input, &LayoutOptions::default()).expect("valid");
    let b = layout(&input.clone(), &LayoutOptions::default()).expect("valid");
    assert_eq!(a, b);
    let json_a = serde_json::to_string(&a).expect("serialisable");
    let json_b = serde_json::to_string(&b).expect("serialisable");
    assert_eq!(json_a, json_b);
}

#[test]
fn adjoint_band_lies_below_forward_band() {
    let input = extended_graph(40, 11).to_layout_input();
    let out = layout(&input, &LayoutOptions::default()).expect("valid");
    let bottom_of_forward = (0..40)
        .map(|i| out.nodes[i].y + out.sizes[i].height / 2.0)
        .fold(f64::MIN, f64::max);
    for i in 40..input.nodes.len() {
        assert!(
            out.nodes[i].y - out.sizes[i].height / 2.0 >= bottom_of_forward,
            "adjoint {i} intrudes"
        );
    }
}

/// v1 -> v2 -> v3 with adjoints read right to left: v̄3 (seed) -> v̄2 -> v̄1, and
/// v̄1 = v̄2 · v2 reads v2, v̄2 reads v1. Every adjoint shares its forward node's column.
/// The two reads cross between layers 0 and 1 whatever the order (v1 and v2 are above
/// v̄1 and v̄2, and the reads join v1–v̄2 and v2–v̄1): exactly one crossing.
#[test]
fn chain_with_adjoints_mirrors_forward_columns() {
    let nodes = vec![
        LayoutNode::forward(40.0, 30.0),
        LayoutNode::forward(40.0, 30.0),
        LayoutNode::forward(40.0, 30.0),
        LayoutNode::adjoint(40.0, 30.0, Some(2)),
        LayoutNode::adjoint(40.0, 30.0, Some(1)),
        LayoutNode::adjoint(40.0, 30.0, Some(0)),
    ];
    let edges = vec![(0, 1), (1, 2), (3, 4), (4, 5), (1, 5), (0, 4)];
    let input = LayoutInput { nodes, edges };
    let out = layout(&input, &LayoutOptions::default()).expect("valid");
    assert_eq!(out.layers, vec![0, 1, 2, 2, 1, 0]);
    assert_well_formed(&input, &out);
    assert_eq!(out.crossings, 1);
}

#[test]
fn long_edges_route_around_boxes() {
    // a -> b -> c -> d and a long edge a -> d: the long edge must not pass through b or c.
    let nodes = vec![LayoutNode::forward(50.0, 30.0); 4];
    let input = LayoutInput {
        nodes,
        edges: vec![(0, 1), (1, 2), (2, 3), (0, 3)],
    };
    let out = layout(&input, &LayoutOptions::default()).expect("valid");
    assert_well_formed(&input, &out);
    let route = &out.edges[3].points;
    for b in [1, 2] {
        let (p, s) = (out.nodes[b], out.sizes[b]);
        for q in route {
            let inside = (q.x - p.x).abs() < s.width / 2.0 && (q.y - p.y).abs() < s.height / 2.0;
            assert!(!inside, "route point {q:?} inside box {b}");
        }
        // The horizontal run through b's column is at a y outside b's box.
        let through: Vec<_> = route
            .iter()
            .filter(|q| (q.x - p.x).abs() <= s.width / 2.0)
            .collect();
        assert!(through.iter().all(|q| (q.y - p.y).abs() >= s.height / 2.0));
    }
}

#[test]
fn multi_edges_are_fanned_out() {
    let nodes = vec![LayoutNode::forward(40.0, 30.0); 2];
    let input = LayoutInput {
        nodes,
        edges: vec![(0, 1), (0, 1), (0, 1)],
    };
    let out = layout(&input, &LayoutOptions::default()).expect("valid");
    let starts: Vec<f64> = out.edges.iter().map(|e| e.points[0].y).collect();
    assert!(
        starts[0] < starts[1] && starts[1] < starts[2],
        "ports not spread: {starts:?}"
    );
    assert_eq!(out.crossings, 0);
}

#[test]
fn boxes_honour_their_sizes_and_gaps() {
    let options = LayoutOptions::default();
    // One source feeding five sinks of different heights: the sinks stack in one layer.
    let mut nodes = vec![LayoutNode::forward(30.0, 20.0)];
    nodes.extend(
        (0..5).map(|i| LayoutNode::forward(30.0 + 10.0 * i as f64, 20.0 + 15.0 * i as f64)),
    );
    let input = LayoutInput {
        nodes,
        edges: (1..6).map(|i| (0, i)).collect(),
    };
    let out = layout(&input, &options).expect("valid");
    assert_well_formed(&input, &out);
    let mut ys: Vec<(f64, f64)> = (1..6)
        .map(|i| (out.nodes[i].y, out.sizes[i].height))
        .collect();
    ys.sort_by(|a, b| a.0.total_cmp(&b.0));
    for w in ys.windows(2) {
        let gap = (w[1].0 - w[1].1 / 2.0) - (w[0].0 + w[0].1 / 2.0);
        assert!(gap >= options.node_gap - 1e-6, "gap {gap} too small");
    }
}

#[test]
fn huge_sizes_are_fine() {
    let nodes = vec![
        LayoutNode::forward(1e9, 1e7),
        LayoutNode::forward(3.0, 1e8),
        LayoutNode::adjoint(0.0, 0.0, Some(0)),
    ];
    let input = LayoutInput {
        nodes,
        edges: vec![(0, 1), (1, 2)],
    };
    let out = layout(&input, &LayoutOptions::default()).expect("valid");
    assert_well_formed(&input, &out);
}
