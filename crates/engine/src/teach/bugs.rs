//! Bug hunt: reverse AD with one classic mistake planted, compared visit by visit with
//! the right run, so the app can point at the first node where the two part ways and
//! at the damage done to the gradient.
//!
//! Overwriting and visiting in the wrong order change values. Not reusing forward nodes
//! leaves every value right and makes the graph bigger: its divergence is in the node
//! count (see `planted` for the exact definitions).

use serde::{Deserialize, Serialize};

use super::planted::{extend_planted, Order, Plant, PlantedRun};
use crate::modes::compile::Compiled;
use crate::rules::eval::eval_graph;

/// A classic mistake in reverse AD.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bug {
    /// `node_to_grad[k] = [v̄_{k→i}]`: the last partial adjoint replaces the others.
    OverwriteInsteadOfSum,
    /// Nodes visited depth-first from the output, not in reverse topological order.
    WrongOrder,
    /// Derivative rules rebuild computed forward nodes instead of reusing them.
    NoReuse,
}

impl Bug {
    /// Every bug, in the order the app lists them.
    pub const ALL: [Bug; 3] = [Bug::OverwriteInsteadOfSum, Bug::WrongOrder, Bug::NoReuse];

    /// The bug's short name (URLs, test ids).
    pub fn name(self) -> &'static str {
        match self {
            Bug::OverwriteInsteadOfSum => "overwrite",
            Bug::WrongOrder => "order",
            Bug::NoReuse => "reuse",
        }
    }

    /// Parses a short name.
    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.name() == s)
    }

    fn plant(self) -> Plant {
        let mut p = Plant::CORRECT;
        match self {
            Bug::OverwriteInsteadOfSum => p.overwrite = true,
            Bug::WrongOrder => p.order = Order::DepthFirst,
            Bug::NoReuse => p.recompute = true,
        }
        p
    }
}

/// One visit of the buggy run next to the same node in the right run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VisitRecord {
    /// The forward node visited.
    pub node: u32,
    /// Its label (`v2`).
    pub label: String,
    /// Its adjoint in the right run.
    pub correct: f64,
    /// Its adjoint in the buggy run.
    pub buggy: f64,
    /// Nodes the right run created at this visit.
    pub correct_created: usize,
    /// Nodes the buggy run created at this visit.
    pub buggy_created: usize,
    /// Labels of forward nodes the buggy visit rebuilt instead of reusing.
    pub recomputed: Vec<String>,
}

impl VisitRecord {
    /// Whether this visit already differs from the right run.
    pub fn diverges(&self) -> bool {
        !close(self.correct, self.buggy) || self.buggy_created != self.correct_created
    }
}

/// Where the buggy run first parts from the right one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Divergence {
    /// The position of the visit in the buggy run's order (0: the output).
    pub visit: usize,
    /// The node.
    pub node: u32,
    /// Its label.
    pub label: String,
    /// Its right adjoint.
    pub correct: f64,
    /// Its buggy adjoint.
    pub buggy: f64,
    /// Whether the values differ (else only the node count does).
    pub value_differs: bool,
}

/// ∂y/∂x for one variable, right and buggy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradientDiff {
    /// The variable.
    pub name: String,
    /// The right derivative.
    pub correct: f64,
    /// The buggy one.
    pub buggy: f64,
}

impl GradientDiff {
    /// buggy − correct.
    pub fn difference(&self) -> f64 {
        self.buggy - self.correct
    }
}

/// The buggy run compared with the right one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BugRun {
    /// The planted mistake.
    pub bug: Bug,
    /// The buggy run's visits in its own order.
    pub visits: Vec<VisitRecord>,
    /// The first visit that differs, if any.
    pub divergence: Option<Divergence>,
    /// The gradient, right and buggy.
    pub gradient: Vec<GradientDiff>,
    /// Nodes of the right extended graph.
    pub correct_nodes: usize,
    /// Nodes of the buggy extended graph.
    pub buggy_nodes: usize,
}

impl BugRun {
    /// Whether the buggy gradient differs from the right one anywhere.
    pub fn gradient_differs(&self) -> bool {
        self.gradient.iter().any(|d| !close(d.correct, d.buggy))
    }
}

/// Equal up to rounding noise.
fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}

/// Each forward node's adjoint value in a planted run (0 where none arrived).
fn adjoint_values(run: &PlantedRun, inputs: &[f64], base: usize) -> Vec<f64> {
    let values = eval_graph(&run.graph, inputs);
    let mut out = vec![0.0; base];
    for v in &run.visits {
        out[v.node.index()] = v.adjoint.map_or(0.0, |a| values[a.index()]);
    }
    out
}

/// Runs reverse AD on `c` with `bug` planted and compares it with the right run.
pub fn run_bug(c: &Compiled, bug: Bug) -> BugRun {
    let g = c.graph();
    let labels = c.labels();
    let right = extend_planted(g, c.output(), Plant::CORRECT);
    let wrong = extend_planted(g, c.output(), bug.plant());
    let right_bar = adjoint_values(&right, &c.inputs, g.len());
    let wrong_bar = adjoint_values(&wrong, &c.inputs, g.len());
    let mut right_created = vec![0; g.len()];
    for v in &right.visits {
        right_created[v.node.index()] = v.created;
    }
    let visits: Vec<VisitRecord> = wrong
        .visits
        .iter()
        .map(|v| {
            let i = v.node.index();
            VisitRecord {
                node: v.node.0,
                label: labels[i].clone(),
                correct: right_bar[i],
                buggy: wrong_bar[i],
                correct_created: right_created[i],
                buggy_created: v.created,
                recomputed: v
                    .recomputed
                    .iter()
                    .map(|r| labels[r.index()].clone())
                    .collect(),
            }
        })
        .collect();
    let divergence = visits.iter().position(VisitRecord::diverges).map(|k| {
        let r = &visits[k];
        Divergence {
            visit: k,
            node: r.node,
            label: r.label.clone(),
            correct: r.correct,
            buggy: r.buggy,
            value_differs: !close(r.correct, r.buggy),
        }
    });
    let gradient = g
        .variables()
        .iter()
        .zip(g.input_nodes())
        .map(|(name, x)| GradientDiff {
            name: name.clone(),
            correct: right_bar[x.index()],
            buggy: wrong_bar[x.index()],
        })
        .collect();
    BugRun {
        bug,
        visits,
        divergence,
        gradient,
        correct_nodes: right.graph.len(),
        buggy_nodes: wrong.graph.len(),
    }
}
