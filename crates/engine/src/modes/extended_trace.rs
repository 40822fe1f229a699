//! Records reverse AD on the extended graph as steps the app animates: each created
//! node with the reason it was created (which visit, which input, which formula).

use std::ops::Range;

use super::compile::Compiled;
use super::extended::{extend, Event};
use super::reverse::{done_step, PSEUDOCODE};
use crate::graph::{Graph, NodeId};
use crate::render::text::text;
use crate::render::{Accent, Sym, Term};
use crate::rules::domain::explain;
use crate::rules::eval::eval_graph;
use crate::rules::partial_term::{definition_term, local_partial_term};
use crate::trace::{Mode, NodeKind, NodeView, Outcome, Step, StepKind, Trace, Variable};

/// An owned copy of an event.
enum Owned {
    Seed(NodeId),
    Visit {
        node: NodeId,
        partials: Vec<NodeId>,
        adjoint: NodeId,
        created_sum: bool,
    },
    Partial {
        node: NodeId,
        k: usize,
        input: NodeId,
        partial: Option<NodeId>,
        created: Range<u32>,
    },
}

/// Runs reverse AD by extending the graph and records every step.
pub fn extended_trace(c: &Compiled) -> Trace {
    let mut events = Vec::new();
    let ext = extend(c.graph(), c.output(), |e| {
        events.push(match e {
            Event::Seed { seed, .. } => Owned::Seed(seed),
            Event::Visit {
                node,
                partials,
                adjoint,
                created_sum,
            } => Owned::Visit {
                node,
                partials: partials.to_vec(),
                adjoint,
                created_sum,
            },
            Event::Partial {
                node,
                k,
                input,
                partial,
                created,
            } => Owned::Partial {
                node,
                k,
                input,
                partial,
                created,
            },
        })
    });
    let mut b = Builder::new(c, &ext.graph);
    for e in events {
        let step = b.steps.len() as u32;
        let s = match e {
            Owned::Seed(seed) => b.seed(seed, step),
            Owned::Visit {
                node,
                partials,
                adjoint,
                created_sum,
            } => b.visit(node, &partials, adjoint, created_sum, step),
            Owned::Partial {
                node,
                k,
                input,
                partial,
                created,
            } => b.partial(node, k, input, partial, created, step),
        };
        b.steps.push(s);
    }
    b.finish(&ext.gradient)
}

struct Builder<'a> {
    c: &'a Compiled,
    ext: &'a Graph,
    labels: Vec<String>,
    values: Vec<f64>,
    nodes: Vec<NodeView>,
    /// How each node is written inside other formulas (Aux nodes inline their definition).
    display: Vec<Term>,
    /// For each forward node, (partial node, consumer) in arrival order: node_to_grad.
    pending: Vec<Vec<(NodeId, usize)>>,
    steps: Vec<Step>,
}

impl<'a> Builder<'a> {
    fn new(c: &'a Compiled, ext: &'a Graph) -> Self {
        let nodes = c.forward_views();
        let labels = c.labels();
        let display = labels.iter().map(|l| Term::sym(Sym::value(l))).collect();
        let pending = vec![Vec::new(); nodes.len()];
        let values = eval_graph(ext, &c.inputs);
        Self {
            c,
            ext,
            labels,
            values,
            nodes,
            display,
            pending,
            steps: Vec::new(),
        }
    }

    /// Adds the view of newly created node `id`; `sym` is its name (None: an aux node
    /// named by its definition).
    fn add_node(
        &mut self,
        id: NodeId,
        kind: NodeKind,
        sym: Option<Sym>,
        column_of: usize,
        step: u32,
    ) {
        let n = self.ext.node(id);
        let args: Vec<Term> = n
            .inputs
            .iter()
            .map(|j| self.display[j.index()].clone())
            .collect();
        let definition = definition_term(n.op, &args, "");
        let arg_values: Vec<f64> = n.inputs.iter().map(|j| self.values[j.index()]).collect();
        let arg_labels: Vec<&str> = n
            .inputs
            .iter()
            .map(|j| self.nodes[j.index()].label.as_str())
            .collect();
        let value = self.values[id.index()];
        let issue = explain(n.op, &arg_values, value, &arg_labels);
        let (sym, display, label) = match sym {
            Some(s) => (s.clone(), Term::sym(s.clone()), text(&Term::sym(s))),
            None => {
                let label = text(&definition);
                (
                    Sym {
                        stem: label.clone(),
                        sub: String::new(),
                        accent: Accent::None,
                    },
                    definition.clone(),
                    label,
                )
            }
        };
        self.nodes.push(NodeView {
            id: id.0,
            label,
            sym,
            kind,
            op: n.op.label(),
            inputs: n.inputs.iter().map(|j| j.0).collect(),
            value,
            definition,
            // v̄_i (seed or sum) sits in v_i's column; partials and helpers are placed by
            // their inputs, between the columns they connect, so the band reads right to left.
            column_of: matches!(kind, NodeKind::Seed | NodeKind::Adjoint)
                .then_some(column_of as u32),
            created_at: Some(step),
            also: None,
            issue,
            shaped: None,
        });
        self.display.push(display);
    }

