//! The narration line (`[data-testid=narration]`, `aria-live="polite"`): the current step in
//! one sentence with its equation, or an introduction to the mode at step 0, and the result
//! once the last step is reached.

use adjoint_engine::render::number::rounded;
use adjoint_engine::{Mode, Trace};
use yew::prelude::*;

use crate::components::graph_parts::Shared;
use crate::i18n::narrate::narrate;
use crate::i18n::{Key, Lang};

/// Props of [`Narration`].
#[derive(Properties, PartialEq)]
pub struct NarrationProps {
    /// The trace on screen (compared by pointer).
    pub trace: Shared<Trace>,
    /// The step just applied, if any.
    pub current: Option<usize>,
    /// The interface language (English unless told).
    #[prop_or_default]
    pub lang: Lang,
}

/// What the mode does, said before the first step, in `lang`.
pub fn intro(lang: Lang, mode: Mode, trace: &Trace) -> String {
    let n = trace.forward_count;
    match mode {
        Mode::Forward => {
            let x = trace
                .wrt
                .and_then(|w| trace.variables.get(w as usize))
                .map_or("x", |v| v.name.as_str());
            lang.f(Key::IntroForward, &[&x, &n])
        }
        Mode::Reverse => lang.f(Key::IntroReverse, &[&n]),
        Mode::Extended => lang.f(Key::IntroExtended, &[&n]),
        Mode::Backprop => lang.f(Key::IntroBackprop, &[&n]),
    }
}

/// The narration panel.
#[function_component(Narration)]
pub fn narration(props: &NarrationProps) -> Html {
    let t = &props.trace;
    let step = props.current.and_then(|i| t.steps.get(i).map(|s| (i, s)));
    let (sentence, formula) = match step {
        Some((i, s)) => (
            narrate(props.lang, t, i),
            (!s.equation.is_empty()).then(|| crate::math::chain_lines(&s.equation)),
        ),
        None => (intro(props.lang, t.mode, t), None),
    };
    let done = props.current.is_some_and(|i| i + 1 == t.steps.len());
    html! {
        <div class="narration" data-testid="narration" aria-live="polite">
            <span>{ with_subscripts(&sentence) }</span>
            if let Some(f) = formula {
                {" "}<span class="formula">{ f }</span>
            }
            if done {
                <div class="hint result">{ result_line(t) }</div>
            }
        </div>
    }
}

/// Splits plain text at its `_{…}` subscripts (the engine's text form of `v̄_{2→5}`):
/// `(text, is_subscript)` pieces in order, the braces dropped. An unclosed `_{` stays text.
pub fn subscript_parts(s: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(at) = rest.find("_{") {
        let Some(len) = rest[at + 2..].find('}') else {
            break;
        };
        if at > 0 {
            out.push((&rest[..at], false));
        }
        out.push((&rest[at + 2..at + 2 + len], true));
        rest = &rest[at + 2 + len + 1..];
    }
    if !rest.is_empty() {
        out.push((rest, false));
    }
    out
}

/// Text with its `_{…}` subscripts drawn as `<sub>` (`v̄_{2→5}` reads v̄₂→₅).
pub fn with_subscripts(s: &str) -> Html {
    html! {
        { for subscript_parts(s).into_iter().map(|(part, sub)| if sub {
            html! { <sub>{ part.to_string() }</sub> }
        } else {
            html! { { part.to_string() } }
        }) }
    }
}

/// `y = 11.652; ∂y/∂x1 = 5.5, ∂y/∂x2 = 1.716`.
pub fn result_line(t: &Trace) -> String {
    let grads: Vec<String> = t
        .result
        .gradient
        .iter()
        .map(|v| {
            let value =
                crate::tensor_view::gradient_text(t, &v.name).unwrap_or_else(|| rounded(v.value));
            format!("∂y/∂{} = {value}", v.name)
        })
        .collect();
    let output = t
        .nodes
        .get(t.output as usize)
        .and_then(|n| n.shaped.as_ref())
        .and_then(crate::tensor_view::compact)
        .unwrap_or_else(|| rounded(t.result.output));
    format!("y = {output}; {}", grads.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscripts_are_split_out_of_the_engine_text() {
        assert_eq!(
            subscript_parts("v̄2 = v̄_{2→5} + v̄_{2→4} = 1.716."),
            vec![
                ("v̄2 = v̄", false),
                ("2→5", true),
                (" + v̄", false),
                ("2→4", true),
                (" = 1.716.", false)
            ]
        );
        assert_eq!(
            subscript_parts("v̄_{k→i}"),
            vec![("v̄", false), ("k→i", true)]
        );
        assert_eq!(
            subscript_parts("no subscript"),
            vec![("no subscript", false)]
        );
        assert_eq!(subscript_parts("open _{2"), vec![("open _{2", false)]);
        assert!(subscript_parts("").is_empty());
    }
}
