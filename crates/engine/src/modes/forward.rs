//! Forward-mode AD: tangents v̇_i = ∂v_i/∂x_k in topological order, one pass per input.

use super::compile::Compiled;
use crate::error::EngineError;
use crate::graph::{Graph, Op};
use crate::render::text::chain;
use crate::render::{Sym, Term};
use crate::rules::partial::local_partial;
use crate::rules::partial_term::local_partial_term;
use crate::trace::{Mode, Outcome, Step, StepKind, Trace, Variable};

/// The forward-mode pseudocode shown beside the tangent table.
pub const PSEUDOCODE: &[&str] = &[
    "v̇_i = 1 for the chosen input, 0 for the others",
    "for i in topological_order:",
    "    v̇_i = Σ_k ∂v_i/∂v_k · v̇_k",
    "return v̇_n  # = ∂y/∂x",
];

/// Tangents of every node with respect to variable `wrt`, given node values.
pub fn tangents(graph: &Graph, values: &[f64], wrt: usize) -> Vec<f64> {
    let mut dot = vec![0.0; graph.len()];
    let mut args: Vec<f64> = Vec::new();
    for (i, n) in graph.nodes().iter().enumerate() {
        dot[i] = match n.op {
            Op::Input(k) => f64::from(u8::from(k as usize == wrt)),
            op => {
                args.clear();
                args.extend(n.inputs.iter().map(|j| values[j.index()]));
                n.inputs
                    .iter()
                    .enumerate()
                    .map(|(k, j)| local_partial(op, k, &args, values[i]) * dot[j.index()])
                    .sum()
            }
        };
    }
    dot
}

/// The gradient by forward mode: one pass per variable. Returns it and the pass count.
pub fn gradient_by_passes(c: &Compiled) -> (Vec<f64>, usize) {
    let n = c.graph().variables().len();
    let out = c.output().index();
    let grad = (0..n)
        .map(|k| tangents(c.graph(), &c.values, k)[out])
        .collect();
    (grad, n)
}

/// The recorded forward-mode run with respect to variable `wrt` (by index).
pub fn forward_trace(c: &Compiled, wrt: usize) -> Result<Trace, EngineError> {
    let variables = c.variables();
    let Some(wrt_var) = variables.get(wrt) else {
        return Err(EngineError::Invalid(format!(
            "there is no input number {} to differentiate by",
            wrt + 1
        )));
    };
    let g = c.graph();
    let dot = tangents(g, &c.values, wrt);
    let views = c.forward_views();
    let labels = c.labels();
    let value_terms: Vec<Term> = labels.iter().map(|l| Term::sym(Sym::value(l))).collect();
    let mut steps = Vec::with_capacity(g.len() + 1);
    for (i, n) in g.nodes().iter().enumerate() {
        let lhs = Term::sym(Sym::tangent(&labels[i]));
        let (line, equation, narration) = match n.op {
            Op::Input(k) => {
                let one = k as usize == wrt;
                let why = if one {
                    "it is the input we differentiate by"
                } else {
                    "it does not change with that input"
                };
                (
                    0,
                    vec![lhs, Term::Num(dot[i])],
                    format!("{} = {}: {why}.", labels[i], g.variables()[k as usize]),
                )
            }
            op => {
                let args: Vec<f64> = n.inputs.iter().map(|j| c.values[j.index()]).collect();
                let arg_terms: Vec<Term> = n
                    .inputs
                    .iter()
                    .map(|j| value_terms[j.index()].clone())
                    .collect();
                let mut symbolic = Vec::new();
                let mut numeric = Vec::new();
                for (k, j) in n.inputs.iter().enumerate() {
                    let local = local_partial_term(op, k, &arg_terms, &value_terms[i]);
                    symbolic.push(times(Term::sym(Sym::tangent(&labels[j.index()])), local));
                    numeric.push(times(
                        Term::Num(dot[j.index()]),
                        Term::Num(local_partial(op, k, &args, c.values[i])),
                    ));
                }
                let equation = vec![lhs, sum(symbolic), sum(numeric), Term::Num(dot[i])];
                let narration = format!("Tangent of {}: {}.", labels[i], chain(&equation));
                (2, equation, narration)
            }
        };
        steps.push(Step::new(
            StepKind::Tangent,
            i as u32,
            line,
            equation,
            dot[i],
            narration,
        ));
    }
    let out = c.output().index();
    steps.push(Step::new(
        StepKind::Done,
        out as u32,
        3,
        vec![Term::sym(Sym::tangent(&labels[out])), Term::Num(dot[out])],
        dot[out],
        format!(
            "∂y/∂{} = v̇ of the output = {}.",
            wrt_var.name,
            crate::render::number::rounded(dot[out])
        ),
    ));
    Ok(Trace {
        mode: Mode::Forward,
        variables: variables.clone(),
        forward_count: views.len() as u32,
        nodes: views,
        output: out as u32,
        wrt: Some(wrt as u32),
        steps,
        result: Outcome {
            output: c.output_value(),
            gradient: vec![Variable {
                name: wrt_var.name.clone(),
                value: dot[out],
            }],
        },
        pseudocode: PSEUDOCODE.iter().map(|s| s.to_string()).collect(),
    })
}

/// `a · local`, leaving out a factor of exactly 1.
pub(crate) fn times(a: Term, local: Term) -> Term {
    if local == Term::Num(1.0) {
        a
    } else {
        Term::product(a, local)
    }
}

/// A sum of terms, or the lone term.
pub(crate) fn sum(mut parts: Vec<Term>) -> Term {
    if parts.len() == 1 {
        parts.pop().unwrap_or(Term::Num(0.0))
    } else {
        Term::Sum(parts)
    }
}
