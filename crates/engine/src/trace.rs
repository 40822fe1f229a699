//! The serializable record of a run: every node with its label and value, and every
//! step of the algorithm with its equation, pseudocode line and narration. The app and
//! the CLI only replay this; they do no derivative math of their own.

use serde::{Deserialize, Serialize};

use crate::render::{Sym, Term};

/// Which algorithm a trace records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Forward mode: tangents v̇_i = ∂v_i/∂x in topological order.
    Forward,
    /// Reverse mode with numbers: adjoints v̄_i in reverse topological order.
    Reverse,
    /// Reverse AD by extending the graph with adjoint nodes (the lecture's §2.4).
    Extended,
    /// Backpropagation: adjoints written onto the forward nodes, no new nodes.
    Backprop,
}

impl Mode {
    /// Every mode, in the order the app shows them.
    pub const ALL: [Mode; 4] = [Mode::Forward, Mode::Reverse, Mode::Extended, Mode::Backprop];

    /// The mode's name as used in URLs and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Forward => "forward",
            Mode::Reverse => "reverse",
            Mode::Extended => "extended",
            Mode::Backprop => "backprop",
        }
    }

    /// Parses a mode name.
    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == s)
    }
}

/// An input variable and its value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variable {
    /// Its name as written (`x1`).
    pub name: String,
    /// Its value.
    pub value: f64,
}

/// What a node is in the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// An input v_i = x_k.
    Input,
    /// An op of the forward graph.
    Forward,
    /// The output gradient node v̄_n = 1.
    Seed,
    /// A sum of partial adjoints v̄_i = Σ v̄_{i→j}.
    Adjoint,
    /// A partial adjoint v̄_{k→i}.
    Partial,
    /// A helper inside a rule (e.g. `cos v2` for sin's derivative).
    Aux,
}

/// One node of the (possibly extended) graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NodeView {
    /// Its id (index into `Trace::nodes`).
    pub id: u32,
    /// Its label as text: `v3`, `v̄2`, `v̄_{2→4}`, `cos v2`.
    pub label: String,
    /// Its symbol.
    pub sym: Sym,
    /// What it is.
    pub kind: NodeKind,
    /// The short op label drawn in the node: `ln`, `×`, `+1`.
    pub op: String,
    /// Its inputs' ids.
    pub inputs: Vec<u32>,
    /// Its value at the given inputs.
    pub value: f64,
    /// Its definition: `ln v1`, `v̄4 × v3`.
    pub definition: Term,
    /// The forward node whose column it belongs to (adjoint nodes), for layout.
    pub column_of: Option<u32>,
    /// The step that created it; `None` for the forward graph.
    pub created_at: Option<u32>,
    /// A second name it gets later (a lone partial becomes the adjoint: v̄3 = v̄_{3→4}).
    pub also: Option<Sym>,
    /// Why the value is NaN or infinite, if it is.
    pub issue: Option<String>,
    /// The tensor or structure this node holds, for tensor programs (`adjoint-tensor`).
    /// Scalar programs leave it `None` (`null` in JSON: always written, because the
    /// binary encoding cannot skip fields); tensor nodes then put their value here and
    /// set `value` to the scalar itself for rank 0, else 0.0 (never NaN).
    #[serde(default)]
    pub shaped: Option<ShapedValue>,
}

/// A tensor (any rank, row-major) or a structure of them: what a node of a tensor
/// program holds. Its adjoint has the same shape, with zeros where nothing flowed.
/// Externally tagged in JSON (`{"tensor": {"shape": …, "data": …}}`), so the compact
/// binary encoding the app's tensor module uses can read it too (no self-description).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShapedValue {
    /// A tensor: `shape` (empty for a scalar) and its entries in row-major order.
    Tensor {
        /// The size of each axis.
        shape: Vec<usize>,
        /// The entries, row-major; `shape.iter().product()` of them.
        data: Vec<f64>,
    },
    /// A tuple `(a, b)`.
    Tuple {
        /// Its items in order.
        items: Vec<ShapedValue>,
    },
    /// A dict `{"cat": a0, "dog": a1}`, entries sorted by key.
    Dict {
        /// Its entries, sorted by key.
        entries: Vec<(String, ShapedValue)>,
    },
}

/// What a step does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Reverse: the output's adjoint is set to 1.
    Seed,
    /// Reverse: node i is visited and its partial adjoints summed into v̄_i.
    Visit,
    /// Reverse: node i sends the partial adjoint v̄_{k→i} to its input k.
    Partial,
    /// Forward: the tangent v̇_i is computed.
    Tangent,
    /// The result is read off.
    Done,
}

/// One step of an algorithm.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// What it does.
    pub kind: StepKind,
    /// The forward node in focus.
    pub node: u32,
    /// For `Partial`: the input k that receives v̄_{k→i}.
    pub input: Option<u32>,
    /// The node holding this step's result (extended mode), if any.
    pub result: Option<u32>,
    /// Nodes created by this step, in order.
    pub created: Vec<u32>,
    /// The line of `Trace::pseudocode` being executed.
    pub line: u32,
    /// `lhs = formula = … = value`.
    pub equation: Vec<Term>,
    /// The value computed.
    pub value: f64,
    /// The step in one sentence, for the narration line.
    pub narration: String,
}

impl Step {
    /// A step that creates no node and sends nothing to an input.
    pub fn new(
        kind: StepKind,
        node: u32,
        line: u32,
        equation: Vec<Term>,
        value: f64,
        narration: String,
    ) -> Self {
        Self {
            kind,
            node,
            input: None,
            result: None,
            created: vec![],
            line,
            equation,
            value,
            narration,
        }
    }
}

/// The final numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The output value y.
    pub output: f64,
    /// ∂y/∂x for each variable (forward mode: the chosen variable only).
    pub gradient: Vec<Variable>,
}

/// A complete, replayable record of one run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    /// The algorithm.
    pub mode: Mode,
    /// The inputs.
    pub variables: Vec<Variable>,
    /// Every node: the forward graph first, then nodes the algorithm created.
    pub nodes: Vec<NodeView>,
    /// `nodes[..forward_count]` is the forward graph.
    pub forward_count: u32,
    /// The output node.
    pub output: u32,
    /// Forward mode: the index of the variable differentiated against.
    pub wrt: Option<u32>,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// The result.
    pub result: Outcome,
    /// The algorithm's pseudocode, one line per entry.
    pub pseudocode: Vec<String>,
}

impl Trace {
    /// Every edge of the (extended) graph as (input node, node) indices, in node order:
    /// what a layout of the trace is built from.
    pub fn edges(&self) -> Vec<(usize, usize)> {
        self.nodes
            .iter()
            .flat_map(|n| n.inputs.iter().map(move |&i| (i as usize, n.id as usize)))
            .collect()
    }
}
