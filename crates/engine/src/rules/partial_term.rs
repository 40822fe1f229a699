//! The local derivative ∂v/∂a_k of each op as a formula, for tables and narration
//! (`cos v2`, `1/v1`, `v2`). Tests check it evaluates to `partial::local_partial`.

use crate::graph::Op;
use crate::render::Term;

/// ∂v/∂a_k as a term, given the terms of the inputs `a` and of the output `v`.
pub fn local_partial_term(op: Op, k: usize, a: &[Term], v: &Term) -> Term {
    let x = || a.first().cloned().unwrap_or(Term::Num(0.0));
    let y = || a.get(1).cloned().unwrap_or(Term::Num(0.0));
    let one = Term::Num(1.0);
    match op {
        Op::Input(_) | Op::Const(_) | Op::Step => Term::Num(0.0),
        Op::Id | Op::AddScalar(_) | Op::SubScalar(_) | Op::Sum | Op::Add => one,
        Op::Neg | Op::RSubScalar(_) => Term::Num(-1.0),
        Op::Sub if k == 0 => one,
        Op::Sub => Term::Num(-1.0),
        // ∂(ab)/∂a = b, ∂(ab)/∂b = a
        Op::Mul if k == 0 => y(),
        Op::Mul => x(),
        // ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −v/b
        Op::Div if k == 0 => Term::quotient(one, y()),
        Op::Div => Term::negate(Term::quotient(v.clone(), y())),
        // ∂(a^b)/∂a = b·a^(b−1), ∂(a^b)/∂b = v·ln a
        Op::Pow if k == 0 => Term::product(y(), Term::pow(x(), Term::minus(y(), one))),
        Op::Pow => Term::product(v.clone(), Term::call("ln", x())),
        Op::MulScalar(c) => Term::Num(c),
        Op::DivScalar(c) => Term::quotient(one, Term::Num(c)),
        // ∂(c/a)/∂a = −v/a
        Op::RDivScalar(_) => Term::negate(Term::quotient(v.clone(), x())),
        // ∂(a^c)/∂a = c·a^(c−1)
        Op::PowScalar(2.0) => Term::product(Term::Num(2.0), x()),
        Op::PowScalar(c) => Term::product(Term::Num(c), Term::pow(x(), Term::Num(c - 1.0))),
        // ∂(c^a)/∂a = v·ln c
        Op::RPowScalar(c) => Term::product(v.clone(), Term::call("ln", Term::Num(c))),
        Op::Ln => Term::quotient(one, x()),
        Op::Exp => v.clone(),
        Op::Sin => Term::call("cos", x()),
        Op::Cos => Term::negate(Term::call("sin", x())),
        Op::Tan => Term::plus(one, Term::pow(v.clone(), Term::Num(2.0))),
        Op::Tanh => Term::minus(one, Term::pow(v.clone(), Term::Num(2.0))),
        Op::Sqrt => Term::quotient(one, Term::product(Term::Num(2.0), v.clone())),
        Op::Sigmoid => Term::product(v.clone(), Term::minus(one, v.clone())),
        Op::Relu => Term::call("step", x()),
    }
}

/// The definition of a node as a formula: `ln v1`, `v1 × v2`, `v2 + 1`.
pub fn definition_term(op: Op, a: &[Term], variable: &str) -> Term {
    let x = || a.first().cloned().unwrap_or(Term::Num(0.0));
    let y = || a.get(1).cloned().unwrap_or(Term::Num(0.0));
    let c = Term::Num;
    match op {
        Op::Input(_) => Term::sym(crate::render::Sym::value(variable)),
        Op::Const(v) => c(v),
        Op::Id => Term::call("id", x()),
        Op::Neg => Term::negate(x()),
        Op::Add => Term::plus(x(), y()),
        Op::Sub => Term::minus(x(), y()),
        Op::Mul => Term::product(x(), y()),
        Op::Div => Term::quotient(x(), y()),
        Op::Pow => Term::pow(x(), y()),
        Op::AddScalar(v) => Term::plus(x(), c(v)),
        Op::SubScalar(v) => Term::minus(x(), c(v)),
        Op::RSubScalar(v) => Term::minus(c(v), x()),
        Op::MulScalar(v) => Term::product(c(v), x()),
        Op::DivScalar(v) => Term::quotient(x(), c(v)),
        Op::RDivScalar(v) => Term::quotient(c(v), x()),
        Op::PowScalar(v) => Term::pow(x(), c(v)),
        Op::RPowScalar(v) => Term::pow(c(v), x()),
        Op::Ln => Term::call("ln", x()),
        Op::Exp => Term::call("exp", x()),
        Op::Sin => Term::call("sin", x()),
        Op::Cos => Term::call("cos", x()),
        Op::Tan => Term::call("tan", x()),
        Op::Tanh => Term::call("tanh", x()),
        Op::Sqrt => Term::call("√", x()),
        Op::Sigmoid => Term::call("σ", x()),
        Op::Relu => Term::call("relu", x()),
        Op::Step => Term::call("step", x()),
        Op::Sum => Term::Sum(a.to_vec()),
    }
}
