//! The lecture's examples across crates: every mode's trace survives a JSON round trip
//! (what the app and the CLI exchange), reveals nodes monotonically frame by frame, and
//! its final graph lays out with the adjoint band below the forward band, each adjoint
//! v̄_i in the column of v_i, and no two boxes overlapping.

use adjoint_engine::{frame_at, run, Mode, NodeKind, Trace};
use adjoint_layout::{layout, Layout, LayoutInput, LayoutNode, LayoutOptions};

const EXAMPLES: [(&str, &str); 2] = [
    ("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5"),
    ("v2 = exp(x1); v3 = v2 + 1; v4 = v2 * v3", "x1=1"),
];

fn traces() -> Vec<Trace> {
    let mut out = Vec::new();
    for (src, at) in EXAMPLES {
        for mode in Mode::ALL {
            out.push(run(src, at, mode, 0).expect("lecture programs are valid"));
        }
    }
    out
}

/// The trace's final graph as the app lays it out: forward nodes in the forward band,
/// created nodes in the adjoint band pinned to their column.
fn layout_of(t: &Trace) -> Layout {
    let nodes = t
        .nodes
        .iter()
        .map(|n| {
            let width = 24.0 + 8.0 * n.label.chars().count() as f64;
            match n.created_at {
                None => LayoutNode::forward(width, 40.0),
                Some(_) => LayoutNode::adjoint(width, 40.0, n.column_of.map(|c| c as usize)),
            }
        })
        .collect();
    let edges = t.edges();
    layout(&LayoutInput { nodes, edges }, &LayoutOptions::default()).expect("a DAG lays out")
}

#[test]
fn traces_round_trip_through_json() {
    for t in traces() {
        let json = serde_json::to_string(&t).expect("serialises");
        let back: Trace = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, t);
    }
}

#[test]
fn frames_only_ever_reveal_nodes() {
    for t in traces() {
        let mut before = frame_at(&t, 0).visible;
        assert_eq!(
            before.iter().filter(|v| **v).count(),
            t.forward_count as usize,
            "step 0 shows the forward graph"
        );
        for k in 1..=t.steps.len() {
            let now = frame_at(&t, k).visible;
            assert!(
                before.iter().zip(&now).all(|(b, n)| !b || *n),
                "{:?} step {k} hid a node",
                t.mode
            );
            before = now;
        }
        assert!(before.iter().all(|v| *v), "the last frame shows every node");
    }
}

#[test]
fn the_extended_graph_lays_out_in_two_bands_without_overlap() {
    for t in traces().into_iter().filter(|t| t.mode == Mode::Extended) {
        let l = layout_of(&t);
        let forward_bottom = (0..t.forward_count as usize)
            .map(|i| l.nodes[i].y + l.sizes[i].height / 2.0)
            .fold(f64::MIN, f64::max);
        for (i, n) in t.nodes.iter().enumerate().skip(t.forward_count as usize) {
            let top = l.nodes[i].y - l.sizes[i].height / 2.0;
            assert!(
                top > forward_bottom,
                "{} sits below the forward band",
                n.label
            );
            if matches!(n.kind, NodeKind::Seed | NodeKind::Adjoint) {
                let of = n.column_of.expect("adjoints name their node") as usize;
                assert_eq!(
                    l.layers[i], l.layers[of],
                    "{} sits in the column of {}",
                    n.label, t.nodes[of].label
                );
            }
        }
        for i in 0..l.nodes.len() {
            for j in i + 1..l.nodes.len() {
                let (a, b) = (l.nodes[i], l.nodes[j]);
                let overlap_x = (a.x - b.x).abs() < (l.sizes[i].width + l.sizes[j].width) / 2.0;
                let overlap_y = (a.y - b.y).abs() < (l.sizes[i].height + l.sizes[j].height) / 2.0;
                assert!(
                    !(overlap_x && overlap_y),
                    "{} and {} overlap",
                    t.nodes[i].label,
                    t.nodes[j].label
                );
            }
        }
        // Inputs on the left, the output on the right.
        assert_eq!(l.layers[0], 0);
        assert!(
            l.layers[t.output as usize]
                >= l.layers[..t.forward_count as usize]
                    .iter()
                    .copied()
                    .max()
                    .unwrap_or(0)
        );
    }
}

#[test]
fn backprop_adds_nothing_while_reverse_ad_grows_the_graph() {
    let ts = traces();
    for pair in ts.chunks(4) {
        let count = |m: Mode| {
            pair.iter()
                .find(|t| t.mode == m)
                .map(|t| t.nodes.len())
                .unwrap_or(0)
        };
        assert_eq!(count(Mode::Backprop), count(Mode::Reverse));
        assert!(count(Mode::Extended) > count(Mode::Backprop));
        let grads: Vec<Vec<f64>> = pair
            .iter()
            .map(|t| t.result.gradient.iter().map(|g| g.value).collect())
            .collect();
        for g in &grads[1..] {
            for (a, b) in g.iter().zip(&grads[0]) {
                assert!((a - b).abs() < 1e-12, "every mode gives the same gradient");
            }
        }
    }
}
