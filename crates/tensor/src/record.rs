//! Records reverse AD on a tensor graph as the engine's `Trace` (mode Extended), so the
//! app and the CLI replay it like a scalar trace. Every node carries its tensor or
//! structure in `NodeView::shaped`; `value` is the entry of a rank-0 tensor, else 0.0.

use adjoint_engine::modes::reverse::PSEUDOCODE;
use adjoint_engine::render::text::text;
use adjoint_engine::render::{Sym, Term};
use adjoint_engine::trace::{Outcome, Variable};
use adjoint_engine::{Mode, NodeKind, NodeView, ShapedValue, Step, StepKind, Trace};

use crate::domain::explain;
use crate::export::{entry_count, shaped_text, SHOWN_ENTRIES};
use crate::graph::{Graph, NodeId};
use crate::lower::Program;
use crate::op::Op;
use crate::reverse::{adjoint_value, Backward, Event};
use crate::terms::{definition, partial_sym};
use crate::value::Value;

/// Builds the trace of `b`, the backward pass of `p` (whose graph `g` it extended).
pub fn record(p: &Program, g: &Graph, b: &Backward) -> Trace {
    let forward = p.graph.len();
    let mut r = Recorder {
        g,
        labels: Vec::new(),
        display: Vec::new(),
        nodes: Vec::new(),
        held: vec![None; forward],
    };
    for (i, n) in g.nodes().iter().enumerate().take(forward) {
        let label = n.name.clone().unwrap_or_else(|| format!("v{}", i + 1));
        r.labels.push(label.clone());
        r.display.push(Term::sym(Sym::value(&label)));
        let kind = if matches!(n.op, Op::Input(_)) {
            NodeKind::Input
        } else {
            NodeKind::Forward
        };
        r.add(NodeId(i as u32), kind, Some(Sym::value(&label)), None, None);
    }
    let mut steps = Vec::new();
    for e in &b.events {
        let at = steps.len() as u32;
        steps.push(r.step(e, at, p.output));
    }
    let gradient: Vec<Variable> = p
        .inputs
        .iter()
        .map(|(name, id)| Variable {
            name: name.clone(),
            value: adjoint_value(g, b, *id).scalar_or_zero(),
        })
        .collect();
    let listing = p
        .inputs
        .iter()
        .map(|(name, id)| {
            format!(
                "{} {}",
                text(&Term::sym(Sym::adjoint(name))),
                adjoint_value(g, b, *id).badge()
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let output = g.value(p.output).scalar_or_zero();
    steps.push(Step::new(
        StepKind::Done,
        p.output.0,
        PSEUDOCODE.len() as u32 - 1,
        vec![],
        output,
        format!("Done: every adjoint has the shape of its value ({listing})."),
    ));
    Trace {
        mode: Mode::Extended,
        variables: p
            .inputs
            .iter()
            .map(|(name, id)| Variable {
                name: name.clone(),
                value: g.value(*id).scalar_or_zero(),
            })
            .collect(),
        nodes: r.nodes,
        forward_count: forward as u32,
        output: p.output.0,
        wrt: None,
        steps,
        result: Outcome { output, gradient },
        pseudocode: PSEUDOCODE.iter().map(|s| s.to_string()).collect(),
    }
}

struct Recorder<'a> {
    g: &'a Graph,
    labels: Vec<String>,
    /// How each node is written inside other formulas.
    display: Vec<Term>,
    nodes: Vec<NodeView>,
    /// For each visited forward node, the node holding its adjoint.
    held: Vec<Option<usize>>,
}

impl Recorder<'_> {
    /// Adds the view of node `id`; `sym` names it (None: a helper drawn as its formula).
    fn add(
        &mut self,
        id: NodeId,
        kind: NodeKind,
        sym: Option<Sym>,
        column: Option<usize>,
        step: Option<u32>,
    ) {
        let n = self.g.node(id);
        let args: Vec<Term> = n
            .inputs
            .iter()
            .map(|j| self.display[j.index()].clone())
            .collect();
        let def = definition(&n.op, &args, &n.value);
        let (label, display) = match &sym {
            Some(s) => (text(&Term::sym(s.clone())), Term::sym(s.clone())),
            None => (text(&def), def.clone()),
        };
        let inputs: Vec<&Value> = n.inputs.iter().map(|j| self.g.value(*j)).collect();
        let input_labels: Vec<&str> = n
            .inputs
            .iter()
            .map(|j| {
                self.labels
                    .get(j.index())
                    .map_or("an input", String::as_str)
            })
            .collect();
        let issue = explain(&n.op, &inputs, &n.value, &input_labels);
        if self.labels.len() <= id.index() {
            self.labels.push(label.clone());
            self.display.push(display);
        }
        self.nodes.push(NodeView {
            id: id.0,
            label,
            sym: sym.unwrap_or_else(|| Sym::value(&text(&def))),
            kind,
            op: n.op.label(),
            inputs: n.inputs.iter().map(|j| j.0).collect(),
            value: n.value.scalar_or_zero(),
            definition: def,
            column_of: column.map(|c| c as u32),
            created_at: step,
            also: None,
            issue,
            shaped: Some(n.value.to_shaped()),
        });
    }

    fn shape_of(&self, id: NodeId) -> String {
        self.g.value(id).badge()
    }

    fn make(
        &self,
        kind: StepKind,
        node: NodeId,
        line: u32,
        equation: Vec<Term>,
        result: Option<NodeId>,
        narration: String,
    ) -> Step {
        let value = result.map_or(0.0, |r| self.g.value(r).scalar_or_zero());
        let mut equation = equation;
        if let Some(Value::Tensor(t)) = result.map(|r| self.g.value(r)) {
            if let Some(v) = t.as_scalar() {
                equation.push(Term::Num(v));
            }
        }
        // Small tensors and structures are written out in the narration.
        let shown = result
            .map(|r| self.g.value(r).to_shaped())
            .filter(|v| {
                entry_count(v) <= SHOWN_ENTRIES
                    && !matches!(v, ShapedValue::Tensor { shape, .. } if shape.is_empty())
            })
            .map_or_else(String::new, |v| format!(" Value: {}.", shaped_text(&v)));
        let narration = narration + &shown;
        let mut s = Step::new(kind, node.0, line, equation, value, narration);
        s.result = result.map(|r| r.0);
        s
    }

    fn step(&mut self, e: &Event, at: u32, output: NodeId) -> Step {
        match e {
            Event::Seed { node, seed } => {
                let sym = Sym::adjoint(&self.labels[node.index()]);
                self.add(
                    *seed,
                    NodeKind::Seed,
                    Some(sym.clone()),
                    Some(node.index()),
                    Some(at),
                );
                let lhs = Term::sym(sym);
                let ones = match self.g.value(*seed) {
                    Value::Tensor(t) if t.rank() == 0 => vec![],
                    v => vec![crate::terms::literal(format!("ones[{}]", v.badge()))],
                };
                let mut eq = vec![lhs.clone()];
                eq.extend(ones);
                let mut s = self.make(
                    StepKind::Seed,
                    *node,
                    1,
                    eq,
                    Some(*seed),
                    format!(
                        "Create the output gradient node {} (shape {}, all ones) and put it in node_to_grad[{}].",
                        text(&lhs),
                        self.shape_of(*seed),
                        self.labels[node.index()]
                    ),
                );
                s.created = vec![seed.0];
                s
            }
            Event::Visit {
                node,
                partials,
                adjoint,
                created,
            } => {
                let i = node.index();
                let lhs = Term::sym(Sym::adjoint(&self.labels[i]));
                let names: Vec<Term> = partials
                    .iter()
                    .map(|&(p, to)| {
                        if *node == output {
                            self.display[p.index()].clone()
                        } else {
                            Term::sym(partial_sym(&self.labels[i], &self.labels[to.index()]))
                        }
                    })
                    .collect();
                let created: Vec<u32> = created.clone().collect();
                if let Some(h) = self.held.get_mut(i) {
                    *h = Some(adjoint.index());
                }
                for (n, &id) in created.iter().enumerate() {
                    let last = n + 1 == created.len();
                    let (kind, sym) = if last {
                        (NodeKind::Adjoint, Some(Sym::adjoint(&self.labels[i])))
                    } else {
                        (NodeKind::Aux, None)
                    };
                    self.add(NodeId(id), kind, sym, Some(i), Some(at));
                }
                let narration = if created.is_empty() {
                    if let Some(view) = self.nodes.get_mut(adjoint.index()) {
                        if view.kind == NodeKind::Partial && view.also.is_none() {
                            view.also = Some(Sym::adjoint(&self.labels[i]));
                            self.display[adjoint.index()] = lhs.clone();
                        }
                    }
                    format!(
                        "Visit {}: one partial adjoint, which is its adjoint {} (shape {}); no new node.",
                        self.labels[i],
                        text(&lhs),
                        self.shape_of(*adjoint)
                    )
                } else {
                    if let Some(view) = self.nodes.last_mut() {
                        view.definition = Term::Sum(names.clone());
                    }
                    format!(
                        "Visit {}: {} partial adjoints, summed into a new node {} = {} (shape {}).",
                        self.labels[i],
                        names.len(),
                        text(&lhs),
                        text(&Term::Sum(names.clone())),
                        self.shape_of(*adjoint)
                    )
                };
                let mut eq = vec![lhs];
                if *node != output || !created.is_empty() {
                    eq.push(Term::Sum(names));
                }
                let mut s = self.make(StepKind::Visit, *node, 3, eq, Some(*adjoint), narration);
                s.created = created;
                s
            }
            Event::Partial {
                node,
                k,
                input,
                partial,
                created,
            } => {
                let (i, j) = (node.index(), input.index());
                let lhs = Term::sym(partial_sym(&self.labels[j], &self.labels[i]));
                let Some(p) = partial else {
                    let mut s = self.make(
                        StepKind::Partial,
                        *node,
                        5,
                        vec![lhs, Term::Num(0.0)],
                        None,
                        format!(
                            "Nothing flows from {} to its input {} (input {k}).",
                            self.labels[i], self.labels[j]
                        ),
                    );
                    s.input = Some(input.0);
                    return s;
                };
                // Inside the new formulas v̄_i is called by its adjoint name.
                let adj = Term::sym(Sym::adjoint(&self.labels[i]));
                let held = self.held.get(i).copied().flatten();
                let saved = held.map(|h| std::mem::replace(&mut self.display[h], adj.clone()));
                let ids: Vec<u32> = created.clone().collect();
                for &id in &ids {
                    let (kind, sym) = if id == p.0 {
                        (
                            NodeKind::Partial,
                            Some(partial_sym(&self.labels[j], &self.labels[i])),
                        )
                    } else {
                        (NodeKind::Aux, None)
                    };
                    self.add(
                        NodeId(id),
                        kind,
                        sym,
                        Some(if id == p.0 { j } else { i }),
                        Some(at),
                    );
                }
                if let (Some(h), Some(d)) = (held, saved) {
                    self.display[h] = d;
                }
                let body = if ids.contains(&p.0) {
                    self.nodes
                        .iter()
                        .rev()
                        .find(|v| v.id == p.0)
                        .map(|v| v.definition.clone())
                } else {
                    Some(self.display[p.index()].clone())
                };
                let narration = format!(
                    "{} sends {}{} to {}: shape {}, the shape of {} ({}), then appends it to node_to_grad[{}].",
                    self.labels[i],
                    text(&lhs),
                    body.as_ref().map_or(String::new(), |b| format!(" = {}", text(b))),
                    self.labels[j],
                    self.shape_of(*p),
                    self.labels[j],
                    self.shape_of(*input),
                    self.labels[j]
                );
                let mut eq = vec![lhs];
                eq.extend(body);
                let mut s = self.make(StepKind::Partial, *node, 5, eq, Some(*p), narration);
                s.input = Some(input.0);
                s.created = ids;
                s
            }
        }
    }
}

/// The node holding the adjoint of forward node `node` in trace `t` (the result of its
/// visit), for views that show a value next to its adjoint; `None` when nothing flowed.
pub fn adjoint_node_of(t: &Trace, node: u32) -> Option<u32> {
    t.steps
        .iter()
        .rev()
        .find(|s| s.kind == StepKind::Visit && s.node == node)
        .and_then(|s| s.result)
}
