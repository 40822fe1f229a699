//! Reverse mode with numbers (§2.1–2.3): adjoints v̄_i = ∂y/∂v_i in reverse topological
//! order, each the sum of the partial adjoints v̄_{i→j} = v̄_j · ∂v_j/∂v_i it received.

use super::compile::Compiled;
use super::forward::sum;
use crate::graph::{Graph, NodeId};
use crate::render::number::rounded;
use crate::render::text::{chain, text};
use crate::render::{Sym, Term};
use crate::rules::partial::local_partial;
use crate::rules::partial_term::local_partial_term;
use crate::trace::{Mode, Outcome, Step, StepKind, Trace, Variable};

/// The reverse-AD pseudocode of the lecture (§2.3), shared with the extended mode.
pub const PSEUDOCODE: &[&str] = &[
    "def gradient(out):",
    "    node_to_grad = {out: [1]}",
    "    for i in reverse_topological_order(out):",
    "        v̄_i = sum(node_to_grad[i])",
    "        for k in inputs(i):",
    "            v̄_{k→i} = v̄_i · ∂v_i/∂v_k",
    "            node_to_grad[k].append(v̄_{k→i})",
    "    return [v̄_k for k in input nodes]",
];

/// Adjoints of every node for output `out`: the reference sweep (reverse creation order,
/// all adjoints 0, the output's 1). Nodes whose adjoint is exactly 0 send nothing.
pub fn adjoints(graph: &Graph, values: &[f64], out: NodeId) -> Vec<f64> {
    let mut bar = vec![0.0; graph.len()];
    bar[out.index()] = 1.0;
    let nodes = graph.nodes();
    for i in (0..=out.index()).rev() {
        let g = bar[i];
        if g == 0.0 {
            continue;
        }
        let n = &nodes[i];
        match n.inputs.as_slice() {
            [] => {}
            [a] => bar[a.index()] += g * local_partial(n.op, 0, &[values[a.index()]], values[i]),
            [a, b] => {
                let args = [values[a.index()], values[b.index()]];
                bar[a.index()] += g * local_partial(n.op, 0, &args, values[i]);
                bar[b.index()] += g * local_partial(n.op, 1, &args, values[i]);
            }
            many => {
                let args: Vec<f64> = many.iter().map(|j| values[j.index()]).collect();
                for (k, j) in many.iter().enumerate() {
                    bar[j.index()] += g * local_partial(n.op, k, &args, values[i]);
                }
            }
        }
    }
    bar
}

/// The gradient with respect to each variable, by one reverse pass.
pub fn gradient(c: &Compiled) -> Vec<f64> {
    let bar = adjoints(c.graph(), &c.values, c.output());
    c.graph()
        .input_nodes()
        .iter()
        .map(|n| bar[n.index()])
        .collect()
}

/// One partial adjoint sent from consumer `to` to its `k`-th input.
pub(crate) struct Sent {
    pub to: usize,
    pub value: f64,
    pub formula: Term,
    pub local: f64,
    pub adjoint: f64,
}

/// Walks the reverse sweep once, calling `on` for each event in order; shared by the
/// numeric-reverse and backprop traces so both show the same arithmetic.
pub(crate) enum Event<'a> {
    Visit {
        node: usize,
        received: &'a [Sent],
        adjoint: f64,
    },
    Send {
        node: usize,
        input: usize,
        sent: &'a Sent,
    },
}

