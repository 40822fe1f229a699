//! Golden tests: every number of the lecture's examples (DIGEST §1.4–2.4).

use adjoint_engine::modes::extended::extend;
use adjoint_engine::render::text::{chain, text};
use adjoint_engine::{compile, run, Mode, NodeKind, Op, StepKind};

const LECTURE: &str = "ln(x1) + x1*x2 - sin(x2)";
const AT: &str = "x1=2, x2=5";

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 5e-4
}

#[test]
fn forward_values_match_the_table_of_section_1_4() {
    let t = run(LECTURE, AT, Mode::Reverse, 0).expect("runs");
    let want = [2.0, 5.0, 0.693, 10.0, -0.959, 10.693, 11.652];
    let defs = [
        "x1",
        "x2",
        "ln v1",
        "v1 × v2",
        "sin v2",
        "v3 + v4",
        "v6 − v5",
    ];
    assert_eq!(t.forward_count, 7);
    for (i, node) in t.nodes.iter().enumerate() {
        assert_eq!(node.label, format!("v{}", i + 1));
        assert!(
            close(node.value, want[i]),
            "v{} = {} (want {})",
            i + 1,
            node.value,
            want[i]
        );
        assert_eq!(text(&node.definition), defs[i]);
    }
}

#[test]
fn forward_mode_tangents_of_section_1_5() {
    let t = run(LECTURE, AT, Mode::Forward, 0).expect("runs");
    let tangents: Vec<f64> = t
        .steps
        .iter()
        .filter(|s| s.kind == StepKind::Tangent)
        .map(|s| s.value)
        .collect();
    assert_eq!(tangents, vec![1.0, 0.0, 0.5, 5.0, 0.0, 5.5, 5.5]);
    assert_eq!(chain(&t.steps[2].equation), "v̇3 = v̇1/v1 = 1 × 0.5 = 0.5");
    assert_eq!(chain(&t.steps[3].equation[..2]), "v̇4 = v̇1·v2 + v̇2·v1");
    assert_eq!(t.result.gradient[0].value, 5.5);
}

#[test]
fn reverse_adjoints_of_section_2_1() {
    let t = run(LECTURE, AT, Mode::Reverse, 0).expect("runs");
    let visits: Vec<(u32, f64)> = t
        .steps
        .iter()
        .filter(|s| s.kind == StepKind::Visit)
        .map(|s| (s.node, s.value))
        .collect();
    let order: Vec<u32> = visits.iter().map(|v| v.0).collect();
    assert_eq!(
        order,
        vec![6, 5, 4, 3, 2, 1, 0],
        "reverse topological order v7..v1"
    );
    let want = [5.5, 1.716, 1.0, 1.0, -1.0, 1.0, 1.0];
    for (node, value) in visits {
        assert!(close(value, want[node as usize]), "v̄{} = {value}", node + 1);
    }
    let v2 = t
        .steps
        .iter()
        .find(|s| s.kind == StepKind::Visit && s.node == 1)
        .expect("v2 visited");
    assert_eq!(
        chain(&v2.equation),
        "v̄2 = v̄_{2→5} + v̄_{2→4} = v̄5·cos v2 + v̄4·v1 = -0.284 + 2 = 1.716"
    );
    assert_eq!(t.result.gradient[0].value, 5.5);
    assert!(close(t.result.gradient[1].value, 1.716));
}

#[test]
fn extended_graph_of_section_2_4_has_exactly_the_lecture_nodes() {
    let t = run(
        "v2 = exp(x1); v3 = v2 + 1; v4 = v2 * v3",
        "x1=1",
        Mode::Extended,
        0,
    )
    .expect("runs");
    let created: Vec<(String, NodeKind, String)> = t
        .nodes
        .iter()
        .filter(|n| n.created_at.is_some())
        .map(|n| (n.label.clone(), n.kind, text(&n.definition)))
        .collect();
    assert_eq!(
        created,
        vec![
            ("v̄4".to_string(), NodeKind::Seed, "1".to_string()),
            (
                "v̄_{2→4}".to_string(),
                NodeKind::Partial,
                "v̄4·v3".to_string()
            ),
            (
                "v̄_{3→4}".to_string(),
                NodeKind::Partial,
                "v̄4·v2".to_string()
            ),
            (
                "v̄2".to_string(),
                NodeKind::Adjoint,
                "v̄_{2→4} + v̄_{2→3}".to_string()
            ),
            (
                "v̄_{1→2}".to_string(),
                NodeKind::Partial,
                "v̄2·v2".to_string()
            ),
        ],
        "seed, two products at v4, one sum at v2, one product at v1 reusing v2 (no new exp node)"
    );
    // v3 has one partial: no sum node, the partial itself is v̄3.
    let v34 = t
        .nodes
        .iter()
        .find(|n| n.label == "v̄_{3→4}")
        .expect("exists");
    assert_eq!(v34.also.as_ref().map(|s| s.sub.as_str()), Some("3"));
    // d/dx (e^x (e^x + 1)) = 2e^{2x} + e^x
    let e = 1f64.exp();
    assert!((t.result.gradient[0].value - (2.0 * e * e + e)).abs() < 1e-12);
    assert!(!t
        .nodes
        .iter()
        .any(|n| n.created_at.is_some() && n.op == "exp"));
}

#[test]
fn extended_mode_on_the_running_example_gives_5_5_and_1_716() {
    let t = run(LECTURE, AT, Mode::Extended, 0).expect("runs");
    assert_eq!(t.result.gradient[0].value, 5.5);
    assert!(close(t.result.gradient[1].value, 1.716));
    let v2 = t
        .steps
        .iter()
        .find(|s| s.kind == StepKind::Visit && s.node == 1)
        .expect("v2 visited");
    assert!(close(v2.value, 1.716));
    assert_eq!(t.steps.last().map(|s| s.kind), Some(StepKind::Done));
}

#[test]
fn backprop_adds_no_node_and_agrees() {
    let t = run(LECTURE, AT, Mode::Backprop, 0).expect("runs");
    assert_eq!(t.nodes.len(), 7);
    assert_eq!(t.result.gradient[0].value, 5.5);
    assert!(close(t.result.gradient[1].value, 1.716));
}

#[test]
fn the_extended_graph_evaluates_at_new_inputs_without_rerunning_ad() {
    let values = [("x1".to_string(), 2.0), ("x2".to_string(), 5.0)];
    let c = compile(LECTURE, &values).expect("compiles");
    let ext = extend(c.graph(), c.output(), |_| {});
    // ∂y/∂x1 = 1/x1 + x2, ∂y/∂x2 = x1 − cos x2
    let g = ext.gradient_at(&[3.0, -1.0]);
    assert!((g[0] - (1.0 / 3.0 - 1.0)).abs() < 1e-15);
    assert!((g[1] - (3.0 - (-1f64).cos())).abs() < 1e-15);
    assert!(matches!(ext.graph.node(ext.seed).op, Op::Const(v) if v == 1.0));
}
