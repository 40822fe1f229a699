//! The tensor graph: an append-only arena of nodes, each evaluated as it is added, so
//! creation order is a topological order and every node knows its value and shape.
//! Reverse AD extends the same arena with adjoint nodes.

use crate::error::TensorError;
use crate::eval::eval;
use crate::op::Op;
use crate::value::Value;

/// The most nodes a graph may hold.
pub const MAX_NODES: usize = 200_000;

/// A node's index in its graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub u32);

impl NodeId {
    /// As an index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One node: an op, its inputs, and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The op.
    pub op: Op,
    /// Its inputs, all created before it.
    pub inputs: Vec<NodeId>,
    /// Its value.
    pub value: Value,
    /// The name a statement gave it (`Z` in `Z = X @ W`).
    pub name: Option<String>,
}

/// An append-only arena of evaluated nodes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    nodes: Vec<Node>,
}

impl Graph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when it has no node.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The node `id`.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// The value of node `id`.
    pub fn value(&self, id: NodeId) -> &Value {
        &self.nodes[id.index()].value
    }

    /// Every node in creation order.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Names node `id` (statements name their result).
    pub fn set_name(&mut self, id: NodeId, name: &str) {
        self.nodes[id.index()].name = Some(name.to_string());
    }

    /// Adds a leaf (`Input` or `Const`) holding `value`.
    pub fn leaf(&mut self, op: Op, value: Value) -> Result<NodeId, TensorError> {
        self.append(op, vec![], value)
    }

    /// Adds `op` applied to `inputs`, evaluating it now (shape errors surface here).
    pub fn push(&mut self, op: Op, inputs: &[NodeId]) -> Result<NodeId, TensorError> {
        let args: Vec<&Value> = inputs.iter().map(|&i| self.value(i)).collect();
        let value = eval(&op, &args)?;
        self.append(op, inputs.to_vec(), value)
    }

    fn append(&mut self, op: Op, inputs: Vec<NodeId>, value: Value) -> Result<NodeId, TensorError> {
        if self.nodes.len() >= MAX_NODES {
            return Err(TensorError::Limit {
                what: "the number of graph nodes",
                limit: MAX_NODES,
            });
        }
        self.nodes.push(Node {
            op,
            inputs,
            value,
            name: None,
        });
        Ok(NodeId(self.nodes.len() as u32 - 1))
    }

    /// A constant scalar node.
    pub fn scalar(&mut self, x: f64) -> Result<NodeId, TensorError> {
        self.leaf(Op::Const, Value::scalar(x))
    }
}
