//! The small language students type: statements, arithmetic and a few functions.

pub mod ast;
pub mod lexer;
pub mod parser;
pub mod values;

pub use ast::{BinOp, Expr, ExprKind, Func, Program, Stmt};
pub use parser::parse;
pub use values::parse_values;
