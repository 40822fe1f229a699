//! `Op`: every operation a tensor graph node can be, with its label for the picture.

use serde::{Deserialize, Serialize};

/// An operation. Elementwise binary ops broadcast NumPy-style.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// An input, by name (its value comes from the inputs JSON).
    Input(String),
    /// A constant (literal); its value is stored in the node.
    Const,
    /// `a + b` (also on equal structures, entry by entry: how adjoints are summed).
    Add,
    /// `a − b`
    Sub,
    /// `a ⊙ b` (elementwise)
    Mul,
    /// `a / b` (elementwise)
    Div,
    /// `−a`
    Neg,
    /// `a ^ c` for a constant `c`.
    PowScalar(f64),
    /// `exp a`
    Exp,
    /// `log a`
    Log,
    /// `tanh a`
    Tanh,
    /// `relu a = max(a, 0)`
    Relu,
    /// `σ(a) = 1/(1 + e^−a)`
    Sigmoid,
    /// `1[a > 0]`, relu's derivative (its own derivative is 0).
    Step,
    /// `A @ B`
    MatMul,
    /// `Aᵀ`
    Transpose,
    /// The same entries under another shape.
    Reshape(Vec<usize>),
    /// Copies up to a larger shape.
    BroadcastTo(Vec<usize>),
    /// Sums down to a smaller shape: the adjoint of broadcasting.
    SumTo(Vec<usize>),
    /// `Σ` over one axis (removed), or over everything.
    Sum(Option<usize>),
    /// `log Σ exp` over one axis (removed), or over everything.
    LogSumExp(Option<usize>),
    /// `(a, b, …)`
    MakeTuple,
    /// `t[i]`
    GetIndex(usize),
    /// `(0, …, ā, …, 0)`: the first input at index i of zeros shaped like the second.
    PutIndex(usize),
    /// `{"k1": a, "k2": b}` with the keys in the order of the inputs.
    MakeDict(Vec<String>),
    /// `d["k"]`
    GetKey(String),
    /// `{"k": ā, others: 0}`: the first input at key k of zeros shaped like the second.
    PutKey(String),
}

impl Op {
    /// The short label drawn in the node.
    pub fn label(&self) -> String {
        let axis = |a: &Option<usize>| a.map_or(String::new(), |a| format!("[{a}]"));
        let dims = |s: &[usize]| {
            format!(
                "[{}]",
                s.iter().map(usize::to_string).collect::<Vec<_>>().join("×")
            )
        };
        match self {
            Op::Input(name) => name.clone(),
            Op::Const => "const".into(),
            Op::Add => "+".into(),
            Op::Sub => "−".into(),
            Op::Mul => "⊙".into(),
            Op::Div => "/".into(),
            Op::Neg => "−".into(),
            Op::PowScalar(c) => format!("^{c}"),
            Op::Exp => "exp".into(),
            Op::Log => "log".into(),
            Op::Tanh => "tanh".into(),
            Op::Relu => "relu".into(),
            Op::Sigmoid => "σ".into(),
            Op::Step => "1[>0]".into(),
            Op::MatMul => "@".into(),
            Op::Transpose => "ᵀ".into(),
            Op::Reshape(s) => format!("reshape{}", dims(s)),
            Op::BroadcastTo(s) => format!("bcast{}", dims(s)),
            Op::SumTo(s) => format!("sum→{}", dims(s)),
            Op::Sum(a) => format!("Σ{}", axis(a)),
            Op::LogSumExp(a) => format!("lse{}", axis(a)),
            Op::MakeTuple => "( , )".into(),
            Op::GetIndex(i) => format!("[{i}]"),
            Op::PutIndex(i) => format!("put[{i}]"),
            Op::MakeDict(_) => "{ }".into(),
            Op::GetKey(k) => format!("[\"{k}\"]"),
            Op::PutKey(k) => format!("put[\"{k}\"]"),
        }
    }

    /// True for leaves (no inputs).
    pub fn is_leaf(&self) -> bool {
        matches!(self, Op::Input(_) | Op::Const)
    }
}
