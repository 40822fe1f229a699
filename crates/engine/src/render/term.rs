//! `Term`: a formula as a small tree (`v̄5·cos v2`), built by the engine, drawn by renderers.

use serde::{Deserialize, Serialize};

/// The mark over a symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Accent {
    /// `v3`
    None,
    /// `v̄3`: an adjoint ∂y/∂v3.
    Bar,
    /// `v̇3`: a tangent ∂v3/∂x.
    Dot,
}

/// A symbol such as v₃, v̄₂, v̄_{2→4} or v̇₃: a stem, a subscript and an accent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sym {
    /// The letter(s): `v`, `x`, `θ`, or a user's name.
    pub stem: String,
    /// The subscript, possibly empty: `3`, `2→4`.
    pub sub: String,
    /// The accent.
    pub accent: Accent,
}

/// Splits a label into stem and trailing digits: `v12` → (`v`, `12`), `x_1` → (`x`, `1`).
fn split_label(label: &str) -> (String, String) {
    let digits = label
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let cut = label.len() - digits;
    if digits == 0 || cut == 0 {
        return (label.to_string(), String::new());
    }
    let stem = label[..cut].trim_end_matches('_');
    if stem.is_empty() {
        return (label.to_string(), String::new());
    }
    (stem.to_string(), label[cut..].to_string())
}

impl Sym {
    fn with(label: &str, accent: Accent) -> Self {
        let (stem, sub) = split_label(label);
        Self { stem, sub, accent }
    }

    /// The value symbol of a node: `v3`.
    pub fn value(label: &str) -> Self {
        Self::with(label, Accent::None)
    }

    /// The adjoint of a node: `v̄3`.
    pub fn adjoint(label: &str) -> Self {
        Self::with(label, Accent::Bar)
    }

    /// The tangent of a node: `v̇3`.
    pub fn tangent(label: &str) -> Self {
        Self::with(label, Accent::Dot)
    }

    /// The partial adjoint v̄_{i→j} of node `from` through its consumer `to`: `v̄_{2→4}`
    /// for numbered nodes, `v̄_{a→b}` with whole labels otherwise.
    pub fn partial(from: &str, to: &str) -> Self {
        let (stem, sub_from) = split_label(from);
        let (stem_to, sub_to) = split_label(to);
        if stem == stem_to && !sub_from.is_empty() && !sub_to.is_empty() {
            return Self {
                stem,
                sub: format!("{sub_from}→{sub_to}"),
                accent: Accent::Bar,
            };
        }
        Self {
            stem: "v".into(),
            sub: format!("{from}→{to}"),
            accent: Accent::Bar,
        }
    }
}

/// A formula. Externally tagged (`{"num": 1.5}`), like every enum in a trace, so the
/// app's binary encoding of tensor traces can read it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    /// A number, printed rounded.
    Num(f64),
    /// A symbol.
    Sym(Sym),
    /// `−a`
    Neg(Box<Term>),
    /// `a + b`
    Add(Box<Term>, Box<Term>),
    /// `a − b`
    Sub(Box<Term>, Box<Term>),
    /// `a · b`
    Mul(Box<Term>, Box<Term>),
    /// `a / b`
    Div(Box<Term>, Box<Term>),
    /// `a ^ b`
    Pow(Box<Term>, Box<Term>),
    /// `f a`, e.g. `ln v1`, `cos v2`.
    Call(String, Box<Term>),
    /// `a₁ + … + aₙ`
    Sum(Vec<Term>),
}

/// Shorthands for building terms.
impl Term {
    /// A symbol term.
    pub fn sym(s: Sym) -> Self {
        Term::Sym(s)
    }
    /// A function application.
    pub fn call(f: &str, a: Term) -> Self {
        Term::Call(f.to_string(), Box::new(a))
    }
    /// `a · b`, written `a / c` when `b` is `1/c` (so v̇1·(1/v1) reads v̇1/v1).
    pub fn product(a: Term, b: Term) -> Self {
        match b {
            Term::Div(n, d) if *n == Term::Num(1.0) => Term::Div(Box::new(a), d),
            b => Term::Mul(Box::new(a), Box::new(b)),
        }
    }
    /// `a / b`
    pub fn quotient(a: Term, b: Term) -> Self {
        Term::Div(Box::new(a), Box::new(b))
    }
    /// `a + b`
    pub fn plus(a: Term, b: Term) -> Self {
        Term::Add(Box::new(a), Box::new(b))
    }
    /// `a − b`
    pub fn minus(a: Term, b: Term) -> Self {
        Term::Sub(Box::new(a), Box::new(b))
    }
    /// `a ^ b`
    pub fn pow(a: Term, b: Term) -> Self {
        Term::Pow(Box::new(a), Box::new(b))
    }
    /// `−a`
    pub fn negate(a: Term) -> Self {
        Term::Neg(Box::new(a))
    }

    /// Binding strength, for deciding where parentheses go.
    pub fn precedence(&self) -> u8 {
        match self {
            Term::Add(..) | Term::Sub(..) | Term::Sum(_) => 1,
            Term::Mul(..) | Term::Div(..) => 2,
            Term::Neg(_) => 3,
            Term::Call(..) => 4,
            Term::Pow(..) => 5,
            Term::Num(v) if *v < 0.0 => 2,
            Term::Num(_) | Term::Sym(_) => 6,
        }
    }

    /// True for a symbol carrying an accent (adjoints and tangents), which the lecture
    /// multiplies with `·` rather than `×`.
    pub fn is_accented(&self) -> bool {
        matches!(self, Term::Sym(s) if s.accent != Accent::None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_split_their_subscripts() {
        assert_eq!(
            Sym::value("v12"),
            Sym {
                stem: "v".into(),
                sub: "12".into(),
                accent: Accent::None
            }
        );
        assert_eq!(Sym::value("x_1").sub, "1");
        assert_eq!(Sym::value("θ").sub, "");
        assert_eq!(Sym::partial("v2", "v4").sub, "2→4");
        assert_eq!(Sym::partial("a", "b").sub, "a→b");
        assert_eq!(Sym::partial("x1", "v3").sub, "x1→v3");
    }
}
