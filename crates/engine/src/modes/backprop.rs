//! Backpropagation (§2.5): the same sweep as reverse mode, but each adjoint is a number
//! stored on its forward node (`.grad`), accumulated in place; no node is added.

use super::compile::Compiled;
use super::reverse::{finish, output_visit_step, seed_step, sweep, Event};
use crate::render::text::chain;
use crate::render::{Sym, Term};
use crate::trace::{Mode, Step, StepKind, Trace};

/// Backprop's pseudocode, as first-generation frameworks ran it.
pub const PSEUDOCODE: &[&str] = &[
    "def backward(out):",
    "    out.grad = 1",
    "    for i in reverse_topological_order(out):",
    "        for k in inputs(i):",
    "            k.grad += i.grad · ∂v_i/∂v_k",
    "    return [x.grad for x in inputs]",
];

/// The recorded backprop run on the forward graph.
pub fn backprop_trace(c: &Compiled) -> Trace {
    let labels = c.labels();
    let out = c.output().index();
    let mut running = vec![0.0; c.graph().len()];
    let mut steps = Vec::new();
    let bar = sweep(c, |e| match e {
        Event::Visit { node, adjoint, .. } if node == out => {
            running[node] = adjoint;
            steps.push(seed_step(&labels, out));
            let mut visit = output_visit_step(&labels, out);
            visit.line = 2;
            visit.result = Some(node as u32);
            steps.push(visit);
        }
        Event::Visit { node, adjoint, .. } => {
            let equation = vec![Term::sym(Sym::adjoint(&labels[node])), Term::Num(adjoint)];
            steps.push(Step {
                kind: StepKind::Visit,
                node: node as u32,
                input: None,
                result: Some(node as u32),
                created: vec![],
                line: 2,
                narration: format!(
                    "Visit {}: every user of it has added its share, so {}.grad = {} is final.",
                    labels[node],
                    labels[node],
                    crate::render::number::rounded(adjoint)
                ),
                equation,
                value: adjoint,
            });
        }
        Event::Send { node, input, sent } => {
            let before = running[input];
            running[input] += sent.value;
            let lhs = Term::sym(Sym::adjoint(&labels[input]));
            let equation = vec![
                lhs,
                Term::plus(Term::Num(before), sent.formula.clone()),
                Term::plus(Term::Num(before), Term::Num(sent.value)),
                Term::Num(running[input]),
            ];
            steps.push(Step {
                kind: StepKind::Partial,
                node: node as u32,
                input: Some(input as u32),
                result: Some(input as u32),
                created: vec![],
                line: 4,
                narration: format!(
                    "{} adds its share to {}.grad: {}.",
                    labels[node],
                    labels[input],
                    chain(&equation)
                ),
                equation,
                value: running[input],
            });
        }
    });
    finish(c, Mode::Backprop, steps, &bar, PSEUDOCODE)
}