    /// The node holding v̄_i once node i has been visited.
    fn adjoint_of(&self, i: usize) -> Option<NodeId> {
        self.steps
            .iter()
            .rev()
            .find(|s| s.kind == StepKind::Visit && s.node as usize == i)
            .and_then(|s| s.result.map(NodeId))
    }

    fn step(
        &self,
        kind: StepKind,
        node: NodeId,
        line: u32,
        equation: Vec<Term>,
        narration: String,
    ) -> Step {
        let value = match equation.last() {
            Some(Term::Num(v)) => *v,
            _ => f64::NAN,
        };
        Step::new(kind, node.0, line, equation, value, narration)
    }

    fn seed(&mut self, seed: NodeId, step: u32) -> Step {
        let out = self.c.output();
        let sym = Sym::adjoint(&self.labels[out.index()]);
        self.add_node(seed, NodeKind::Seed, Some(sym.clone()), out.index(), step);
        self.pending[out.index()].push((seed, out.index()));
        let lhs = Term::sym(sym);
        let narration = format!(
            "Create the output gradient node {} = 1 and put it in node_to_grad[{}].",
            text(&lhs),
            self.labels[out.index()]
        );
        let mut s = self.step(StepKind::Seed, out, 1, vec![lhs, Term::Num(1.0)], narration);
        s.created = vec![seed.0];
        s.result = Some(seed.0);
        s
    }

    fn visit(
        &mut self,
        node: NodeId,
        partials: &[NodeId],
        adjoint: NodeId,
        created_sum: bool,
        step: u32,
    ) -> Step {
        let i = node.index();
        let received = std::mem::take(&mut self.pending[i]);
        debug_assert_eq!(received.len(), partials.len());
        let lhs = Term::sym(Sym::adjoint(&self.labels[i]));
        let out = i == self.c.output().index();
        let names: Vec<Term> = received
            .iter()
            .map(|&(p, to)| {
                if out {
                    self.display[p.index()].clone()
                } else {
                    Term::sym(Sym::partial(&self.labels[i], &self.labels[to]))
                }
            })
            .collect();
        let value = self.values[adjoint.index()];
        let (narration, created) = if created_sum {
            self.add_node(
                adjoint,
                NodeKind::Adjoint,
                Some(Sym::adjoint(&self.labels[i])),
                i,
                step,
            );
            // The lecture writes the sum with the partials' names: v̄2 = v̄_{2→3} + v̄_{2→4}.
            if let Some(view) = self.nodes.last_mut() {
                view.definition = Term::Sum(names.clone());
            }
            (
                format!(
                    "Visit {}: it has {} partial adjoints, so a new sum node {} = {} holds its adjoint.",
                    self.labels[i],
                    names.len(),
                    text(&lhs),
                    text(&Term::Sum(names.clone()))
                ),
                vec![adjoint.0],
            )
        } else if out {
            (
                format!(
                    "Visit {}: its adjoint is the seed {} = 1.",
                    self.labels[i],
                    text(&lhs)
                ),
                vec![],
            )
        } else {
            let view = &mut self.nodes[adjoint.index()];
            if view.also.is_none() && view.kind == NodeKind::Partial {
                view.also = Some(Sym::adjoint(&self.labels[i]));
                // From now on formulas call it by its adjoint name: v̄_{2→3} = v̄3.
                self.display[adjoint.index()] = Term::sym(Sym::adjoint(&self.labels[i]));
            }
            let only = names.first().map(text).unwrap_or_default();
            (
                format!("Visit {}: it has one partial adjoint, {only}, which is its adjoint {}; no new node.", self.labels[i], text(&lhs)),
                vec![],
            )
        };
        let mut equation = vec![lhs];
        if !out || created_sum {
            equation.push(super::forward::sum(names));
        }
        equation.push(Term::Num(value));
        let mut s = self.step(StepKind::Visit, node, 3, equation, narration);
        s.created = created;
        s.result = Some(adjoint.0);
        s
    }

