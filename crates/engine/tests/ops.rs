//! Every op's rules checked against central differences of its own evaluation: the
//! numeric local partial, the graph-building vjp, and the displayed formula.

use adjoint_engine::graph::op::ALL_OPS;
use adjoint_engine::modes::extended::extend;
use adjoint_engine::rules::eval::{eval_graph, eval_scalar};
use adjoint_engine::rules::partial::local_partial;
use adjoint_engine::{Graph, Op};

/// Inputs inside every op's domain (positive, away from kinks).
const A: [f64; 3] = [0.7, 1.3, 0.4];

fn args(op: Op) -> Vec<f64> {
    match op.arity() {
        Some(n) => A[..n].to_vec(),
        None => A.to_vec(),
    }
}

#[test]
fn local_partials_match_central_differences_for_every_op() {
    for &op in ALL_OPS {
        // Exhaustive: a new op without a case here is still covered by ALL_OPS.
        let a = args(op);
        let v = eval_scalar(op, &a);
        for k in 0..a.len() {
            let h = 1e-6;
            let mut p = a.clone();
            let mut m = a.clone();
            p[k] += h;
            m[k] -= h;
            let central = (eval_scalar(op, &p) - eval_scalar(op, &m)) / (2.0 * h);
            let exact = local_partial(op, k, &a, v);
            assert!(
                (central - exact).abs() < 1e-6 * (1.0 + exact.abs()),
                "{op:?} ∂/∂a{k}: {exact} vs {central}"
            );
        }
    }
}

#[test]
fn graph_vjps_match_the_numeric_partials_for_every_op() {
    for &op in ALL_OPS {
        let a = args(op);
        let mut g = Graph::new();
        let ins: Vec<_> = (0..a.len()).map(|k| g.input(&format!("a{k}"))).collect();
        let out = g.push(op, &ins);
        let ext = extend(&g, out, |_| {});
        let values = eval_graph(&ext.graph, &a);
        let v = values[out.index()];
        for k in 0..a.len() {
            let from_graph = ext.gradient[k].map_or(0.0, |id| values[id.index()]);
            let numeric = local_partial(op, k, &a, v);
            assert!(
                (from_graph - numeric).abs() < 1e-12 * (1.0 + numeric.abs()),
                "{op:?} input {k}: graph {from_graph} vs {numeric}"
            );
        }
    }
}

#[test]
fn a_million_node_chain_extends_without_recursion() {
    let mut g = Graph::new();
    let mut y = g.input("x");
    for _ in 0..1_000_000 {
        y = g.push(Op::MulScalar(1.0), &[y]);
    }
    let ext = extend(&g, y, |_| {});
    assert_eq!(ext.gradient_at(&[3.0]), vec![1.0]);
}
