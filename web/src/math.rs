//! MathML from the engine, placed in the page. The engine's strings are XML-escaped and
//! draw their accent bars as a plain `<mover>` with a non-stretchy `¯`, which Chromium
//! renders even without a math font.

use adjoint_engine::render::{mathml, Term};
use yew::{AttrValue, Html};

/// A chain `lhs = … = value` as a `<math>` element in the page.
pub fn chain(parts: &[Term]) -> Html {
    Html::from_html_unchecked(AttrValue::from(mathml::chain(parts)))
}

#[cfg(test)]
mod tests {
    use adjoint_engine::render::{mathml, Sym, Term};

    #[test]
    fn bars_are_not_stretchy() {
        let m = mathml::chain(&[Term::Sym(Sym::adjoint("v2")), Term::Num(1.0)]);
        assert!(
            m.contains("<mover><mi>v</mi><mo stretchy=\"false\">¯</mo></mover>"),
            "{m}"
        );
        assert!(!m.contains("accent"), "{m}");
    }
}
