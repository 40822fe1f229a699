//! The tensor language: the scalar language plus matrix literals, `@`, `.T`, tuples,
//! dicts and indexing.

pub mod ast;
pub mod lexer;
pub mod parser;

pub use parser::parse;
