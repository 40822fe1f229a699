//! Helpers shared by the integration tests: geometric checks on a finished layout.

#![allow(dead_code)]

use adjoint_layout::{Band, Layout, LayoutInput};

/// Every pair of boxes is disjoint (touching allowed within `1e-6`).
pub fn assert_no_overlap(layout: &Layout) {
    let n = layout.nodes.len();
    for a in 0..n {
        for b in a + 1..n {
            let (pa, pb) = (layout.nodes[a], layout.nodes[b]);
            let (sa, sb) = (layout.sizes[a], layout.sizes[b]);
            let dx = (pa.x - pb.x).abs() - (sa.width + sb.width) / 2.0;
            let dy = (pa.y - pb.y).abs() - (sa.height + sb.height) / 2.0;
            assert!(
                dx >= -1e-6 || dy >= -1e-6,
                "boxes {a} and {b} overlap: {pa:?} {sa:?} / {pb:?} {sb:?}"
            );
        }
    }
}

/// Every box lies inside `0..=width` × `0..=height` and every coordinate is finite.
pub fn assert_inside(layout: &Layout) {
    for (i, (p, s)) in layout.nodes.iter().zip(&layout.sizes).enumerate() {
        assert!(
            p.x.is_finite() && p.y.is_finite(),
            "node {i} not placed: {p:?}"
        );
        assert!(
            p.x - s.width / 2.0 >= -1e-6 && p.x + s.width / 2.0 <= layout.width + 1e-6,
            "node {i} outside in x"
        );
        assert!(
            p.y - s.height / 2.0 >= -1e-6 && p.y + s.height / 2.0 <= layout.height + 1e-6,
            "node {i} outside in y"
        );
    }
}

/// Forward edges run left to right (x never decreases along the route and the destination
/// is in a later layer); adjoint edges run right to left. Edges between the bands and edges
/// inside one layer are the designed exceptions.
pub fn assert_directions(input: &LayoutInput, layout: &Layout) {
    let adjoint = |v: usize| matches!(input.nodes[v].band, Band::Adjoint { .. });
    for (e, route) in layout.edges.iter().enumerate() {
        let (s, d) = (route.src, route.dst);
        assert_eq!((s, d), input.edges[e]);
        assert!(route.points.len() >= 2, "edge {e} has no route");
        let sign = match (adjoint(s), adjoint(d)) {
            (false, false) => 1.0,
            (true, true) if layout.layers[s] != layout.layers[d] => -1.0,
            _ => continue,
        };
        assert!(
            sign * (layout.nodes[d].x - layout.nodes[s].x) > 0.0,
            "edge {e} ({s}->{d}) goes the wrong way"
        );
        for w in route.points.windows(2) {
            assert!(
                sign * (w[1].x - w[0].x) >= -1e-9,
                "edge {e} doubles back: {:?}",
                route.points
            );
        }
    }
}

/// Pinned adjoint nodes share the column (x) of their forward node and sit below it.
pub fn assert_pinned_columns(input: &LayoutInput, layout: &Layout) {
    for (i, node) in input.nodes.iter().enumerate() {
        if let Band::Adjoint { column_of: Some(f) } = node.band {
            assert_eq!(
                layout.layers[i], layout.layers[f],
                "adjoint {i} not in the layer of {f}"
            );
            assert!((layout.nodes[i].x - layout.nodes[f].x).abs() < 1e-9);
            assert!(
                layout.nodes[i].y > layout.nodes[f].y,
                "adjoint {i} is not below {f}"
            );
        }
    }
}

/// All the geometric checks at once.
pub fn assert_well_formed(input: &LayoutInput, layout: &Layout) {
    assert_eq!(layout.nodes.len(), input.nodes.len());
    assert_eq!(layout.edges.len(), input.edges.len());
    assert_no_overlap(layout);
    assert_inside(layout);
    assert_directions(input, layout);
    assert_pinned_columns(input, layout);
}
