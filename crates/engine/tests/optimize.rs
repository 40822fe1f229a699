//! The optimisation passes shrink extended graphs and never change a value.

use adjoint_engine::modes::extended::extend;
use adjoint_engine::optimize::optimize;
use adjoint_engine::rules::eval::eval_graph;
use adjoint_engine::{compile, NodeId};
use proptest::prelude::*;

fn optimised_gradient(
    src: &str,
    at: &[(String, f64)],
) -> (Vec<f64>, Vec<f64>, adjoint_engine::optimize::Report) {
    let c = compile(src, at).expect("valid");
    let ext = extend(c.graph(), c.output(), |_| {});
    let roots: Vec<NodeId> = ext.gradient.iter().flatten().copied().collect();
    let o = optimize(&ext.graph, &roots);
    let before = eval_graph(&ext.graph, &c.inputs);
    let after = eval_graph(&o.graph, &c.inputs);
    let a: Vec<f64> = roots.iter().map(|r| before[r.index()]).collect();
    let b: Vec<f64> = o.roots.iter().map(|r| after[r.index()]).collect();
    (a, b, o.report)
}

#[test]
fn lecture_example_shrinks_and_keeps_its_gradient() {
    let at = [("x1".to_string(), 2.0), ("x2".to_string(), 5.0)];
    let (a, b, r) = optimised_gradient("ln(x1) + x1*x2 - sin(x2)", &at);
    assert_eq!(a, b);
    assert_eq!(b[0], 5.5);
    // v̄_{1→4} = 1·v2 and v̄_{2→4} = 1·v1 lose their multiplication by the seed 1;
    // v̄_{5→7} = −1 folds to a constant, and v̄5·cos v2 becomes the scalar op cos v2 × −1.
    // The forward nodes the gradient does not need (v3…v7) and the spent constants are dead.
    assert_eq!((r.identities, r.folded, r.merged), (2, 1, 0), "{r:?}");
    assert_eq!(r.before - r.after, r.identities + r.merged + r.dead);
    assert_eq!(r.after, 8);
}

#[test]
fn duplicates_are_merged() {
    // sin(x) appears twice; its derivative cos(x) is made twice.
    let at = [("x".to_string(), 0.3)];
    let (a, b, r) = optimised_gradient("sin(x) + sin(x)", &at);
    assert!((a[0] - b[0]).abs() < 1e-15);
    assert!(r.merged >= 2, "{r:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, rng_seed: proptest::test_runner::RngSeed::Fixed(0xAD), ..ProptestConfig::default() })]
    #[test]
    fn optimisation_never_changes_the_gradient(
        a in -2.0..2.0f64, b in -2.0..2.0f64,
        src in prop::sample::select(vec![
            "x*y + sin(x*y) + 1*x", "exp(x)*exp(x) + (x+0)*y", "tanh(x)^2 + y/(1+x^2)",
            "sigmoid(x*y)*sigmoid(x*y)", "x^1 + y^2 + --x", "ln(1 + x^2) * sqrt(2 + y)",
        ])
    ) {
        let at = [("x".to_string(), a), ("y".to_string(), b)];
        let (before, after, r) = optimised_gradient(src, &at);
        prop_assert!(r.after <= r.before);
        for (p, q) in before.iter().zip(&after) {
            prop_assert!((p - q).abs() <= 1e-12 * (1.0 + p.abs()), "{src}: {p} vs {q}");
        }
    }
}
