//! The MLP preset (4-8-3, tanh, softmax cross-entropy on a fixed batch): its gradient
//! matches central differences and a gradient step lowers the loss.

use adjoint_tensor::inputs::{parse_inputs, to_json};
use adjoint_tensor::presets::{all, mlp_inputs, MLP_PARAMS, MLP_PROGRAM};
use adjoint_tensor::{gradient_step, gradients, Value};

fn loss(inputs: &str) -> f64 {
    gradients(MLP_PROGRAM, inputs).expect("runs").0.flat()[0]
}

#[test]
fn mlp_gradient_matches_central_differences() {
    let inputs = mlp_inputs(7);
    let (l, grads) = gradients(MLP_PROGRAM, &inputs).expect("runs");
    let l = l.flat()[0];
    // Softmax cross-entropy over 3 classes starts near ln 3.
    assert!(l > 0.5 && l < 2.0, "loss {l}");
    let values = parse_inputs(&inputs).expect("inputs");
    let h = 1e-6;
    for name in MLP_PARAMS {
        let x = &values[*name];
        let flat = x.flat();
        let g = grads[*name].flat();
        assert_eq!(g.len(), flat.len(), "{name}̄ has {name}'s shape");
        for e in 0..flat.len() {
            let at = |d: f64| {
                let mut v = values.clone();
                let mut f = flat.clone();
                f[e] += d;
                v.insert(name.to_string(), x.with_flat(&f));
                loss(&to_json(&v))
            };
            let num = (at(h) - at(-h)) / (2.0 * h);
            assert!((g[e] - num).abs() < 1e-7, "{name}[{e}]: {} vs {num}", g[e]);
        }
    }
}

#[test]
fn gradient_steps_lower_the_loss() {
    let mut inputs = mlp_inputs(7);
    let mut losses = vec![];
    for _ in 0..20 {
        let (next, l) = gradient_step(MLP_PROGRAM, &inputs, MLP_PARAMS, 0.5).expect("steps");
        losses.push(l);
        inputs = next;
    }
    assert!(losses.windows(2).all(|w| w[1] < w[0]), "{losses:?}");
    assert!(losses[19] < 0.8 * losses[0], "{losses:?}");
    // The data does not move.
    let (a, b) = (
        parse_inputs(&mlp_inputs(7)).expect("a"),
        parse_inputs(&inputs).expect("b"),
    );
    assert_eq!(a["X"], b["X"]);
    assert_eq!(a["Y"], b["Y"]);
    assert!(matches!(b["W1"], Value::Tensor(ref t) if t.shape == vec![4, 8]));
}

#[test]
fn every_preset_runs_and_records_a_trace() {
    for p in all() {
        let t = adjoint_tensor::run(p.program, &p.inputs, adjoint_engine::Mode::Extended)
            .unwrap_or_else(|e| panic!("{}: {e}", p.name));
        assert!(t.steps.len() > 3, "{}", p.name);
        assert!(
            t.nodes
                .iter()
                .all(|n| n.value.is_finite() && n.issue.is_none()),
            "{}",
            p.name
        );
        let json = serde_json::to_string(&t).expect("serializes");
        let back: adjoint_engine::Trace = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, t);
        assert!(adjoint_tensor::looks_like_tensor_program(
            p.program, &p.inputs
        ));
    }
}

#[test]
fn dispatch_rule() {
    use adjoint_tensor::looks_like_tensor_program as tensor;
    assert!(!tensor("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5"));
    assert!(!tensor("f(a, b)", "a=1"));
    assert!(tensor("t = (a, b)", "a=1, b=2"));
    assert!(tensor("y = x.T", ""));
    assert!(tensor("y = x", "{\"x\": 1}"));
    // Comments do not count, strings do.
    assert!(!tensor("ln(x1) # see [1], {a} \"quoted\"", "x1=2"));
    assert!(tensor("d = {\"c#t\": a}\nd[\"c#t\"]", "a=1"));
}

#[test]
fn forward_mode_agrees_with_reverse_mode_on_the_mlp() {
    // ⟨∇loss, u⟩ by reverse mode equals the forward-mode tangent of the loss along u.
    let inputs = mlp_inputs(7);
    let (_, grads) = gradients(MLP_PROGRAM, &inputs).expect("runs");
    let p = adjoint_tensor::compile(MLP_PROGRAM, &inputs).expect("compiles");
    let mut rng = adjoint_rng::SplitMix64::new(3);
    let direction: std::collections::BTreeMap<String, Value> = grads
        .iter()
        .map(|(k, g)| {
            let u: Vec<f64> = g.flat().iter().map(|_| rng.sym()).collect();
            (k.clone(), g.with_flat(&u))
        })
        .collect();
    let tangents =
        adjoint_tensor::jvp::graph_jvp(&p.graph, p.output, &direction).expect("forward mode");
    let forward = tangents.last().expect("output tangent").flat()[0];
    let reverse: f64 = grads.iter().map(|(k, g)| g.dot(&direction[k])).sum();
    assert!(
        (forward - reverse).abs() < 1e-12 * reverse.abs().max(1.0),
        "{forward} vs {reverse}"
    );
}
