//! Crossing counting (hand-computed cases) and what crossing reduction gains.

use adjoint_layout::generate::extended_graph;
use adjoint_layout::{count_crossings, layout, LayoutInput, LayoutNode, LayoutOptions};

#[test]
fn count_crossings_by_hand() {
    // Two segments between ranks 0 and 1 forming an X: one crossing.
    assert_eq!(
        count_crossings(&[vec![(0, 0.0), (1, 1.0)], vec![(0, 1.0), (1, 0.0)]]),
        1
    );
    // Shared endpoint: no crossing. Parallel: none.
    assert_eq!(
        count_crossings(&[vec![(0, 0.0), (1, 1.0)], vec![(0, 0.0), (1, 0.0)]]),
        0
    );
    assert_eq!(
        count_crossings(&[vec![(0, 0.0), (1, 0.0)], vec![(0, 1.0), (1, 1.0)]]),
        0
    );
    // Direction does not matter: the second path runs right to left.
    assert_eq!(
        count_crossings(&[vec![(0, 0.0), (1, 1.0)], vec![(1, 0.0), (0, 1.0)]]),
        1
    );
    // A long path crossing two short ones in different gaps.
    let long = vec![(0, 0.0), (1, 5.0), (2, 5.0)];
    assert_eq!(
        count_crossings(&[long, vec![(0, 3.0), (1, 1.0)], vec![(1, 9.0), (2, 1.0)]]),
        2
    );
    // Steps inside a rank are not counted; empty input is zero.
    assert_eq!(
        count_crossings(&[vec![(0, 0.0), (0, 5.0)], vec![(0, 3.0), (1, 1.0)]]),
        0
    );
    assert_eq!(count_crossings(&[]), 0);
}

/// Runs (steps over several ranks at one key, as tracks are written) cross the segments
/// whose keys straddle them, in every gap they cover; never each other; and cost no more
/// than the equivalent expanded path.
#[test]
fn runs_count_like_expanded_paths() {
    // A track at y = 5 from rank 0 to rank 4.
    let run = vec![(0, 0.0), (1, 5.0), (3, 5.0), (4, 0.0)];
    let expanded = vec![(0, 0.0), (1, 5.0), (2, 5.0), (3, 5.0), (4, 0.0)];
    let others = [
        vec![(1, 0.0), (2, 9.0)], // straddles 5 in gap 1: crosses
        vec![(2, 9.0), (3, 1.0)], // straddles 5 in gap 2: crosses
        vec![(2, 6.0), (3, 9.0)], // stays below: no
        vec![(1, 5.0), (2, 9.0)], // touches the track's key: no
        vec![(5, 0.0), (6, 9.0)], // outside the run: no
        vec![(0, 1.0), (2, 1.0)], // another run: parallel, no (but crosses the first leg)
    ];
    let with = |p: &Vec<(usize, f64)>| {
        let mut all = vec![p.clone()];
        all.extend(others.iter().cloned());
        count_crossings(&all)
    };
    assert_eq!(with(&run), with(&expanded));
    // Gap 0: the leg (0→5) crosses the run at 1. Gap 1: the track crosses (0→9), which
    // also crosses the run at 1. Gap 2: the track crosses (9→1), which crosses (6→9).
    assert_eq!(with(&run), 5);
    // A step over several ranks with different keys is interpolated.
    assert_eq!(
        count_crossings(&[vec![(0, 0.0), (2, 2.0)], vec![(1, 2.0), (2, 0.0)]]),
        1
    );
}

/// `crossing_path` reads the y of a polyline at every rank line between its ends, and
/// writes a horizontal piece over several rank lines as two points.
#[test]
fn crossing_path_samples_rank_lines() {
    use adjoint_layout::{crossing_path, Point};
    let p = |x: f64, y: f64| Point { x, y };
    let rank_x = [0.0, 10.0, 20.0, 30.0, 40.0, 50.0];
    // Up a leg at x = 5 to y = -10, along the track to x = 45, down into rank 5 at y = 2.
    let route = [
        p(0.0, 0.0),
        p(5.0, 0.0),
        p(5.0, -10.0),
        p(45.0, -10.0),
        p(45.0, 2.0),
        p(50.0, 2.0),
    ];
    assert_eq!(
        crossing_path(&rank_x, (0, 0.0), (5, 2.0), &route),
        vec![(0, 0.0), (1, -10.0), (4, -10.0), (5, 2.0)]
    );
    // A diagonal: one point per rank line, interpolated; leftwards works the same.
    let diag = [p(40.0, 4.0), p(0.0, 0.0)];
    assert_eq!(
        crossing_path(&rank_x, (4, 4.0), (0, 0.0), &diag),
        vec![(4, 4.0), (3, 3.0), (2, 2.0), (1, 1.0), (0, 0.0)]
    );
    // Adjacent ranks and a rank with itself: just the ends.
    assert_eq!(crossing_path(&rank_x, (1, 1.0), (2, 2.0), &diag).len(), 2);
    assert_eq!(crossing_path(&rank_x, (1, 1.0), (1, 2.0), &diag).len(), 2);
}

/// K(3,3) between two layers: every pair of edges with distinct ends on both sides
/// crosses in any order, so crossings = C(3,2) · C(3,2) = 9.
#[test]
fn complete_bipartite_has_nine_crossings() {
    let nodes = vec![LayoutNode::forward(30.0, 20.0); 6];
    let edges = (0..3).flat_map(|a| (3..6).map(move |b| (a, b))).collect();
    let out = layout(&LayoutInput { nodes, edges }, &LayoutOptions::default()).expect("valid");
    assert_eq!(out.crossings, 9);
}

/// Two crossed pairs that reduction fully untangles: a0->b1, a1->b0 in input order cross
/// once; the sweeps find the order without crossings.
#[test]
fn simple_x_is_untangled() {
    let nodes = vec![LayoutNode::forward(30.0, 20.0); 4];
    let input = LayoutInput {
        nodes,
        edges: vec![(0, 3), (1, 2)],
    };
    let none = LayoutOptions {
        crossing_sweeps: 0,
        ..LayoutOptions::default()
    };
    assert_eq!(layout(&input, &none).expect("valid").crossings, 1);
    assert_eq!(
        layout(&input, &LayoutOptions::default())
            .expect("valid")
            .crossings,
        0
    );
}

#[test]
fn sweeps_reduce_crossings_on_generated_graphs() {
    let none = LayoutOptions {
        crossing_sweeps: 0,
        ..LayoutOptions::default()
    };
    for (n, seed) in [(30, 1), (100, 2), (200, 3)] {
        let input = extended_graph(n, seed).to_layout_input();
        let before = layout(&input, &none).expect("valid").crossings;
        let after = layout(&input, &LayoutOptions::default())
            .expect("valid")
            .crossings;
        assert!(after * 2 < before, "n={n}: {before} -> {after}");
    }
}

/// The reported count covers the short edges too: recounting only the edges between
/// adjacent layers (node centre to node centre) never gives more.
#[test]
fn reported_count_includes_short_edges() {
    let input = extended_graph(40, 5).to_layout_input();
    let out = layout(&input, &LayoutOptions::default()).expect("valid");
    let short: Vec<Vec<(usize, f64)>> = input
        .edges
        .iter()
        .filter(|&&(s, d)| out.layers[s].abs_diff(out.layers[d]) <= 1)
        .map(|&(s, d)| {
            vec![
                (out.layers[s], out.nodes[s].y),
                (out.layers[d], out.nodes[d].y),
            ]
        })
        .collect();
    assert!(count_crossings(&short) <= out.crossings);
}
