//! From program text and input values to an evaluated graph, and the views every trace
//! starts from (labels, definitions, values of the forward graph).

use crate::error::EngineError;
use crate::graph::build::{lower, Lowered};
use crate::graph::{Graph, NodeId, Op};
use crate::render::text::text;
use crate::render::{Sym, Term};
use crate::rules::domain::explain;
use crate::rules::eval::eval_graph;
use crate::rules::partial_term::definition_term;
use crate::syntax::parse;
use crate::trace::{NodeKind, NodeView, Variable};

/// A parsed, lowered and evaluated program.
#[derive(Clone, Debug, PartialEq)]
pub struct Compiled {
    /// The graph and its output.
    pub lowered: Lowered,
    /// One value per input variable.
    pub inputs: Vec<f64>,
    /// One value per node.
    pub values: Vec<f64>,
}

/// Parses `source`, builds its graph, binds `values` (by variable name) and evaluates.
pub fn compile(source: &str, values: &[(String, f64)]) -> Result<Compiled, EngineError> {
    let lowered = lower(&parse(source)?)?;
    let inputs = lowered.bind(values)?;
    let node_values = eval_graph(&lowered.graph, &inputs);
    Ok(Compiled {
        lowered,
        inputs,
        values: node_values,
    })
}

impl Compiled {
    /// The graph.
    pub fn graph(&self) -> &Graph {
        &self.lowered.graph
    }

    /// The output node.
    pub fn output(&self) -> NodeId {
        self.lowered.output
    }

    /// The output value y.
    pub fn output_value(&self) -> f64 {
        self.values[self.output().index()]
    }

    /// The variables with their values.
    pub fn variables(&self) -> Vec<Variable> {
        let names = self.graph().variables();
        names
            .iter()
            .zip(&self.inputs)
            .map(|(n, v)| Variable {
                name: n.clone(),
                value: *v,
            })
            .collect()
    }

    /// Each node's label: its name if the program gave one, else `v{i}` (1-based).
    pub fn labels(&self) -> Vec<String> {
        forward_labels(self.graph())
    }

    /// The forward graph as views (kinds Input and Forward).
    pub fn forward_views(&self) -> Vec<NodeView> {
        let g = self.graph();
        let labels = self.labels();
        let terms: Vec<Term> = labels.iter().map(|l| Term::sym(Sym::value(l))).collect();
        g.nodes()
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let args: Vec<Term> = n.inputs.iter().map(|j| terms[j.index()].clone()).collect();
                let variable = match n.op {
                    Op::Input(k) => g.variables()[k as usize].as_str(),
                    _ => "",
                };
                let arg_values: Vec<f64> =
                    n.inputs.iter().map(|j| self.values[j.index()]).collect();
                let arg_labels: Vec<&str> = n
                    .inputs
                    .iter()
                    .map(|j| labels[j.index()].as_str())
                    .collect();
                NodeView {
                    id: i as u32,
                    label: labels[i].clone(),
                    sym: Sym::value(&labels[i]),
                    kind: if matches!(n.op, Op::Input(_)) {
                        NodeKind::Input
                    } else {
                        NodeKind::Forward
                    },
                    op: match n.op {
                        Op::Input(_) => variable.to_string(),
                        op => op.label(),
                    },
                    inputs: n.inputs.iter().map(|j| j.0).collect(),
                    value: self.values[i],
                    definition: definition_term(n.op, &args, variable),
                    column_of: None,
                    created_at: None,
                    also: None,
                    issue: explain(n.op, &arg_values, self.values[i], &arg_labels),
                    shaped: None,
                }
            })
            .collect()
    }
}

/// Labels for a graph's nodes: the given name, or `v{i}` counting from 1.
pub fn forward_labels(g: &Graph) -> Vec<String> {
    (0..g.len())
        .map(|i| {
            g.name(NodeId(i as u32))
                .map_or_else(|| format!("v{}", i + 1), str::to_string)
        })
        .collect()
}

/// A node's definition as text, e.g. `v3 = ln v1`.
pub fn definition_text(view: &NodeView) -> String {
    format!("{} = {}", view.label, text(&view.definition))
}
