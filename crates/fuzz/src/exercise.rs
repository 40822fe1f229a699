//! What each fuzz target does with its input: everything a user or the CLI can make the
//! engine do, so that any panic anywhere shows up. Besides "no panic", the targets check
//! one invariant that must hold for every program: reverse mode with numbers and reverse
//! AD by graph extension give the same gradient.

use adjoint_engine::export::{dot::trace_dot, latex::trace_latex, text::trace_text};
use adjoint_engine::modes::extended::extend;
use adjoint_engine::modes::higher::{hessian, nth_derivatives, MAX_ORDER};
use adjoint_engine::modes::reverse::adjoints;
use adjoint_engine::numeric::{
    difference, direction_check, epsilon_sweep, Scheme, DEFAULT_EPSILONS,
};
use adjoint_engine::optimize::optimize;
use adjoint_engine::rules::eval::eval_graph;
use adjoint_engine::symbolic::symbolic_gradient;
use adjoint_engine::syntax::{parse, parse_values};
use adjoint_engine::{compile, frame_at, run_with, Compiled, EngineError, Mode, NodeKind, Trace};
use adjoint_layout::{layout, Band, LayoutInput, LayoutNode, LayoutOptions};

/// Traces larger than this are not laid out (the layout is fuzzed, not benchmarked).
const MAX_LAYOUT_NODES: usize = 300;
/// Larger programs only compile: running every mode and replaying every frame is
/// quadratic in the size (each frame is a full picture), which would measure time, not
/// robustness. The engine's size limits are tested on the large inputs themselves.
const MAX_EXERCISED_NODES: usize = 2_000;
/// Programs with more variables or nodes than these skip the Hessian (it grows as n²).
const MAX_HESSIAN_VARS: usize = 4;
const MAX_HESSIAN_NODES: usize = 200;

/// Target 1: the bytes as program text and as values text, through the lexer, parser,
/// value parser, lowering, evaluation and diagnostics.
pub fn parse_bytes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    // Split once at the first NUL, if any: program before, values after.
    let (src, values) = text.split_once('\0').unwrap_or((&text, "x=1, y=2"));
    if let Err(e) = parse(src) {
        render(&e, src);
    }
    // Lowering and evaluation too (cheap), but not the modes: those are the engine
    // target's job, which keeps this one fast enough for tens of millions of inputs.
    match parse_values(values) {
        Ok(vals) => match compile(src, &vals) {
            Ok(c) => {
                let _ = c.forward_views();
            }
            Err(e) => render(&e, src),
        },
        Err(e) => render(&e, values),
    }
}

/// Target 2: the bytes steer the program grammar; the program runs through every mode.
pub fn engine_bytes(data: &[u8]) {
    if let Some((c, src, vals)) = compile_generated(data) {
        run_everything(&c, &src, &vals);
    }
}

/// A generated program: compiled, its text and its values.
type Generated = (Compiled, String, Vec<(String, f64)>);

/// The grammar program of `data`, compiled; `None` (after rendering the error, which
/// must not panic either) when its values or its program do not parse.
fn compile_generated(data: &[u8]) -> Option<Generated> {
    let (src, values) = crate::gen::program(data);
    let vals = match parse_values(&values) {
        Ok(v) => v,
        Err(e) => {
            render(&e, &values);
            return None;
        }
    };
    match compile(&src, &vals) {
        Ok(c) => Some((c, src, vals)),
        Err(e) => {
            render(&e, &src);
            None
        }
    }
}

/// Target 3, the engine's core at speed: grammar programs through every mode (each
/// variable in forward mode), the last and a middle frame of each trace, and the check
/// that reverse mode and the extended graph agree. No layout, Hessian, optimiser or
/// numerical/symbolic differentiation (target 2 does those, ~50× slower per input), so a
/// long run reaches tens of millions of programs.
pub fn modes_bytes(data: &[u8]) {
    let Some((c, src, vals)) = compile_generated(data) else {
        return;
    };
    if c.graph().len() > MAX_EXERCISED_NODES {
        return;
    }
    for mode in Mode::ALL {
        let wrts = if mode == Mode::Forward {
            c.inputs.len().max(1)
        } else {
            1
        };
        for wrt in 0..wrts {
            match run_with(&src, &vals, mode, wrt) {
                Ok(t) => {
                    let _ = frame_at(&t, t.steps.len() / 2);
                    let _ = frame_at(&t, t.steps.len());
                }
                Err(e) => render(&e, &src),
            }
        }
    }
    check_reverse_matches_extended(&c);
}

