//! Reverse AD by extending the graph (as `modes::extended`), with switches that plant
//! the classic mistakes. With every switch off it builds exactly the graph
//! `modes::extended::extend` builds (tested), so a difference is the planted mistake's.
//!
//! - `overwrite`: `node_to_grad[k] = [v̄_{k→i}]` replaces the list instead of appending,
//!   so a node keeps only the last partial adjoint it received.
//! - `order = Order::DepthFirst`: nodes are visited in depth-first *preorder* from the
//!   output (first input first) instead of reverse topological order, so a node can be
//!   visited before all of its consumers have sent their partial adjoints; those that
//!   arrive later are never summed.
//! - `recompute`: every time a derivative rule reads a forward node that is computed
//!   (not an input), it rebuilds that node's whole forward computation as new nodes
//!   instead of pointing at the existing one (e^a's rule makes a new exp node instead of
//!   reusing v = e^a, §2.4 step 5). The values stay right; the graph grows.

use crate::graph::{Graph, NodeId, Op};
use crate::rules::vjp::{vjp, NodeSink};

/// The order nodes are visited in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Reverse topological (reverse creation) order: right.
    ReverseTopological,
    /// Depth-first preorder from the output: wrong.
    DepthFirst,
}

/// Which mistakes to plant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plant {
    /// Replace node_to_grad[k] instead of appending to it.
    pub overwrite: bool,
    /// The visiting order.
    pub order: Order,
    /// Rebuild computed forward nodes instead of reusing them.
    pub recompute: bool,
}

impl Plant {
    /// No mistake: the algorithm of §2.3–2.4.
    pub const CORRECT: Plant = Plant {
        overwrite: false,
        order: Order::ReverseTopological,
        recompute: false,
    };
}

/// One visit of the planted run.
#[derive(Clone, Debug, PartialEq)]
pub struct PlantedVisit {
    /// The forward node visited.
    pub node: NodeId,
    /// The node holding its adjoint (`None`: no partial adjoint had arrived, so 0).
    pub adjoint: Option<NodeId>,
    /// How many nodes the visit created.
    pub created: usize,
    /// Forward nodes the visit's rules rebuilt instead of reusing.
    pub recomputed: Vec<NodeId>,
}

/// The extended graph of a planted run.
#[derive(Clone, Debug, PartialEq)]
pub struct PlantedRun {
    /// Forward nodes first (same ids), then the adjoint computation.
    pub graph: Graph,
    /// The visits in the order they happened.
    pub visits: Vec<PlantedVisit>,
    /// For each variable, the node holding ∂out/∂x (`None`: zero).
    pub gradient: Vec<Option<NodeId>>,
}

/// A node sink that rebuilds every computed forward node an input refers to.
struct Recompute<'a> {
    g: &'a mut Graph,
    base: usize,
    recomputed: Vec<NodeId>,
}

impl Recompute<'_> {
    /// A fresh copy of the forward computation of `id` (inputs and constants shared).
    fn copy_cone(&mut self, id: NodeId) -> NodeId {
        let mut copies: Vec<Option<NodeId>> = vec![None; id.index() + 1];
        // Ids are topological: copying the cone in increasing id order sees inputs first.
        let mut needed = vec![false; id.index() + 1];
        needed[id.index()] = true;
        for i in (0..=id.index()).rev() {
            if needed[i] {
                for j in &self.g.node(NodeId(i as u32)).inputs {
                    needed[j.index()] = true;
                }
            }
        }
        for i in 0..=id.index() {
            let n = self.g.node(NodeId(i as u32)).clone();
            if !needed[i] || n.inputs.is_empty() {
                continue;
            }
            let inputs: Vec<NodeId> = n
                .inputs
                .iter()
                .map(|j| copies[j.index()].unwrap_or(*j))
                .collect();
            copies[i] = Some(self.g.push(n.op, &inputs));
        }
        copies[id.index()].unwrap_or(id)
    }
}

impl NodeSink for Recompute<'_> {
    fn push(&mut self, op: Op, inputs: &[NodeId]) -> NodeId {
        let mut mapped = Vec::with_capacity(inputs.len());
        for &j in inputs {
            let computed = j.index() < self.base && !self.g.node(j).inputs.is_empty();
            if computed {
                self.recomputed.push(j);
                mapped.push(self.copy_cone(j));
            } else {
                mapped.push(j);
            }
        }
        self.g.push(op, &mapped)
    }
}

/// The visiting order of the live nodes.
fn visit_order(g: &Graph, output: NodeId, order: Order) -> Vec<usize> {
    let live = g.ancestors(output);
    match order {
        Order::ReverseTopological => (0..=output.index()).rev().filter(|&i| live[i]).collect(),
        Order::DepthFirst => {
            let mut seen = vec![false; g.len()];
            let mut stack = vec![output.index()];
            let mut out = Vec::new();
            while let Some(i) = stack.pop() {
                if seen[i] {
                    continue;
                }
                seen[i] = true;
                out.push(i);
                for j in g.node(NodeId(i as u32)).inputs.iter().rev() {
                    if !seen[j.index()] {
                        stack.push(j.index());
                    }
                }
            }
            out
        }
    }
}

/// Extends `graph` with the adjoint computation of `output`, with `plant`'s mistakes.
pub fn extend_planted(graph: &Graph, output: NodeId, plant: Plant) -> PlantedRun {
    let mut g = graph.clone();
    let base = g.len();
    let mut node_to_grad: Vec<Vec<NodeId>> = vec![Vec::new(); base];
    let seed = g.push(Op::Const(1.0), &[]);
    node_to_grad[output.index()].push(seed);
    let mut adjoint: Vec<Option<NodeId>> = vec![None; base];
    let mut visits = Vec::new();
    for i in visit_order(graph, output, plant.order) {
        let before = g.len();
        let partials = std::mem::take(&mut node_to_grad[i]);
        let adj = match partials.as_slice() {
            [] => None,
            [only] => Some(*only),
            many => Some(g.push(Op::Sum, many)),
        };
        adjoint[i] = adj;
        let mut recomputed = Vec::new();
        if let Some(a) = adj {
            let id = NodeId(i as u32);
            let node = g.node(id).clone();
            for (k, &input) in node.inputs.iter().enumerate() {
                let partial = if plant.recompute {
                    let mut sink = Recompute {
                        g: &mut g,
                        base,
                        recomputed: Vec::new(),
                    };
                    let p = vjp(node.op, k, &node.inputs, id, a, &mut sink);
                    recomputed.extend(sink.recomputed);
                    p
                } else {
                    vjp(node.op, k, &node.inputs, id, a, &mut g)
                };
                if let Some(p) = partial {
                    if plant.overwrite {
                        node_to_grad[input.index()] = vec![p];
                    } else {
                        node_to_grad[input.index()].push(p);
                    }
                }
            }
        }
        visits.push(PlantedVisit {
            node: NodeId(i as u32),
            adjoint: adj,
            created: g.len() - before,
            recomputed,
        });
    }
    let gradient = g.input_nodes().iter().map(|x| adjoint[x.index()]).collect();
    PlantedRun {
        graph: g,
        visits,
        gradient,
    }
}
