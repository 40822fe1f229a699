//! The algorithm's pseudocode (`[data-testid=pseudocode]`), the line being executed marked
//! `current` with `aria-current="step"`.

use yew::prelude::*;

use crate::i18n::{Key, Lang};

/// Props of [`Pseudocode`].
#[derive(Properties, PartialEq)]
pub struct PseudocodeProps {
    /// The lines.
    pub lines: Vec<String>,
    /// The line to highlight.
    pub current: Option<u32>,
    /// The interface language (the heading; the code stays code).
    #[prop_or_default]
    pub lang: Lang,
}

/// The pseudocode panel.
#[function_component(Pseudocode)]
pub fn pseudocode(props: &PseudocodeProps) -> Html {
    html! {
        <section class="panel pseudocode-panel hide-when-presenting" aria-labelledby="pseudocode-title">
            <h2 id="pseudocode-title">{props.lang.t(Key::PseudocodeTitle)}</h2>
            <pre class="pseudocode" data-testid="pseudocode">
                { for props.lines.iter().enumerate().map(|(i, line)| {
                    let current = props.current == Some(i as u32);
                    html! {
                        <code class={classes!("code-line", current.then_some("current"), current.then_some("is-current"))}
                            aria-current={current.then_some("step")}>
                            { code_line(line) }
                        </code>
                    }
                }) }
            </pre>
        </section>
    }
}

/// A line with its `# comment` set apart.
fn code_line(line: &str) -> Html {
    match line.find('#') {
        Some(i) => html! { <>{ &line[..i] }<span class="code-comment">{ &line[i..] }</span></> },
        None => html! { { line } },
    }
}
