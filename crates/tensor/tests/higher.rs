//! Gradient of a gradient: the adjoint nodes are ordinary graph nodes, so reverse AD
//! runs again on the extended graph.

use adjoint_tensor::reverse::{adjoint_value, backward};
use adjoint_tensor::{compile, gradients, Op, Value};

/// d/dx of Σ ∂y/∂x, by running reverse AD on the extended graph.
fn second(src: &str, inputs: &str, x: &str) -> Value {
    let mut p = compile(src, inputs).expect("compiles");
    let xi = p
        .inputs
        .iter()
        .find(|(n, _)| n == x)
        .map(|&(_, id)| id)
        .expect("input");
    let b = backward(&mut p.graph, p.output, None).expect("first pass");
    let xbar = b.adjoints[xi.index()].expect("x̄ flows");
    let s = p.graph.push(Op::Sum(None), &[xbar]).expect("Σ x̄");
    let b2 = backward(&mut p.graph, s, None).expect("second pass");
    adjoint_value(&p.graph, &b2, xi)
}

#[test]
fn gradient_of_a_gradient_matches_differences_of_the_gradient() {
    let src = "H = tanh(X @ W)\ny = sum(sigmoid(H) * H) + sum(X ^ 3)";
    let x = [[0.3, -0.5], [0.8, 0.1]];
    let inputs = |x: &[[f64; 2]; 2]| {
        format!(
            r#"{{"X": {}, "W": [[0.4, -0.7], [0.2, 0.9]]}}"#,
            serde_json::to_string(x).expect("json")
        )
    };
    let hv = second(src, &inputs(&x), "X").flat();
    // Central differences of Σ ∂y/∂X.
    let h = 1e-5;
    for e in 0..4 {
        let mut up = x;
        up[e / 2][e % 2] += h;
        let mut dn = x;
        dn[e / 2][e % 2] -= h;
        let g = |x: &[[f64; 2]; 2]| -> f64 {
            gradients(src, &inputs(x)).expect("runs").1["X"]
                .flat()
                .iter()
                .sum()
        };
        let num = (g(&up) - g(&dn)) / (2.0 * h);
        assert!((hv[e] - num).abs() < 1e-6, "entry {e}: {} vs {num}", hv[e]);
    }
}

#[test]
fn second_derivative_of_a_cube_is_six_x() {
    let v = second("y = sum(x ^ 3)", r#"{"x": [1, 2, -3]}"#, "x");
    assert_eq!(v.flat(), vec![6.0, 12.0, -18.0]);
    // log-sum-exp twice: its Hessian-vector product with ones is 0 (softmax sums to 1).
    let v = second("y = logsumexp(x)", r#"{"x": [0.5, -1, 2]}"#, "x");
    assert!(v.flat().iter().all(|d| d.abs() < 1e-12), "{v:?}");
}
