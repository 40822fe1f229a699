//! Forward→adjoint read edges on chain-shaped extended graphs: no dummies (route size grows
//! linearly), routes through the gaps that cut no box, and no overlapping boxes.

mod common;

use adjoint_layout::{layout, Band, LayoutOptions};
use common::{assert_route_avoids_boxes, assert_well_formed, chain_extended};

/// Total route points of a layout of `chain_extended(n)`.
fn route_points(n: usize) -> usize {
    let input = chain_extended(n);
    let l = layout(&input, &LayoutOptions::default()).expect("chain graph lays out");
    l.edges.iter().map(|e| e.points.len()).sum()
}

#[test]
fn read_edges_avoid_boxes() {
    for n in [3, 12, 40] {
        let input = chain_extended(n);
        let l = layout(&input, &LayoutOptions::default()).expect("chain graph lays out");
        assert_well_formed(&input, &l);
        let forward = |v: usize| input.nodes[v].band == Band::Forward;
        let mut reads = 0;
        for (e, &(s, d)) in input.edges.iter().enumerate() {
            if forward(s) && !forward(d) && l.layers[s].abs_diff(l.layers[d]) > 1 {
                reads += 1;
                assert_route_avoids_boxes(&l, e);
            }
        }
        assert!(
            reads + 2 >= n,
            "expected a read edge per depth, got {reads}"
        );
    }
}

#[test]
fn route_points_grow_linearly() {
    // With dummies, the read edges from layer 0 alone would bring ~n²/2 points.
    let (small, large) = (route_points(25), route_points(100));
    assert!(
        large <= 5 * small,
        "{small} points at n=25, {large} at n=100"
    );
    let edges = chain_extended(100).edges.len();
    assert!(large <= 8 * edges, "{large} points for {edges} edges");
}

#[test]
fn chain_layout_is_deterministic() {
    let input = chain_extended(30);
    let o = LayoutOptions::default();
    assert_eq!(layout(&input, &o).ok(), layout(&input, &o).ok());
}

#[test]
fn read_edges_avoid_boxes_on_generated_graphs() {
    for n in [10, 60] {
        let input = adjoint_layout::generate::extended_graph(n, 42).to_layout_input();
        let l = layout(&input, &LayoutOptions::default()).expect("generated graph lays out");
        let forward = |v: usize| input.nodes[v].band == Band::Forward;
        for (e, &(s, d)) in input.edges.iter().enumerate() {
            if forward(s) && !forward(d) && l.layers[s].abs_diff(l.layers[d]) > 1 {
                assert_route_avoids_boxes(&l, e);
            }
        }
    }
}
