//! The operations a node can hold. Data only: the rules for each mode live in `rules/`.
//!
//! A numeric literal is never a node: an op with a constant operand is a *scalar op*
//! (as in Needle: add-scalar, mul-scalar, power-scalar, divide-scalar) that carries the
//! constant and shows it in its label.

use serde::{Deserialize, Serialize};

/// One operation. Inputs live on the node, so walking the graph never matches on this.
/// Externally tagged (`"add"`, `{"input": 0}`): the binary encoding that carries tensor
/// traces between the app's two wasm modules cannot read adjacent tags.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// The k-th input variable (0-based).
    Input(u32),
    /// A constant node (the seed `1` of reverse AD, or a folded constant).
    Const(f64),
    /// Identity: `id(a)`.
    Id,
    /// `−a`
    Neg,
    /// `a + b`
    Add,
    /// `a − b`
    Sub,
    /// `a × b`
    Mul,
    /// `a ÷ b`
    Div,
    /// `a ^ b` (both nodes)
    Pow,
    /// `a + c`
    AddScalar(f64),
    /// `a − c`
    SubScalar(f64),
    /// `c − a`
    RSubScalar(f64),
    /// `a × c`
    MulScalar(f64),
    /// `a ÷ c`
    DivScalar(f64),
    /// `c ÷ a`
    RDivScalar(f64),
    /// `a ^ c`
    PowScalar(f64),
    /// `c ^ a`
    RPowScalar(f64),
    /// `ln a`
    Ln,
    /// `exp a`
    Exp,
    /// `sin a`
    Sin,
    /// `cos a`
    Cos,
    /// `tan a`
    Tan,
    /// `tanh a`
    Tanh,
    /// `√a`
    Sqrt,
    /// `σ(a) = 1/(1+e^−a)`
    Sigmoid,
    /// `max(0, a)`
    Relu,
    /// The step function `[a > 0]` (the derivative of relu).
    Step,
    /// `a₁ + a₂ + … + aₙ`: the sum of a node's partial adjoints.
    Sum,
}

/// Every op kind once, for exhaustive tests (a new op must be added here to compile tests).
pub const ALL_OPS: &[Op] = &[
    Op::Neg,
    Op::Add,
    Op::Sub,
    Op::Mul,
    Op::Div,
    Op::Pow,
    Op::AddScalar(1.5),
    Op::SubScalar(0.5),
    Op::RSubScalar(2.0),
    Op::MulScalar(-3.0),
    Op::DivScalar(4.0),
    Op::RDivScalar(2.0),
    Op::PowScalar(3.0),
    Op::RPowScalar(2.0),
    Op::Ln,
    Op::Exp,
    Op::Sin,
    Op::Cos,
    Op::Tan,
    Op::Tanh,
    Op::Sqrt,
    Op::Sigmoid,
    Op::Relu,
    Op::Step,
    Op::Sum,
    Op::Id,
];

impl Op {
    /// How many inputs the op takes (`None`: any number, for `Sum`).
    pub fn arity(&self) -> Option<usize> {
        Some(match self {
            Op::Input(_) | Op::Const(_) => 0,
            Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Pow => 2,
            Op::Sum => return None,
            _ => 1,
        })
    }

    /// The short label drawn inside a node: `ln`, `×`, `+1`, `^2` …
    pub fn label(&self) -> String {
        let c = |v: &f64| crate::render::number::exact(*v);
        match self {
            Op::Input(_) => "input".into(),
            Op::Const(v) => c(v),
            Op::Id => "id".into(),
            Op::Neg => "−".into(),
            Op::Add | Op::Sum => "+".into(),
            Op::Sub => "−".into(),
            Op::Mul => "×".into(),
            Op::Div => "÷".into(),
            Op::Pow => "^".into(),
            Op::AddScalar(v) => format!("+{}", c(v)),
            Op::SubScalar(v) => format!("−{}", c(v)),
            Op::RSubScalar(v) => format!("{}−", c(v)),
            Op::MulScalar(v) => format!("×{}", c(v)),
            Op::DivScalar(v) => format!("÷{}", c(v)),
            Op::RDivScalar(v) => format!("{}÷", c(v)),
            Op::PowScalar(v) => format!("^{}", c(v)),
            Op::RPowScalar(v) => format!("{}^", c(v)),
            Op::Ln => "ln".into(),
            Op::Exp => "exp".into(),
            Op::Sin => "sin".into(),
            Op::Cos => "cos".into(),
            Op::Tan => "tan".into(),
            Op::Tanh => "tanh".into(),
            Op::Sqrt => "√".into(),
            Op::Sigmoid => "σ".into(),
            Op::Relu => "relu".into(),
            Op::Step => "step".into(),
        }
    }
}
