//! MathML from the engine, placed in the page. The engine's strings are XML-escaped and
//! draw their accent bars as a plain `<mover>` with a non-stretchy `¯`, which Chromium
//! renders even without a math font.
//!
//! The string is read into Yew elements ([`parse`]) rather than inserted as raw HTML: Yew
//! then patches a formula in place, so the narration's equation at each step changes the
//! text nodes that differ instead of removing and re-creating (re-styling, re-laying out)
//! every element of it.

use adjoint_engine::render::{mathml, Term};
use yew::virtual_dom::{VList, VTag, VText};
use yew::{AttrValue, Html};

/// A chain `lhs = … = value` as one `<math>` element in the page (it never breaks).
pub fn chain(parts: &[Term]) -> Html {
    element(mathml::chain(parts))
}

/// A chain `lhs = … = value` as `<math>` pieces with a `<wbr>` between them
/// ([`mathml::chain_pieces`]): where the whole chain does not fit, the line breaks after
/// an `=`-step instead of hiding the chain's end (the value) out of sight. (A `<wbr>`
/// rather than a space: the `=` has its own spacing.)
pub fn chain_lines(parts: &[Term]) -> Html {
    let mut out = Vec::new();
    for src in mathml::chain_pieces(parts) {
        if !out.is_empty() {
            out.push(Html::from(VTag::new("wbr")));
        }
        out.push(element(src));
    }
    Html::from(VList::with_children(out, None))
}

/// One of the engine's `<math>` elements as Yew elements (as raw markup if [`parse`] cannot
/// read it).
fn element(src: String) -> Html {
    parse(&src).unwrap_or_else(|| Html::from_html_unchecked(AttrValue::from(src)))
}

/// The attributes the engine writes (Yew wants attribute names as `&'static str`).
fn attribute_name(name: &str) -> Option<&'static str> {
    match name {
        "mathvariant" => Some("mathvariant"),
        "stretchy" => Some("stretchy"),
        _ => None,
    }
}

/// Text with the engine's escapes (`&amp; &lt; &gt; &quot;` and numeric `&#x…;`) decoded.
fn unescape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(';')? + at;
        let c = match &rest[at + 1..end] {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            e => {
                let code = match e.strip_prefix("#x") {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => e.strip_prefix('#')?.parse().ok()?,
                };
                char::from_u32(code)?
            }
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// The engine's MathML (one root element; elements, `name="value"` attributes without
/// spaces, escaped text) as Yew elements; `None` for anything else (the caller then
/// inserts the string as it is).
fn parse(src: &str) -> Option<Html> {
    let mut open: Vec<VTag> = Vec::new();
    let mut root = None;
    let mut rest = src;
    // Closes the innermost open element into its parent (or as the root).
    let close = |open: &mut Vec<VTag>, root: &mut Option<VTag>, tag: VTag| match open.last_mut() {
        Some(parent) => {
            parent.add_child(tag.into());
            Some(())
        }
        None if root.is_none() => {
            *root = Some(tag);
            Some(())
        }
        None => None,
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("</") {
            let end = r.find('>')?;
            let tag = open.pop()?;
            if tag.tag() != &r[..end] {
                return None;
            }
            close(&mut open, &mut root, tag)?;
            rest = &r[end + 1..];
        } else if let Some(r) = rest.strip_prefix('<') {
            let end = r.find('>')?;
            let (head, empty) = match r[..end].strip_suffix('/') {
                Some(h) => (h, true),
                None => (&r[..end], false),
            };
            let mut words = head.split_whitespace();
            let mut tag = VTag::new(words.next()?.to_string());
            for a in words {
                let (k, v) = a.split_once('=')?;
                let v = v.strip_prefix('"')?.strip_suffix('"')?;
                tag.add_attribute(attribute_name(k)?, unescape(v)?);
            }
            if empty {
                close(&mut open, &mut root, tag)?;
            } else {
                open.push(tag);
            }
            rest = &r[end + 1..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            open.last_mut()?
                .add_child(VText::new(unescape(&rest[..end])?).into());
            rest = &rest[end..];
        }
    }
    if !open.is_empty() {
        return None;
    }
    root.map(Html::from)
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn escapes_are_decoded_and_odd_input_is_refused() {
        assert_eq!(
            unescape("a &lt;b&gt; &amp; &quot;c&quot;&#x2061;&#65;").as_deref(),
            Some("a <b> & \"c\"\u{2061}A")
        );
        assert_eq!(unescape("&nope;"), None);
        assert_eq!(unescape("a & b"), None);
        assert!(parse("<math><mi>x</mi></math>").is_some());
        assert!(
            parse("<math><mi>x</mo></math>").is_none(),
            "mismatched end tag"
        );
        assert!(parse("<math><mi>x</mi>").is_none(), "unclosed element");
        assert!(parse("<math></math><math></math>").is_none(), "two roots");
        assert!(
            parse("<math><mi onclick=\"x\">x</mi></math>").is_none(),
            "unknown attribute"
        );
        assert!(parse("text").is_none(), "text outside an element");
    }
}

/// The elements [`parse`] builds render to the same markup as the engine's string.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod render_tests {
    use super::*;
    use adjoint_engine::render::Sym;
    use yew::prelude::*;

    #[derive(Properties, PartialEq)]
    struct Props {
        parts: Vec<Term>,
    }

    #[function_component(Formula)]
    fn formula(props: &Props) -> Html {
        chain(&props.parts)
    }

    #[function_component(FormulaLines)]
    fn formula_lines(props: &Props) -> Html {
        chain_lines(&props.parts)
    }

    /// What component `C` renders for `parts` (server-side, as a string).
    async fn render<C: BaseComponent<Properties = Props>>(parts: &[Term]) -> String {
        let props = Props {
            parts: parts.to_vec(),
        };
        // The same as the app's `adjoint_table::render_tests::render`, which this library
        // (shared with the lab) cannot reach.
        tokio::task::LocalSet::new()
            .run_until(
                yew::LocalServerRenderer::<C>::with_props(props)
                    .hydratable(false)
                    .render(),
            )
            .await
    }

    #[tokio::test(flavor = "current_thread")]
    async fn chain_lines_are_the_pieces_with_a_break_between() {
        let parts = [
            Term::Sym(Sym::adjoint("v2")),
            Term::Sym(Sym::partial("v2", "v5")),
            Term::Num(1.716),
        ];
        let html = render::<FormulaLines>(&parts).await;
        assert_eq!(html, mathml::chain_pieces(&parts).join("<wbr>"));
        assert_eq!(html.matches("<math>").count(), 2, "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn parsed_formula_renders_like_the_engine_string() {
        let parts = [
            Term::Sym(Sym::partial("v2", "v4")),
            Term::call("sin", Term::sym(Sym::value("<v1>"))),
            Term::Num(-1.716),
        ];
        let html = render::<Formula>(&parts).await;
        // SSR writes the invisible function application as itself, the engine as `&#x2061;`.
        let want = mathml::chain(&parts).replace("&#x2061;", "\u{2061}");
        assert_eq!(html, want);
    }
}
