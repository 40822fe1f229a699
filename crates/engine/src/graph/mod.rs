//! The computational graph: an append-only arena of nodes with integer ids.
//!
//! Ids are given in creation order and every node's inputs are created before it, so
//! id order is a topological order; reverse id order is a reverse topological order.

pub mod build;
pub mod op;

pub use op::Op;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

/// A node's index in its graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct NodeId(pub u32);

impl NodeId {
    /// The index as `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A node's inputs, inline for up to two.
pub type Inputs = SmallVec<[NodeId; 2]>;

/// One node: an op applied to earlier nodes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// What it computes.
    pub op: Op,
    /// Its inputs, all with smaller ids.
    pub inputs: Inputs,
}

/// The graph: nodes, their display names, and the input variables.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    nodes: Vec<Node>,
    /// Display names of the few nodes that have one (a user's `a = …`); sparse, since
    /// generated graphs have millions of nameless nodes.
    names: BTreeMap<u32, String>,
    /// Input variable names, by `Op::Input` index.
    /// Shared, since extending a graph copies it and a product of a million factors has a
    /// million input names (copying them cost ~100 ns per op).
    variables: Arc<Vec<String>>,
}

impl Graph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an input variable node.
    pub fn input(&mut self, variable: &str) -> NodeId {
        let k = self.variables.len() as u32;
        Arc::make_mut(&mut self.variables).push(variable.to_string());
        self.push(Op::Input(k), &[])
    }

    /// Appends a node. Inputs must already exist (checked in debug builds).
    pub fn push(&mut self, op: Op, inputs: &[NodeId]) -> NodeId {
        debug_assert!(inputs.iter().all(|i| i.index() < self.nodes.len()));
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node {
            op,
            inputs: SmallVec::from_slice(inputs),
        });
        id
    }

    /// Gives a node a display name.
    pub fn set_name(&mut self, id: NodeId, name: impl Into<String>) {
        self.names.insert(id.0, name.into());
    }

    /// A node's display name if one was set.
    pub fn name(&self, id: NodeId) -> Option<&str> {
        self.names.get(&id.0).map(String::as_str)
    }

    /// Makes room for `additional` more nodes (extension roughly triples a graph).
    pub fn reserve(&mut self, additional: usize) {
        self.nodes.reserve(additional);
    }

    /// A node.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// All nodes in id (topological) order.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Input variable names in order.
    pub fn variables(&self) -> &[String] {
        &self.variables
    }

    /// The node of each input variable, in variable order.
    pub fn input_nodes(&self) -> Vec<NodeId> {
        let mut out = vec![NodeId(0); self.variables.len()];
        let mut found = 0;
        for (i, n) in self.nodes.iter().enumerate() {
            if found == out.len() {
                break; // inputs come before the nodes that read them: stop early
            }
            if let Op::Input(k) = n.op {
                out[k as usize] = NodeId(i as u32);
                found += 1;
            }
        }
        out
    }

    /// Marks which nodes the output depends on (itself included).
    pub fn ancestors(&self, output: NodeId) -> Vec<bool> {
        let mut live = vec![false; self.nodes.len()];
        live[output.index()] = true;
        for i in (0..=output.index()).rev() {
            if live[i] {
                for &j in &self.nodes[i].inputs {
                    live[j.index()] = true;
                }
            }
        }
        live
    }

    /// Number of consumers of each node.
    pub fn fan_out(&self) -> Vec<u32> {
        let mut out = vec![0; self.nodes.len()];
        for n in &self.nodes {
            for &j in &n.inputs {
                out[j.index()] += 1;
            }
        }
        out
    }
}