/// Target 4: tensor programs. The bytes steer the tensor grammar
/// ([`crate::tensor_gen::tensor_program`]); the program is recorded in extended mode,
/// every frame replayed, refused in the other modes, and its gradients computed; errors
/// must render with a caret. Then the raw bytes themselves (split at a NUL into program
/// and inputs JSON) go through the tensor parser and lowering.
pub fn tensor_bytes(data: &[u8]) {
    let (src, inputs) = crate::tensor_gen::tensor_program(data);
    let _ = adjoint_tensor::looks_like_tensor_program(&src, &inputs);
    match adjoint_tensor::run(&src, &inputs, Mode::Extended) {
        Ok(t) => {
            for k in 0..=t.steps.len() {
                let _ = frame_at(&t, k);
            }
            let _ = trace_text(&t);
            match adjoint_tensor::gradients(&src, &inputs) {
                Ok((_, grads)) => assert!(
                    grads.len() <= 5,
                    "more gradients than inputs: {}",
                    grads.len()
                ),
                Err(e) => panic!("the program ran but its gradients failed: {e}"),
            }
        }
        Err(e) => render_tensor(&e, &src),
    }
    assert!(
        adjoint_tensor::run(&src, &inputs, Mode::Reverse).is_err(),
        "tensor programs run in extended mode only"
    );
    let text = String::from_utf8_lossy(data);
    let (raw_src, raw_inputs) = text.split_once('\0').unwrap_or((&text, "{}"));
    if let Err(e) = adjoint_tensor::compile(raw_src, raw_inputs) {
        render_tensor(&e, raw_src);
    }
}

/// Renders a tensor error's diagnostic; its message must not be empty.
fn render_tensor(e: &adjoint_tensor::TensorError, text: &str) {
    let d = e.diagnostic(text);
    assert!(
        !d.message.is_empty(),
        "a tensor error without a message: {e:?}"
    );
    let _ = e.render(text);
}

/// Renders an error's diagnostic (caret under the span), as the app and the CLI do.
fn render(e: &EngineError, text: &str) {
    let d = e.diagnostic(text);
    assert!(!d.message.is_empty(), "an error without a message: {e:?}");
    let _ = e.render(text);
}

/// Runs a compiled program through every mode and every analysis.
pub fn run_everything(c: &Compiled, src: &str, vals: &[(String, f64)]) {
    let _ = c.forward_views();
    if c.graph().len() > MAX_EXERCISED_NODES {
        return;
    }
    let n_vars = c.inputs.len();
    for mode in Mode::ALL {
        let wrts: Vec<usize> = if mode == Mode::Forward {
            (0..=n_vars.min(3)).collect()
        } else {
            vec![0]
        };
        for wrt in wrts {
            match run_with(src, vals, mode, wrt) {
                Ok(t) => replay(&t),
                Err(e) => render(&e, src),
            }
        }
    }
    check_reverse_matches_extended(c);
    higher(c);
    let ext = extend(c.graph(), c.output(), |_| {});
    let mut roots = vec![c.output()];
    roots.extend(ext.gradient.iter().flatten().copied());
    let opt = optimize(&ext.graph, &roots);
    let _ = eval_graph(&opt.graph, &c.inputs);
    numeric(c);
    let sym = symbolic_gradient(c);
    for k in 0..n_vars {
        let _ = sym.formula(k);
        let _ = sym.value(k, &c.inputs);
    }
}

/// Every frame of the trace (and one past the end), the exports, and the layout.
fn replay(t: &Trace) {
    for k in 0..=t.steps.len() + 1 {
        let _ = frame_at(t, k);
    }
    let _ = trace_text(t);
    let _ = trace_dot(t);
    let _ = trace_latex(t);
    if t.nodes.len() <= MAX_LAYOUT_NODES {
        lay_out(t);
    }
}