pub(crate) fn sweep(c: &Compiled, mut on: impl FnMut(Event<'_>)) -> Vec<f64> {
    let g = c.graph();
    let labels = c.labels();
    let vterms: Vec<Term> = labels.iter().map(|l| Term::sym(Sym::value(l))).collect();
    let live = g.ancestors(c.output());
    let mut received: Vec<Vec<Sent>> = (0..g.len()).map(|_| Vec::new()).collect();
    let mut bar = vec![0.0; g.len()];
    let out = c.output().index();
    for i in (0..=out).rev().filter(|&i| live[i]) {
        bar[i] = if i == out {
            1.0
        } else {
            received[i].iter().map(|s| s.value).sum()
        };
        on(Event::Visit {
            node: i,
            received: &received[i],
            adjoint: bar[i],
        });
        let n = &g.nodes()[i];
        let args: Vec<f64> = n.inputs.iter().map(|j| c.values[j.index()]).collect();
        let arg_terms: Vec<Term> = n.inputs.iter().map(|j| vterms[j.index()].clone()).collect();
        for (k, j) in n.inputs.iter().enumerate() {
            let local = local_partial(n.op, k, &args, c.values[i]);
            let formula = Term::product(
                Term::sym(Sym::adjoint(&labels[i])),
                local_partial_term(n.op, k, &arg_terms, &vterms[i]),
            );
            let sent = Sent {
                to: i,
                value: bar[i] * local,
                formula,
                local,
                adjoint: bar[i],
            };
            on(Event::Send {
                node: i,
                input: j.index(),
                sent: &sent,
            });
            received[j.index()].push(sent);
        }
    }
    bar
}

/// The recorded numeric reverse run: the adjoint table with every partial adjoint.
pub fn reverse_trace(c: &Compiled) -> Trace {
    let labels = c.labels();
    let out = c.output().index();
    let mut steps = Vec::new();
    let bar = sweep(c, |e| match e {
        Event::Visit {
            node,
            received,
            adjoint,
        } => {
            if node == out {
                steps.push(seed_step(&labels, out));
                steps.push(output_visit_step(&labels, out));
            } else {
                steps.push(visit_step(&labels, node, received, adjoint));
            }
        }
        Event::Send { node, input, sent } => {
            let lhs = Term::sym(Sym::partial(&labels[input], &labels[node]));
            let numbers = Term::product(Term::Num(sent.adjoint), Term::Num(sent.local));
            let equation = vec![lhs, sent.formula.clone(), numbers, Term::Num(sent.value)];
            let narration = format!(
                "{} passes {} to its input {}: {}.",
                labels[node],
                text(&equation[0]),
                labels[input],
                chain(&equation[1..])
            );
            steps.push(Step {
                kind: StepKind::Partial,
                node: node as u32,
                input: Some(input as u32),
                result: None,
                created: vec![],
                line: 5,
                value: sent.value,
                equation,
                narration,
            });
        }
    });
    finish(c, Mode::Reverse, steps, &bar, PSEUDOCODE)
}

pub(crate) fn seed_step(labels: &[String], out: usize) -> Step {
    Step::new(
        StepKind::Seed,
        out as u32,
        1,
        vec![Term::sym(Sym::adjoint(&labels[out])), Term::Num(1.0)],
        1.0,
        format!(
            "Start at the output: {} = ∂y/∂y = 1.",
            text(&Term::sym(Sym::adjoint(&labels[out])))
        ),
    )
}

/// The visit of the output: its adjoint is the seed, nothing to sum.
pub(crate) fn output_visit_step(labels: &[String], out: usize) -> Step {
    let lhs = Term::sym(Sym::adjoint(&labels[out]));
    let narration = format!(
        "Visit {}: its adjoint is the seed, {} = 1.",
        labels[out],
        text(&lhs)
    );
    Step::new(
        StepKind::Visit,
        out as u32,
        3,
        vec![lhs, Term::Num(1.0)],
        1.0,
        narration,
    )
}

fn visit_step(labels: &[String], node: usize, received: &[Sent], adjoint: f64) -> Step {
    let lhs = Term::sym(Sym::adjoint(&labels[node]));
    let names = sum(received
        .iter()
        .map(|s| Term::sym(Sym::partial(&labels[node], &labels[s.to])))
        .collect());
    let formulas = sum(received.iter().map(|s| s.formula.clone()).collect());
    let numbers = sum(received.iter().map(|s| Term::Num(s.value)).collect());
    let mut equation = vec![lhs, names, formulas];
    if received.len() > 1 {
        equation.push(numbers);
    }
    equation.push(Term::Num(adjoint));
    let how = if received.len() > 1 {
        format!("sums the {} partial adjoints it received", received.len())
    } else {
        "takes the one partial adjoint it received".to_string()
    };
    let narration = format!("Visit {}: it {how}: {}.", labels[node], chain(&equation));
    Step::new(
        StepKind::Visit,
        node as u32,
        3,
        equation,
        adjoint,
        narration,
    )
}

/// The last step of every reverse mode: the gradient read off, in words.
pub(crate) fn done_step(out: u32, line: u32, gradient: &[Variable], output: f64) -> Step {
    let listing = gradient
        .iter()
        .map(|v| format!("∂y/∂{} = {}", v.name, rounded(v.value)))
        .collect::<Vec<_>>()
        .join(", ");
    Step::new(
        StepKind::Done,
        out,
        line,
        vec![],
        output,
        format!("Done: {listing}."),
    )
}

/// Appends the Done step and wraps the steps into a trace.
pub(crate) fn finish(
    c: &Compiled,
    mode: Mode,
    mut steps: Vec<Step>,
    bar: &[f64],
    code: &[&str],
) -> Trace {
    let g = c.graph();
    let inputs = g.input_nodes();
    let gradient: Vec<Variable> = g
        .variables()
        .iter()
        .zip(&inputs)
        .map(|(name, n)| Variable {
            name: name.clone(),
            value: bar[n.index()],
        })
        .collect();
    let out = c.output().index();
    steps.push(done_step(
        out as u32,
        code.len() as u32 - 1,
        &gradient,
        c.output_value(),
    ));
    let views = c.forward_views();
    Trace {
        mode,
        variables: c.variables(),
        forward_count: views.len() as u32,
        nodes: views,
        output: out as u32,
        wrt: None,
        steps,
        result: Outcome {
            output: c.output_value(),
            gradient,
        },
        pseudocode: code.iter().map(|s| s.to_string()).collect(),
    }
}
