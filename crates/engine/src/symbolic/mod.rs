//! Symbolic differentiation (§1.3): the sum, product, quotient and chain rules applied
//! to the formula, as by hand. Expressions live in a hash-consed arena, so the same
//! result can be measured two ways: as a tree (naive, every repeated piece written out)
//! and as a DAG (shared subexpressions). Both are compared with reverse AD's graph.

pub mod count;
pub mod diff;
pub mod expr;
pub mod gradient;

pub use count::Cost;
pub use expr::{SExpr, SymGraph, SymId};
pub use gradient::{
    product_costs, symbolic_gradient, ProductCosts, SymbolicGradient, MAX_PRODUCT_N,
};
