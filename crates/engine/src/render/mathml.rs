//! Renders terms as MathML, which browsers draw natively (no JavaScript math library).

use super::number::rounded;
use super::term::{Accent, Sym, Term};
use super::text::{render_with, Spelling};

struct MathMl;

/// Escapes text for XML.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn sub_row(sub: &str) -> String {
    let mut out = String::from("<mrow>");
    let mut num = String::new();
    let flush = |num: &mut String, out: &mut String| {
        if !num.is_empty() {
            out.push_str(&format!("<mn>{}</mn>", escape(num)));
            num.clear();
        }
    };
    for c in sub.chars() {
        if c.is_ascii_digit() {
            num.push(c);
        } else if c == '→' {
            flush(&mut num, &mut out);
            out.push_str("<mo>→</mo>");
        } else {
            flush(&mut num, &mut out);
            out.push_str(&format!("<mi>{}</mi>", escape(&c.to_string())));
        }
    }
    flush(&mut num, &mut out);
    out.push_str("</mrow>");
    out
}

impl Spelling for MathMl {
    fn sym(&self, s: &Sym) -> String {
        let mi = if s.stem.chars().count() > 1 {
            format!("<mi mathvariant=\"italic\">{}</mi>", escape(&s.stem))
        } else {
            format!("<mi>{}</mi>", escape(&s.stem))
        };
        let base = match s.accent {
            Accent::None => mi,
            // A plain <mover> with a non-stretchy mark: Chromium without a math font draws
            // nothing for `accent="true"` with a stretchy ¯ (seen in headless Chromium).
            Accent::Bar => format!("<mover>{mi}<mo stretchy=\"false\">¯</mo></mover>"),
            Accent::Dot => format!("<mover>{mi}<mo stretchy=\"false\">˙</mo></mover>"),
        };
        if s.sub.is_empty() {
            base
        } else {
            format!("<msub>{base}{}</msub>", sub_row(&s.sub))
        }
    }
    fn num(&self, v: f64) -> String {
        let r = rounded(v);
        match r.strip_prefix('-') {
            Some(pos) => format!("<mrow><mo>−</mo><mn>{pos}</mn></mrow>"),
            None => format!("<mn>{r}</mn>"),
        }
    }
    fn op(&self, op: &str) -> String {
        format!("<mo>{}</mo>", escape(op))
    }
    fn paren(&self, inner: String) -> String {
        format!("<mrow><mo>(</mo>{inner}<mo>)</mo></mrow>")
    }
    fn frac(&self, _: String, _: String, a: &Term, b: &Term) -> String {
        format!(
            "<mfrac>{}{}</mfrac>",
            render_with(self, a),
            render_with(self, b)
        )
    }
    fn pow(&self, base: String, exp: String) -> String {
        format!("<msup>{base}{exp}</msup>")
    }
    fn call(&self, f: &str, arg: String, needs_paren: bool) -> String {
        if f == "sqrt" || f == "√" {
            return format!("<msqrt>{arg}</msqrt>");
        }
        let arg = if needs_paren { self.paren(arg) } else { arg };
        format!("<mrow><mi>{}</mi><mo>&#x2061;</mo>{arg}</mrow>", escape(f))
    }
    fn row(&self, parts: Vec<String>) -> String {
        format!("<mrow>{}</mrow>", parts.concat())
    }
}

/// A term as a MathML fragment (without the `<math>` element).
pub fn mathml(t: &Term) -> String {
    render_with(&MathMl, t)
}

/// A chain `lhs = … = value` as a complete `<math>` element.
pub fn chain(parts: &[Term]) -> String {
    let inner: Vec<String> = parts.iter().map(mathml).collect();
    format!("<math><mrow>{}</mrow></math>", inner.join("<mo>=</mo>"))
}

/// The same chain as `<math>` elements a line may break between, the way a long derivation
/// is written by hand: `lhs = a`, then `= b`, …, `= value` (a chain of one part is one
/// piece). A `<math>` element never breaks inside, so one for the whole chain hides its end
/// in a narrow column.
pub fn chain_pieces(parts: &[Term]) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::with_capacity(parts.len());
    for (i, t) in parts.iter().enumerate() {
        let eq = if i == 0 { "" } else { "<mo>=</mo>" };
        match pieces.last_mut() {
            Some(head) if i == 1 => *head = format!("{head}{eq}{}", mathml(t)),
            _ => pieces.push(format!("{eq}{}", mathml(t))),
        }
    }
    for p in &mut pieces {
        *p = format!("<math><mrow>{p}</mrow></math>");
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjoint_symbol_and_escaping() {
        let m = mathml(&Term::sym(Sym::partial("v2", "v4")));
        assert_eq!(m, "<msub><mover><mi>v</mi><mo stretchy=\"false\">¯</mo></mover><mrow><mn>2</mn><mo>→</mo><mn>4</mn></mrow></msub>");
        assert!(mathml(&Term::sym(Sym::value("<b>"))).contains("&lt;b&gt;"));
        assert!(chain(&[Term::Num(-1.0)]).contains("<mo>−</mo><mn>1</mn>"));
    }

    #[test]
    fn chain_pieces_say_what_the_chain_says() {
        let inner = |m: &str| {
            m.strip_prefix("<math><mrow>")
                .and_then(|m| m.strip_suffix("</mrow></math>"))
                .map(str::to_string)
                .expect("a <math><mrow> element")
        };
        let terms = [
            Term::sym(Sym::adjoint("v2")),
            Term::sym(Sym::partial("v2", "v5")),
            Term::Num(1.716),
        ];
        // 0 parts: nothing; 1: `lhs`; 2: `lhs = a`; 3: `lhs = a`, `= b`.
        for (n, want) in [0, 1, 1, 2].into_iter().enumerate() {
            let pieces = chain_pieces(&terms[..n]);
            assert_eq!(pieces.len(), want, "{n} parts");
            let joined: String = pieces.iter().map(|p| inner(p)).collect();
            let whole = if n == 0 {
                String::new()
            } else {
                inner(&chain(&terms[..n]))
            };
            assert_eq!(joined, whole, "{n} parts");
        }
        let pieces = chain_pieces(&terms);
        assert!(
            pieces[0].contains("<mo>=</mo>") && pieces[1].starts_with("<math><mrow><mo>=</mo>")
        );
    }
}
