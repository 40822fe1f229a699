//! Reverse AD by extending the computational graph (§2.3–2.4). Adjoints and partial
//! adjoints become graph nodes built from ordinary ops, so the result is one extended
//! graph that holds the forward values and the gradient computation, can be evaluated
//! at new inputs, and can be differentiated again.

use std::ops::Range;

use smallvec::SmallVec;

use crate::graph::{Graph, NodeId, Op};
use crate::rules::vjp::{vjp, NodeSink};

impl NodeSink for Graph {
    fn push(&mut self, op: Op, inputs: &[NodeId]) -> NodeId {
        Graph::push(self, op, inputs)
    }
}

/// What the algorithm did, in order; the trace builder turns these into steps.
#[derive(Clone, Debug, PartialEq)]
pub enum Event<'a> {
    /// `node_to_grad = {out: [seed]}` with the new node `seed = 1`.
    Seed {
        /// The output being differentiated.
        output: NodeId,
        /// The new constant-1 node.
        seed: NodeId,
    },
    /// Node `node` is visited; its adjoint is `adjoint` (a new sum node when
    /// `created_sum`, else its only partial).
    Visit {
        /// The node visited.
        node: NodeId,
        /// Its partial adjoints, in the order they arrived.
        partials: &'a [NodeId],
        /// The node holding v̄_node.
        adjoint: NodeId,
        /// Whether a sum node was created.
        created_sum: bool,
    },
    /// Node `node` sends `partial` to its `k`-th input `input`; `created` are the new ids.
    Partial {
        /// The node being visited.
        node: NodeId,
        /// Which input.
        k: usize,
        /// The input node.
        input: NodeId,
        /// The partial adjoint node (`None`: identically zero, nothing sent).
        partial: Option<NodeId>,
        /// Ids of the nodes created for it.
        created: Range<u32>,
    },
}

/// The extended graph and where the adjoints are in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Extension {
    /// Forward nodes first (same ids), then the adjoint computation.
    pub graph: Graph,
    /// How many nodes the graph had before extension.
    pub base_len: usize,
    /// The seed node v̄_out = 1.
    pub seed: NodeId,
    /// For each original node, the node holding its adjoint (`None`: zero).
    pub adjoint: Vec<Option<NodeId>>,
    /// For each variable, the node holding ∂out/∂x (`None`: zero).
    pub gradient: Vec<Option<NodeId>>,
}

/// Extends `graph` with the adjoint computation of `output`, reporting each event.
/// Iterative and linear in the graph size.
pub fn extend(graph: &Graph, output: NodeId, on: impl FnMut(Event<'_>)) -> Extension {
    extend_in_place(graph.clone(), output, on)
}

/// Like [`extend`], but grows `g` itself instead of a copy (as Needle extends its graph):
/// the forward nodes keep their ids and the adjoint computation is appended.
pub fn extend_in_place(mut g: Graph, output: NodeId, mut on: impl FnMut(Event<'_>)) -> Extension {
    let n = g.len();
    // Most ops add one to three nodes on the way back; size the arena once.
    g.reserve(2 * n + 1);
    let live = g.ancestors(output);
    let mut node_to_grad: Vec<SmallVec<[NodeId; 2]>> = vec![SmallVec::new(); n];
    let seed = g.push(Op::Const(1.0), &[]);
    on(Event::Seed { output, seed });
    node_to_grad[output.index()].push(seed);
    let mut adjoint = vec![None; n];
    for i in (0..=output.index()).rev() {
        if !live[i] {
            continue;
        }
        let partials = std::mem::take(&mut node_to_grad[i]);
        let (adj, created_sum) = match partials.as_slice() {
            [] => continue,
            [only] => (*only, false),
            many => (g.push(Op::Sum, many), true),
        };
        adjoint[i] = Some(adj);
        let id = NodeId(i as u32);
        on(Event::Visit {
            node: id,
            partials: &partials,
            adjoint: adj,
            created_sum,
        });
        // A copy (the inputs are inline), since pushing may move the arena.
        let node = g.node(id).clone();
        for (k, &input) in node.inputs.iter().enumerate() {
            let before = g.len() as u32;
            let partial = vjp(node.op, k, &node.inputs, id, adj, &mut g);
            on(Event::Partial {
                node: id,
                k,
                input,
                partial,
                created: before..g.len() as u32,
            });
            if let Some(p) = partial {
                node_to_grad[input.index()].push(p);
            }
        }
    }
    let gradient = g.input_nodes().iter().map(|x| adjoint[x.index()]).collect();
    Extension {
        graph: g,
        base_len: n,
        seed,
        adjoint,
        gradient,
    }
}

impl Extension {
    /// Evaluates the extended graph at `inputs` and reads off the gradient; no AD is re-run.
    pub fn gradient_at(&self, inputs: &[f64]) -> Vec<f64> {
        let values = crate::rules::eval::eval_graph(&self.graph, inputs);
        self.gradient
            .iter()
            .map(|g| g.map_or(0.0, |id| values[id.index()]))
            .collect()
    }
}