    fn partial(
        &mut self,
        node: NodeId,
        k: usize,
        input: NodeId,
        partial: Option<NodeId>,
        created: Range<u32>,
        step: u32,
    ) -> Step {
        let (i, j) = (node.index(), input.index());
        let lhs = Term::sym(Sym::partial(&self.labels[j], &self.labels[i]));
        let n = self.c.graph().node(node);
        let arg_terms: Vec<Term> = n
            .inputs
            .iter()
            .map(|x| Term::sym(Sym::value(&self.labels[x.index()])))
            .collect();
        let local =
            local_partial_term(n.op, k, &arg_terms, &Term::sym(Sym::value(&self.labels[i])));
        let derivative = format!("∂{}/∂{} = {}", self.labels[i], self.labels[j], text(&local));
        let Some(p) = partial else {
            let narration = format!(
                "{derivative}: nothing flows from {} to {}.",
                self.labels[i], self.labels[j]
            );
            let mut s = self.step(
                StepKind::Partial,
                node,
                5,
                vec![lhs, Term::Num(0.0)],
                narration,
            );
            s.input = Some(input.0);
            return s;
        };
        // Inside this partial's formula, v̄_i is called v̄_i even when the node holding it was
        // first drawn under another name (v̄4 = v̄6 = v̄7 share one node in example 1).
        let adj = self.adjoint_of(i);
        let saved = adj.map(|a| {
            std::mem::replace(
                &mut self.display[a.index()],
                Term::sym(Sym::adjoint(&self.labels[i])),
            )
        });
        for id in created.clone() {
            let id = NodeId(id);
            if id == p {
                self.add_node(
                    id,
                    NodeKind::Partial,
                    Some(Sym::partial(&self.labels[j], &self.labels[i])),
                    j,
                    step,
                );
            } else {
                self.add_node(id, NodeKind::Aux, None, i, step);
            }
        }
        if let (Some(a), Some(d)) = (adj, saved) {
            self.display[a.index()] = d;
        }
        self.pending[j].push((p, i));
        let value = self.values[p.index()];
        let body = self.nodes[p.index()].definition.clone();
        let is_new = created.contains(&p.0);
        let reused: Vec<&str> = created
            .clone()
            .flat_map(|id| self.ext.node(NodeId(id)).inputs.clone())
            .filter(|x| x.index() < self.c.graph().len())
            .map(|x| self.labels[x.index()].as_str())
            .collect();
        let mut narration = if is_new {
            format!(
                "{derivative}, so create {} = {} and append it to node_to_grad[{}].",
                text(&lhs),
                text(&body),
                self.labels[j]
            )
        } else {
            let drawn = text(&self.display[p.index()]);
            let own = text(&Term::sym(Sym::adjoint(&self.labels[i])));
            let alias = if drawn == own {
                String::new()
            } else {
                format!(" (the node drawn as {drawn})")
            };
            format!(
                "{derivative}, so {} = {own}{alias}: no new node; append it to node_to_grad[{}].",
                text(&lhs),
                self.labels[j]
            )
        };
        if !reused.is_empty() {
            let mut r = reused.clone();
            r.dedup();
            narration.push_str(&format!(
                " It reads the forward node {} directly.",
                r.join(", ")
            ));
        }
        let equation = if is_new {
            vec![lhs, body, Term::Num(value)]
        } else if Some(p) == self.adjoint_of(i) {
            vec![
                lhs,
                Term::sym(Sym::adjoint(&self.labels[i])),
                Term::Num(value),
            ]
        } else {
            vec![lhs, self.display[p.index()].clone(), Term::Num(value)]
        };
        let mut s = self.step(StepKind::Partial, node, 5, equation, narration);
        s.input = Some(input.0);
        s.created = created.collect();
        s.result = Some(p.0);
        s
    }

    fn finish(mut self, gradient: &[Option<NodeId>]) -> Trace {
        let vars = self.c.variables();
        let grads: Vec<Variable> = vars
            .iter()
            .zip(gradient)
            .map(|(v, g)| Variable {
                name: v.name.clone(),
                value: g.map_or(0.0, |id| self.values[id.index()]),
            })
            .collect();
        let out = self.c.output();
        let done = done_step(
            out.0,
            PSEUDOCODE.len() as u32 - 1,
            &grads,
            self.c.output_value(),
        );
        self.steps.push(done);
        Trace {
            mode: Mode::Extended,
            variables: vars,
            forward_count: self.c.graph().len() as u32,
            nodes: self.nodes,
            output: out.0,
            wrt: None,
            steps: self.steps,
            result: Outcome {
                output: self.c.output_value(),
                gradient: grads,
            },
            pseudocode: PSEUDOCODE.iter().map(|s| s.to_string()).collect(),
        }
    }
}
