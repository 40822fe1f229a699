//! Helpers shared by the integration tests: geometric checks on a finished layout.

#![allow(dead_code)]

use adjoint_layout::{Band, Layout, LayoutInput, Point};

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

/// A chain-shaped extended graph with `n` statements, like `a{i} = f(a{i-1}, x)`: forward
/// node 0 is the input `x` (layer 0), nodes `1..=n` are the chain `a1 -> a2 -> ... -> an`;
/// adjoint node `ā_i` (index `n + i`, pinned to `a_i`) reads `ā_{i+1}`, `a_{i-1}` (a short
/// read edge) and `x` (a read edge from layer 0 to depth `i`); `x̄` (last node, pinned to
/// `x`) reads `ā_1`. Edges: `n` forward, about `3n` into the adjoint band.
pub fn chain_extended(n: usize) -> LayoutInput {
    use adjoint_layout::LayoutNode;
    let mut nodes = vec![LayoutNode::forward(40.0, 30.0)];
    let mut edges = Vec::new();
    for i in 1..=n {
        nodes.push(LayoutNode::forward(50.0, 30.0));
        edges.push((i - 1, i));
    }
    for i in 1..=n {
        nodes.push(LayoutNode::adjoint(60.0, 30.0, Some(i)));
        if i < n {
            edges.push((n + i + 1, n + i));
        }
        edges.push((i - 1, n + i));
        if i > 1 {
            edges.push((0, n + i));
        }
    }
    nodes.push(LayoutNode::adjoint(40.0, 30.0, Some(0)));
    edges.push((n + 1, 2 * n + 1));
    LayoutInput { nodes, edges }
}

/// Whether the segment `a`-`b` meets the open rectangle `(x0, x1) × (y0, y1)`
/// (Liang–Barsky clipping: exact, whatever the segment's length).
pub fn segment_hits_box(a: Point, b: Point, (x0, x1): (f64, f64), (y0, y1): (f64, f64)) -> bool {
    if x0 >= x1 || y0 >= y1 {
        return false;
    }
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.x - x0),
        (dx, x1 - a.x),
        (-dy, a.y - y0),
        (dy, y1 - a.y),
    ] {
        if p == 0.0 {
            // Parallel to this side: inside the open slab or not at all.
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 < t1
}

/// No segment of the route of edge `e` enters the interior of a box other than its own
/// ends (and the first / last segment stays out of the destination / source box). Exact
/// (clipping, not sampling), with a tolerance of `1e-6` on the boxes.
pub fn assert_route_avoids_boxes(layout: &Layout, e: usize) {
    let route = &layout.edges[e];
    let segs: Vec<_> = route.points.windows(2).collect();
    for (k, w) in segs.iter().enumerate() {
        let (a, b) = (w[0], w[1]);
        for (v, (p, s)) in layout.nodes.iter().zip(&layout.sizes).enumerate() {
            let own = (v == route.src && k == 0) || (v == route.dst && k + 1 == segs.len());
            if own {
                continue;
            }
            let xs = (p.x - s.width / 2.0 + 1e-6, p.x + s.width / 2.0 - 1e-6);
            let ys = (p.y - s.height / 2.0 + 1e-6, p.y + s.height / 2.0 - 1e-6);
            assert!(
                !segment_hits_box(a, b, xs, ys),
                "edge {e} ({}->{}) segment {a:?}-{b:?} cuts box {v} at {p:?} {s:?}",
                route.src,
                route.dst
            );
        }
    }
}

/// Every route of `layout` avoids every box it does not start or end at.
pub fn assert_all_routes_avoid_boxes(layout: &Layout) {
    for e in 0..layout.edges.len() {
        assert_route_avoids_boxes(layout, e);
    }
}
