//! The syntax tree of a program, with spans for error messages.

use crate::error::Span;

/// A whole program: statements in order; the last one is the output.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    /// The statements.
    pub stmts: Vec<Stmt>,
}

/// `name = expr` or a bare `expr`.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// The assigned name and its span, if any.
    pub name: Option<(String, Span)>,
    /// The right-hand side.
    pub expr: Expr,
}

/// An expression with its place in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

/// The expression forms.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A numeric literal.
    Num(f64),
    /// A name: an input or an earlier statement.
    Var(String),
    /// `-e`.
    Neg(Box<Expr>),
    /// `a op b`.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `f(e)`.
    Call(Func, Box<Expr>),
}

/// Binary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `^`
    Pow,
}

/// The functions of the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    /// Natural logarithm (`ln`, alias `log`).
    Ln,
    /// `exp`
    Exp,
    /// `sin`
    Sin,
    /// `cos`
    Cos,
    /// `tan`
    Tan,
    /// `tanh`
    Tanh,
    /// `sqrt`
    Sqrt,
    /// `sigmoid` = 1 / (1 + e^−x)
    Sigmoid,
    /// `relu` = max(0, x)
    Relu,
}

impl Func {
    /// Looks a function up by the name a user types.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "ln" | "log" => Self::Ln,
            "exp" => Self::Exp,
            "sin" => Self::Sin,
            "cos" => Self::Cos,
            "tan" => Self::Tan,
            "tanh" => Self::Tanh,
            "sqrt" => Self::Sqrt,
            "sigmoid" => Self::Sigmoid,
            "relu" => Self::Relu,
            _ => return None,
        })
    }
}

/// Drops deep trees (a sum of 100,000 terms is 100,000 levels deep) without recursion.
impl Drop for Expr {
    fn drop(&mut self) {
        let mut stack = Vec::new();
        take_children(&mut self.kind, &mut stack);
        while let Some(mut e) = stack.pop() {
            take_children(&mut e.kind, &mut stack);
        }
    }
}

fn take_children(kind: &mut ExprKind, stack: &mut Vec<Expr>) {
    match std::mem::replace(kind, ExprKind::Num(0.0)) {
        ExprKind::Neg(a) | ExprKind::Call(_, a) => stack.push(*a),
        ExprKind::Binary(_, a, b) => {
            stack.push(*a);
            stack.push(*b);
        }
        ExprKind::Num(_) | ExprKind::Var(_) => {}
    }
}