/// Lays out the trace's final graph the way the app does (forward band, adjoint band
/// pinned to forward columns); the layout must accept every graph the engine produces.
fn lay_out(t: &Trace) {
    let nodes = t
        .nodes
        .iter()
        .map(|n| {
            let forward = n.created_at.is_none() && n.id < t.forward_count;
            let width = 24.0 + 7.0 * n.label.chars().count() as f64;
            let band = if forward {
                Band::Forward
            } else {
                Band::Adjoint {
                    column_of: n.column_of.map(|c| c as usize),
                }
            };
            LayoutNode {
                width,
                height: if n.kind == NodeKind::Input {
                    30.0
                } else {
                    44.0
                },
                band,
            }
        })
        .collect();
    let edges = t.edges();
    let input = LayoutInput { nodes, edges };
    if let Err(e) = layout(&input, &LayoutOptions::default()) {
        panic!("the layout refused a trace of the engine: {e}");
    }
}

/// Reverse mode with numbers and the extended graph must agree (both are reverse AD), up
/// to rounding. Rounding is relative to the largest term that flows through the sweep,
/// not to the result: in `cos(-a·1e20 ÷ a)` two terms of size 1e20 cancel exactly in
/// theory, and the numeric pass (which multiplies by the local derivative `1/y`) and the
/// graph (which divides by `y`) leave different remainders (1033.8 and 0; the fuzzer's
/// fuzz/seeds/engine/cancelling-1e20). So the tolerance is 1e-9 × max |v̄ᵢ|·max(1, |vᵢ|).
/// Programs with values beyond 1e±150 are skipped: there `1/y` goes subnormal
/// (fuzz/seeds/engine/near-overflow-division: 2.49e303 against 8.011); see BENCHMARKS.md.
fn check_reverse_matches_extended(c: &Compiled) {
    if c.values
        .iter()
        .any(|v| v.abs() > 1e150 || (*v != 0.0 && v.abs() < 1e-150))
    {
        return;
    }
    let adj = adjoints(c.graph(), &c.values, c.output());
    let scale = adj
        .iter()
        .zip(&c.values)
        .map(|(a, v)| (a * v.abs().max(1.0)).abs())
        .filter(|x| x.is_finite())
        .fold(1.0, f64::max);
    let by_numbers = adjoint_engine::modes::reverse::gradient(c);
    let ext = extend(c.graph(), c.output(), |_| {});
    let by_graph = ext.gradient_at(&c.inputs);
    for (i, (a, b)) in by_numbers.iter().zip(&by_graph).enumerate() {
        // Where a value is not finite the two may differ: reverse mode skips a zero
        // adjoint, while the extended graph computes 0·∞ = NaN.
        if !(a.is_finite() && b.is_finite()) {
            continue;
        }
        assert!(
            (a - b).abs() <= 1e-9 * scale,
            "variable {i}: reverse mode says {a}, the extended graph says {b} (scale {scale})"
        );
    }
}

/// The Hessian on small programs, n-th derivatives of one-variable programs, and the
/// order limit.
fn higher(c: &Compiled) {
    if c.inputs.len() <= MAX_HESSIAN_VARS && c.graph().len() <= MAX_HESSIAN_NODES {
        let h = hessian(c);
        assert_eq!(h.matrix.len(), c.inputs.len());
    }
    if c.inputs.len() == 1 && c.graph().len() <= MAX_HESSIAN_NODES {
        if let Ok(d) = nth_derivatives(c, 3) {
            assert_eq!(d.len(), 3);
        }
        assert!(
            nth_derivatives(c, MAX_ORDER + 1).is_err(),
            "an order over the limit must be refused"
        );
    }
}

/// Differences, the ε sweep and the direction check (errors are fine, panics are not).
fn numeric(c: &Compiled) {
    for var in 0..=c.inputs.len() {
        let _ = difference(c, var, 1e-6, Scheme::Central);
        let _ = difference(c, var, 0.0, Scheme::OneSided);
    }
    let _ = epsilon_sweep(c, 0, &DEFAULT_EPSILONS);
    let _ = direction_check(c, 7, 1e-6, 1e-4);
}
