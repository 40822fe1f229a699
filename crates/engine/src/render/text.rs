//! Renders terms as Unicode text (`v̄5·cos v2 + v̄4·v1`), and the shared walker that the
//! LaTeX and MathML renderers plug their spelling into.

use super::number::rounded;
use super::term::{Accent, Sym, Term};

/// How one output language spells each piece of a formula.
pub trait Spelling {
    /// A symbol.
    fn sym(&self, s: &Sym) -> String;
    /// A number.
    fn num(&self, v: f64) -> String;
    /// An operator between two rendered operands (`+`, `−`, `·`, `×`).
    fn op(&self, op: &str) -> String;
    /// Parentheses around rendered text.
    fn paren(&self, inner: String) -> String;
    /// A fraction of two rendered operands (text: `a/b`).
    fn frac(&self, a: String, b: String, a_term: &Term, b_term: &Term) -> String;
    /// A power.
    fn pow(&self, base: String, exp: String) -> String;
    /// A function applied to a rendered argument.
    fn call(&self, f: &str, arg: String, needs_paren: bool) -> String;
    /// A negation of a rendered operand.
    fn neg(&self, a: String) -> String {
        self.row(vec![self.op("−"), a])
    }
    /// Wraps a sequence of pieces (MathML: `<mrow>`).
    fn row(&self, parts: Vec<String>) -> String {
        parts.concat()
    }
}

/// Renders `t` in the given spelling, adding parentheses only where precedence needs them.
pub fn render_with<S: Spelling>(s: &S, t: &Term) -> String {
    let wrap = |child: &Term, min: u8| {
        let r = render_with(s, child);
        if child.precedence() < min {
            s.paren(r)
        } else {
            r
        }
    };
    match t {
        Term::Num(v) => s.num(*v),
        Term::Sym(sym) => s.sym(sym),
        Term::Neg(a) => s.neg(wrap(a, 3)),
        Term::Add(a, b) => s.row(vec![wrap(a, 1), s.op("+"), wrap(b, 2)]),
        Term::Sub(a, b) => s.row(vec![wrap(a, 1), s.op("−"), wrap(b, 2)]),
        Term::Mul(a, b) => {
            let dot = if a.is_accented() || b.is_accented() {
                "·"
            } else {
                "×"
            };
            s.row(vec![wrap(a, 2), s.op(dot), wrap(b, 3)])
        }
        Term::Div(a, b) => s.frac(wrap(a, 2), wrap(b, 3), a, b),
        Term::Pow(a, b) => s.pow(wrap(a, 6), wrap(b, 5)),
        Term::Call(f, a) => s.call(f, render_with(s, a), a.precedence() < 6),
        Term::Sum(parts) => {
            let mut out = Vec::new();
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    out.push(s.op("+"));
                }
                out.push(wrap(p, 2));
            }
            s.row(out)
        }
    }
}

/// Unicode text spelling.
pub struct Text;

impl Spelling for Text {
    fn sym(&self, s: &Sym) -> String {
        let mut out = String::new();
        let mut chars = s.stem.chars();
        if let Some(first) = chars.next() {
            out.push(first);
            match s.accent {
                Accent::Bar => out.push('\u{0304}'),
                Accent::Dot => out.push('\u{0307}'),
                Accent::None => {}
            }
            out.extend(chars);
        }
        if s.sub.chars().all(|c| c.is_ascii_digit()) {
            out.push_str(&s.sub);
        } else {
            out.push_str(&format!("_{{{}}}", s.sub));
        }
        out
    }
    fn num(&self, v: f64) -> String {
        rounded(v)
    }
    fn op(&self, op: &str) -> String {
        if op == "·" {
            op.into()
        } else {
            format!(" {op} ")
        }
    }
    fn paren(&self, inner: String) -> String {
        format!("({inner})")
    }
    fn neg(&self, a: String) -> String {
        format!("−{a}")
    }
    fn frac(&self, a: String, b: String, _: &Term, _: &Term) -> String {
        format!("{a}/{b}")
    }
    fn pow(&self, base: String, exp: String) -> String {
        format!("{base}^{exp}")
    }
    fn call(&self, f: &str, arg: String, needs_paren: bool) -> String {
        if needs_paren {
            format!("{f}({arg})")
        } else {
            format!("{f} {arg}")
        }
    }
}

/// A term as Unicode text.
pub fn text(t: &Term) -> String {
    render_with(&Text, t)
}

/// A chain `lhs = rhs₁ = … = value` as text.
pub fn chain(parts: &[Term]) -> String {
    parts.iter().map(text).collect::<Vec<_>>().join(" = ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(l: &str) -> Term {
        Term::sym(Sym::value(l))
    }
    fn bar(l: &str) -> Term {
        Term::sym(Sym::adjoint(l))
    }

    #[test]
    fn lecture_formulas() {
        let t = Term::Sum(vec![
            Term::product(bar("v5"), Term::call("cos", v("v2"))),
            Term::product(bar("v4"), v("v1")),
        ]);
        assert_eq!(text(&t), "v̄5·cos v2 + v̄4·v1");
        assert_eq!(text(&Term::product(v("v1"), v("v2"))), "v1 × v2");
        let tangent = Term::product(
            Term::sym(Sym::tangent("v1")),
            Term::quotient(Term::Num(1.0), v("v1")),
        );
        assert_eq!(text(&tangent), "v̇1/v1");
        assert_eq!(text(&Term::sym(Sym::partial("v2", "v4"))), "v̄_{2→4}");
        assert_eq!(
            text(&Term::minus(v("a"), Term::plus(v("b"), v("c")))),
            "a − (b + c)"
        );
        assert_eq!(text(&Term::negate(v("v1"))), "−v1");
    }
}
