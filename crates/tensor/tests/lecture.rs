//! The lecture's examples: §2.6 (Z = XW, X̄ = Z̄Wᵀ, W̄ = XᵀZ̄) and §2.7 (the adjoint of a
//! dict is a dict of the same keys with zeros where nothing flowed).

use adjoint_tensor::kernels::linalg::{matmul, transpose};
use adjoint_tensor::presets::{DICT_PROGRAM, MATMUL_PROGRAM};
use adjoint_tensor::{gradients, Tensor, Value};

const XW: &str = r#"{"X": [[1, 2, 0], [0, -1, 1]], "W": [[0.5, -1], [0.25, 0.5], [1, 0]]}"#;

fn tensor(v: &Value) -> &Tensor {
    v.tensor("test").expect("a tensor")
}

fn close(a: &[f64], b: &[f64]) {
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert!((x - y).abs() < 1e-12, "{a:?} vs {b:?}");
    }
}

#[test]
fn xbar_is_zbar_times_w_transposed_and_shapes_line_up() {
    let (_, g) = gradients(MATMUL_PROGRAM, XW).expect("runs");
    let x = Tensor::new(vec![2, 3], vec![1.0, 2.0, 0.0, 0.0, -1.0, 1.0]).expect("x");
    let w = Tensor::new(vec![3, 2], vec![0.5, -1.0, 0.25, 0.5, 1.0, 0.0]).expect("w");
    let z = matmul(&x, &w).expect("z");
    // v = Σ tanh(Z): Z̄ = 1 − tanh²(Z).
    let zbar = z.map(|s| 1.0 - s.tanh().powi(2));
    let xbar = matmul(&zbar, &transpose(&w).expect("wt")).expect("xbar");
    let wbar = matmul(&transpose(&x).expect("xt"), &zbar).expect("wbar");
    assert_eq!(tensor(&g["X"]).shape, vec![2, 3], "X̄ has X's shape");
    assert_eq!(tensor(&g["W"]).shape, vec![3, 2], "W̄ has W's shape");
    close(&tensor(&g["X"]).data, &xbar.data);
    close(&tensor(&g["W"]).data, &wbar.data);
}

#[test]
fn trace_shows_xbar_as_zbar_w_transposed() {
    let t = adjoint_tensor::run(MATMUL_PROGRAM, XW, adjoint_engine::Mode::Extended).expect("runs");
    let xbar = t
        .nodes
        .iter()
        .find(|n| n.label == "X̄_{X→Z}")
        .or_else(|| t.nodes.iter().find(|n| n.label.starts_with("X̄")))
        .expect("a partial adjoint for X");
    let def = adjoint_engine::render::text::text(&xbar.definition);
    assert_eq!(def, "Z̄·Wᵀ", "X̄ = Z̄ Wᵀ as in the lecture");
    match &xbar.shaped {
        Some(adjoint_engine::ShapedValue::Tensor { shape, .. }) => assert_eq!(shape, &vec![2, 3]),
        other => panic!("X̄ carries no tensor: {other:?}"),
    }
    // The adjoint of Z (Z̄, 2×2) is found from Z's visit, next to Z's value.
    let z = t.nodes.iter().position(|n| n.label == "Z").expect("Z") as u32;
    let zbar = adjoint_tensor::record::adjoint_node_of(&t, z).expect("Z̄");
    assert_eq!(
        t.nodes[zbar as usize]
            .also
            .as_ref()
            .map(|s| s.stem.as_str()),
        Some("Z")
    );
    assert_eq!(
        t.nodes[zbar as usize].shaped,
        t.nodes[z as usize].shaped.as_ref().map(|v| match v {
            adjoint_engine::ShapedValue::Tensor { shape, data } =>
                adjoint_engine::ShapedValue::Tensor {
                    shape: shape.clone(),
                    data: data.iter().map(|s| 1.0 - s.tanh().powi(2)).collect(),
                },
            other => other.clone(),
        })
    );
    // Every node carries a finite scalar `value` (the UI flags NaN).
    assert!(t
        .nodes
        .iter()
        .all(|n| n.value.is_finite() && n.shaped.is_some()));
}

#[test]
fn dict_adjoint_has_a_zero_where_nothing_flowed() {
    let mut p = adjoint_tensor::compile(DICT_PROGRAM, r#"{"a0": 1.5, "a1": 2}"#).expect("compiles");
    let d = p
        .graph
        .nodes()
        .iter()
        .position(|n| n.name.as_deref() == Some("d"))
        .expect("d");
    let b = adjoint_tensor::reverse::backward(&mut p.graph, p.output, None).expect("backward");
    let dbar =
        adjoint_tensor::reverse::adjoint_value(&p.graph, &b, adjoint_tensor::NodeId(d as u32));
    // y = b², b = d["cat"] = a0 = 1.5: b̄ = 2b = 3, d̄ = {"cat": 3, "dog": 0}.
    let Value::Dict(m) = &dbar else {
        panic!("d̄ is not a dict: {dbar:?}")
    };
    assert_eq!(m.keys().cloned().collect::<Vec<_>>(), vec!["cat", "dog"]);
    assert_eq!(m["cat"], Value::scalar(3.0));
    assert_eq!(m["dog"], Value::scalar(0.0));
    let (_, g) = gradients(DICT_PROGRAM, r#"{"a0": 1.5, "a1": 2}"#).expect("runs");
    assert_eq!(g["a0"], Value::scalar(3.0));
    assert_eq!(g["a1"], Value::scalar(0.0));
}

#[test]
fn tuple_adjoint_likewise() {
    let src = "t = (a, B)\nc = t[1]\ny = sum(c * c)";
    let (_, g) = gradients(src, r#"{"a": 2, "B": [1, -3]}"#).expect("runs");
    assert_eq!(g["a"], Value::scalar(0.0));
    assert_eq!(tensor(&g["B"]).data, vec![2.0, -6.0]);
    let mut p = adjoint_tensor::compile(src, r#"{"a": 2, "B": [1, -3]}"#).expect("compiles");
    let b = adjoint_tensor::reverse::backward(&mut p.graph, p.output, None).expect("backward");
    let t = adjoint_tensor::NodeId(2); // a, B, t
    let tbar = adjoint_tensor::reverse::adjoint_value(&p.graph, &b, t);
    assert_eq!(
        tbar,
        Value::Tuple(vec![
            Value::scalar(0.0),
            Value::Tensor(Tensor::new(vec![2], vec![2.0, -6.0]).expect("t"))
        ])
    );
}

#[test]
fn dict_inputs_from_json() {
    let (_, g) = gradients("y = d[\"dog\"] * 3", r#"{"d": {"cat": 1, "dog": 2}}"#).expect("runs");
    let Value::Dict(m) = &g["d"] else {
        panic!("not a dict")
    };
    assert_eq!(m["cat"], Value::scalar(0.0));
    assert_eq!(m["dog"], Value::scalar(3.0));
}
