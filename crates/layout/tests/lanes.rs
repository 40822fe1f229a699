//! Long edges on lanes, on the extended graphs of real programs (built by the engine as the
//! app lays them out): no dummy chains (so the layout stays linear in the graph's size),
//! tracks outside the bands, routes that cut no box, and crossings counted on the routes.

mod common;

#[path = "../examples/programs/mod.rs"]
mod programs;

use adjoint_layout::{crossing_path, layout, Band, Layout, LayoutInput, LayoutOptions};
use common::{assert_all_routes_avoid_boxes, assert_well_formed};

fn lay_out(shape: &programs::Shape, n: usize) -> (LayoutInput, Layout) {
    let input = programs::layout_input(&programs::trace(shape, n));
    let out = layout(&input, &LayoutOptions::default()).expect("program graphs lay out");
    (input, out)
}

fn forward(input: &LayoutInput, v: usize) -> bool {
    input.nodes[v].band == Band::Forward
}

/// Top of the forward band and bottom of the adjoint band, over the boxes.
fn band_limits(input: &LayoutInput, out: &Layout) -> (f64, f64) {
    let mut top = f64::INFINITY;
    let mut bottom = f64::NEG_INFINITY;
    for (v, (p, s)) in out.nodes.iter().zip(&out.sizes).enumerate() {
        if forward(input, v) {
            top = top.min(p.y - s.height / 2.0);
        } else {
            bottom = bottom.max(p.y + s.height / 2.0);
        }
    }
    (top, bottom)
}

#[test]
fn program_graphs_are_well_formed_and_routes_avoid_boxes() {
    for shape in &programs::SHAPES {
        for n in [1, 3, 12, 40] {
            let (input, out) = lay_out(shape, n);
            assert_well_formed(&input, &out);
            assert_all_routes_avoid_boxes(&out);
        }
    }
}

/// Dummies stay within (nodes + edges) / 2, however deep the program, so the routes (6
/// points a lane, 4 plus 2 per dummy otherwise) total at most 7 per edge plus 1 per node.
/// With a dummy per layer crossed, x1's edges alone would need ~n²/2 points.
#[test]
fn routes_stay_linear_however_deep_the_program() {
    for shape in &programs::SHAPES {
        let (input, out) = lay_out(shape, 333);
        assert!(
            out.layers.iter().max().copied().unwrap_or(0) > 300,
            "deep graph expected"
        );
        let (n, m) = (input.nodes.len(), input.edges.len());
        let points: usize = out.edges.iter().map(|r| r.points.len()).sum();
        assert!(
            points <= 7 * m + n,
            "{}: {points} points for {n} nodes, {m} edges",
            shape.name
        );
    }
}

/// x1 is read by every statement: its long forward edges (6 layers or more) run on one
/// shared track above the forward band (a bus), and long adjoint→adjoint edges run below
/// the adjoint band.
#[test]
fn long_edges_run_outside_the_bands() {
    let (input, out) = lay_out(&programs::SHAPES[0], 30);
    let (top, bottom) = band_limits(&input, &out);
    let mut bus = Vec::new();
    let mut below = 0;
    for (e, &(s, d)) in input.edges.iter().enumerate() {
        let span = out.layers[s].abs_diff(out.layers[d]);
        let pts = &out.edges[e].points;
        let (min_y, max_y) = pts
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
                (a.min(p.y), b.max(p.y))
            });
        match (forward(&input, s), forward(&input, d)) {
            (true, true) if span >= 6 => {
                assert!(min_y < top, "edge {e} should run above the forward band");
                if s == 0 {
                    bus.push(min_y);
                }
            }
            (false, false) if span >= 6 => {
                assert!(max_y > bottom, "edge {e} should run below the adjoint band");
                below += 1;
            }
            _ => {}
        }
    }
    assert!(bus.len() >= 20, "x1 feeds most statements: {}", bus.len());
    assert!(
        bus.iter().all(|&y| (y - bus[0]).abs() < 1e-9),
        "one track: {bus:?}"
    );
    assert!(below >= 20, "x̄1's partials read far adjoints: {below}");
}

/// `Layout::crossings` is exactly `count_crossings` over the `crossing_path`s of the
/// public routes, with each layer's rank line at its nodes' x: the count is a property of
/// the drawing, long edges included (the same procedure counts dot's drawings).
#[test]
fn reported_crossings_are_those_of_the_drawn_routes() {
    for (shape, n) in [(&programs::SHAPES[0], 30), (&programs::SHAPES[2], 30)] {
        let (_, out) = lay_out(shape, n);
        let layers = out.layers.iter().max().map_or(0, |l| l + 1);
        let mut rank_x = vec![f64::NAN; layers];
        for (v, &l) in out.layers.iter().enumerate() {
            rank_x[l] = out.nodes[v].x;
        }
        let paths: Vec<_> = out
            .edges
            .iter()
            .map(|r| {
                let end = |v: usize| (out.layers[v], out.nodes[v].y);
                crossing_path(&rank_x, end(r.src), end(r.dst), &r.points)
            })
            .collect();
        assert_eq!(adjoint_layout::count_crossings(&paths), out.crossings);
        assert!(
            out.crossings > 0,
            "these graphs cannot be drawn without crossings"
        );
    }
}
