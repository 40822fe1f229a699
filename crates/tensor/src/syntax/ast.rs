//! The syntax tree of a tensor program.

use adjoint_engine::Span;

/// A binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*` (elementwise)
    Mul,
    /// `/` (elementwise)
    Div,
    /// `@` (matrix product)
    MatMul,
    /// `^` (the exponent must be a number)
    Pow,
}

/// What goes inside `[ ]` after a value.
#[derive(Clone, Debug, PartialEq)]
pub enum Key {
    /// `t[0]`
    Index(usize),
    /// `d["cat"]`
    Name(String),
}

/// An expression with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where.
    pub span: Span,
}

/// The kinds of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A number.
    Num(f64),
    /// A name.
    Name(String),
    /// A vector or matrix literal `[[1, 2], [3, 4]]`, as its shape and entries.
    Array {
        /// The shape.
        shape: Vec<usize>,
        /// The entries, row-major.
        data: Vec<f64>,
    },
    /// `-a`
    Neg(Box<Expr>),
    /// `a op b`
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `f(a, …)`
    Call(String, Vec<Expr>),
    /// `a.T`
    Transpose(Box<Expr>),
    /// `a[key]`
    Index(Box<Expr>, Key),
    /// `(a, b)`
    Tuple(Vec<Expr>),
    /// `{"cat": a0, "dog": a1}`
    Dict(Vec<(String, Expr)>),
}

/// A statement: `name = expr` or a bare expression (the output).
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// The assigned name, if any, and its span.
    pub name: Option<(String, Span)>,
    /// The expression.
    pub expr: Expr,
}
