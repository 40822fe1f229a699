//! Formulas for tensor nodes as the engine's `Term`s, in the lecture's notation:
//! `X @ W` is drawn as a product `X·W`, a transpose as `Wᵀ`, structures by their text.

use adjoint_engine::render::text::text;
use adjoint_engine::render::{Accent, Sym, Term};

use crate::op::Op;
use crate::value::Value;

/// A term drawn as the given text (structures, indexing).
pub fn literal(s: String) -> Term {
    Term::sym(Sym {
        stem: s,
        sub: String::new(),
        accent: Accent::None,
    })
}

/// `aᵀ`: a superscript T on a plain symbol, `(a)ᵀ` otherwise.
pub fn transposed(a: Term) -> Term {
    match a {
        Term::Sym(s) if s.sub.is_empty() && s.accent == Accent::None => {
            literal(format!("{}ᵀ", s.stem))
        }
        Term::Sym(s) if s.sub.is_empty() => {
            let mut s = s;
            s.stem.push('ᵀ');
            Term::Sym(s)
        }
        other => literal(format!("({})ᵀ", text(&other))),
    }
}

fn dims(s: &[usize]) -> String {
    s.iter().map(usize::to_string).collect::<Vec<_>>().join("×")
}

/// The definition of a node with op `op`, argument terms `args` and value `value`.
pub fn definition(op: &Op, args: &[Term], value: &Value) -> Term {
    let a = |i: usize| args.get(i).cloned().unwrap_or(Term::Num(0.0));
    let t = |i: usize| text(&a(i));
    match op {
        Op::Input(name) => Term::sym(Sym::value(name)),
        Op::Const => match value {
            Value::Tensor(x) => match x.as_scalar() {
                Some(v) => Term::Num(v),
                None => literal(format!("const[{}]", dims(&x.shape))),
            },
            other => literal(format!("const {}", other.badge())),
        },
        Op::Add => Term::plus(a(0), a(1)),
        Op::Sub => Term::minus(a(0), a(1)),
        Op::Mul | Op::MatMul => Term::Mul(Box::new(a(0)), Box::new(a(1))),
        Op::Div => Term::quotient(a(0), a(1)),
        Op::Neg => Term::negate(a(0)),
        Op::PowScalar(c) => Term::pow(a(0), Term::Num(*c)),
        Op::Exp => Term::call("exp", a(0)),
        Op::Log => Term::call("log", a(0)),
        Op::Tanh => Term::call("tanh", a(0)),
        Op::Relu => Term::call("relu", a(0)),
        Op::Sigmoid => Term::call("σ", a(0)),
        Op::Step => Term::call("1[>0]", a(0)),
        Op::Transpose => transposed(a(0)),
        Op::Reshape(s) => Term::call(&format!("reshape[{}]", dims(s)), a(0)),
        Op::BroadcastTo(s) => Term::call(&format!("broadcast[{}]", dims(s)), a(0)),
        Op::SumTo(s) => Term::call(&format!("sum_to[{}]", dims(s)), a(0)),
        Op::Sum(None) => Term::call("Σ", a(0)),
        Op::Sum(Some(ax)) => Term::call(&format!("Σ_axis{ax}"), a(0)),
        Op::LogSumExp(None) => Term::call("logsumexp", a(0)),
        Op::LogSumExp(Some(ax)) => Term::call(&format!("logsumexp_axis{ax}"), a(0)),
        Op::MakeTuple => literal(format!(
            "({})",
            args.iter().map(text).collect::<Vec<_>>().join(", ")
        )),
        Op::GetIndex(i) => literal(format!("{}[{i}]", t(0))),
        Op::PutIndex(i) => literal(format!("(…, {i}: {}, others 0)", t(0))),
        Op::MakeDict(keys) => literal(format!(
            "{{{}}}",
            keys.iter()
                .zip(args)
                .map(|(k, v)| format!("\"{k}\": {}", text(v)))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        Op::GetKey(k) => literal(format!("{}[\"{k}\"]", t(0))),
        Op::PutKey(k) => literal(format!("{{\"{k}\": {}, others: 0}}", t(0))),
    }
}

/// The partial adjoint of `from` through its consumer `to`: `v̄_{2→4}` for numbered
/// nodes as the lecture writes them, `X̄_{X→Z}` for named ones (so it reads as X̄).
pub fn partial_sym(from: &str, to: &str) -> Sym {
    let s = Sym::partial(from, to);
    if s.stem == "v" && !from.starts_with('v') {
        return Sym {
            stem: Sym::value(from).stem,
            ..s
        };
    }
    s
}
