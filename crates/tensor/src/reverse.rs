//! Reverse AD by extending the graph (lecture §2.4, on tensors §2.6 and structures
//! §2.7): visit nodes in reverse creation order, sum each node's partial adjoints into
//! its adjoint node, and send a partial adjoint to each input through the op's vjp.

use std::ops::Range;

use crate::error::TensorError;
use crate::graph::{Graph, NodeId};
use crate::op::Op;
use crate::value::Value;

/// What happened, in order, for the trace.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The seed node z̄ (ones shaped like the output, or a given cotangent) was created.
    Seed {
        /// The output.
        node: NodeId,
        /// The seed node.
        seed: NodeId,
    },
    /// Node `node` was visited; its partials were summed into `adjoint`.
    Visit {
        /// The forward node.
        node: NodeId,
        /// The partial adjoints it received, in arrival order, with their senders.
        partials: Vec<(NodeId, NodeId)>,
        /// The node holding its adjoint.
        adjoint: NodeId,
        /// The sum nodes created (empty when one partial is the adjoint).
        created: Range<u32>,
    },
    /// Node `node` sent a partial adjoint to its input `k`.
    Partial {
        /// The forward node.
        node: NodeId,
        /// Which input.
        k: usize,
        /// The input's node.
        input: NodeId,
        /// The partial adjoint node; `None` when nothing flows.
        partial: Option<NodeId>,
        /// The nodes this vjp created (the partial is the last).
        created: Range<u32>,
    },
}

/// The result of a backward pass.
#[derive(Clone, Debug, PartialEq)]
pub struct Backward {
    /// For each node up to the output, the node holding its adjoint (`None`: nothing
    /// flowed, so the adjoint is zeros shaped like the value).
    pub adjoints: Vec<Option<NodeId>>,
    /// The events, in order.
    pub events: Vec<Event>,
}

/// Which nodes depend on an input (only those need adjoints).
fn needs_grad(g: &Graph, upto: usize) -> Vec<bool> {
    let mut need = vec![false; upto + 1];
    for (i, n) in g.nodes().iter().enumerate().take(upto + 1) {
        need[i] = matches!(n.op, Op::Input(_)) || n.inputs.iter().any(|j| need[j.index()]);
    }
    need
}

fn range_since(g: &Graph, start: usize) -> Range<u32> {
    start as u32..g.len() as u32
}

/// Extends `g` with the adjoints of `output`. The seed is `seed` when given (a value of
/// the output's form), else ones shaped like the output (so a non-scalar output is
/// differentiated as the sum of its entries). A structured output needs a seed.
pub fn backward(
    g: &mut Graph,
    output: NodeId,
    seed: Option<Value>,
) -> Result<Backward, TensorError> {
    let out = output.index();
    let seed_value = match seed {
        Some(s) if s.same_form(g.value(output)) => s,
        Some(s) => {
            return Err(TensorError::structure(
                "seed",
                format!(
                    "{} does not have the form of the output, {}",
                    s.describe(),
                    g.value(output).describe()
                ),
            ))
        }
        None => match g.value(output) {
            Value::Tensor(t) => Value::Tensor(t.map(|_| 1.0)),
            other => {
                return Err(TensorError::structure(
                    "gradient",
                    format!(
                        "the output is {}; end the program with a tensor, e.g. d[\"cat\"]",
                        other.describe()
                    ),
                ))
            }
        },
    };
    let need = needs_grad(g, out);
    let seed = g.leaf(Op::Const, seed_value)?;
    let mut events = vec![Event::Seed { node: output, seed }];
    let mut pending: Vec<Vec<(NodeId, NodeId)>> = vec![Vec::new(); out + 1];
    pending[out].push((seed, output));
    let mut adjoints = vec![None; out + 1];
    for i in (0..=out).rev() {
        let received = std::mem::take(&mut pending[i]);
        let Some(&(first, _)) = received.first() else {
            continue;
        };
        let start = g.len();
        let mut adjoint = first;
        for &(p, _) in &received[1..] {
            adjoint = g.push(Op::Add, &[adjoint, p])?;
        }
        adjoints[i] = Some(adjoint);
        events.push(Event::Visit {
            node: NodeId(i as u32),
            partials: received,
            adjoint,
            created: range_since(g, start),
        });
        let inputs = g.node(NodeId(i as u32)).inputs.clone();
        for (k, input) in inputs.into_iter().enumerate() {
            if !need[input.index()] {
                continue;
            }
            let start = g.len();
            let partial = crate::vjp::vjp(g, NodeId(i as u32), k, adjoint)?;
            if let Some(p) = partial {
                pending[input.index()].push((p, NodeId(i as u32)));
            }
            events.push(Event::Partial {
                node: NodeId(i as u32),
                k,
                input,
                partial,
                created: range_since(g, start),
            });
        }
    }
    Ok(Backward { adjoints, events })
}

/// The adjoint value of node `id` after `b`: its adjoint node's value, or zeros shaped
/// like its value when nothing flowed.
pub fn adjoint_value(g: &Graph, b: &Backward, id: NodeId) -> Value {
    match b.adjoints.get(id.index()).copied().flatten() {
        Some(a) => g.value(a).clone(),
        None => g.value(id).zeros_like(),
    }
}
