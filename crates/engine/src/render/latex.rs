//! Renders terms as LaTeX for slides: `\bar{v}_{5} \cdot \cos v_{2}`.

use super::number::rounded;
use super::term::{Accent, Sym, Term};
use super::text::{render_with, Spelling};

struct Latex;

fn latex_stem(stem: &str) -> String {
    let greek = [
        ('α', "\\alpha"),
        ('β', "\\beta"),
        ('γ', "\\gamma"),
        ('δ', "\\delta"),
        ('ε', "\\varepsilon"),
        ('θ', "\\theta"),
        ('λ', "\\lambda"),
        ('μ', "\\mu"),
        ('σ', "\\sigma"),
        ('φ', "\\phi"),
        ('ω', "\\omega"),
    ];
    let mut out = String::new();
    for c in stem.chars() {
        match greek.iter().find(|(g, _)| *g == c) {
            Some((_, name)) => {
                out.push_str(name);
                out.push(' ');
            }
            None if c == '_' => out.push_str("\\_"),
            None => out.push(c),
        }
    }
    let out = out.trim_end().to_string();
    if out.chars().count() > 1 && !out.starts_with('\\') {
        format!("\\mathit{{{out}}}")
    } else {
        out
    }
}

impl Spelling for Latex {
    fn sym(&self, s: &Sym) -> String {
        let stem = latex_stem(&s.stem);
        let base = match s.accent {
            Accent::None => stem,
            Accent::Bar => format!("\\bar{{{stem}}}"),
            Accent::Dot => format!("\\dot{{{stem}}}"),
        };
        if s.sub.is_empty() {
            base
        } else {
            format!("{base}_{{{}}}", s.sub.replace('→', "\\to "))
        }
    }
    fn num(&self, v: f64) -> String {
        rounded(v)
    }
    fn op(&self, op: &str) -> String {
        match op {
            "·" => " \\cdot ".into(),
            "×" => " \\times ".into(),
            "−" => " - ".into(),
            o => format!(" {o} "),
        }
    }
    fn paren(&self, inner: String) -> String {
        format!("\\left({inner}\\right)")
    }
    fn frac(&self, _: String, _: String, a: &Term, b: &Term) -> String {
        format!("\\frac{{{}}}{{{}}}", latex(a), latex(b))
    }
    fn pow(&self, base: String, exp: String) -> String {
        format!("{{{base}}}^{{{exp}}}")
    }
    fn call(&self, f: &str, arg: String, needs_paren: bool) -> String {
        let name = match f {
            "ln" | "exp" | "sin" | "cos" | "tan" | "tanh" => format!("\\{f}"),
            "sqrt" | "√" => return format!("\\sqrt{{{arg}}}"),
            "σ" => "\\sigma".into(),
            other => format!("\\operatorname{{{other}}}"),
        };
        if needs_paren {
            format!("{name}\\left({arg}\\right)")
        } else {
            format!("{name} {arg}")
        }
    }
}

/// A term as LaTeX math (no surrounding `$`).
pub fn latex(t: &Term) -> String {
    render_with(&Latex, t).trim().to_string()
}

/// A chain `lhs = … = value` as LaTeX.
pub fn chain(parts: &[Term]) -> String {
    parts.iter().map(latex).collect::<Vec<_>>().join(" = ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjoints_and_partials() {
        let t = Term::product(
            Term::sym(Sym::adjoint("v5")),
            Term::call("cos", Term::sym(Sym::value("v2"))),
        );
        assert_eq!(latex(&t), "\\bar{v}_{5} \\cdot \\cos v_{2}");
        assert_eq!(
            latex(&Term::sym(Sym::partial("v2", "v4"))),
            "\\bar{v}_{2\\to 4}"
        );
        assert_eq!(latex(&Term::sym(Sym::value("θ1"))), "\\theta_{1}");
    }
}
