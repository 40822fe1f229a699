//! The share panel (`[data-testid=share-panel]`): the permalink of the exact view
//! (`input#share-link`), the iframe snippet for course pages (`textarea#embed-code`), each
//! with a copy button, and the exports (`button[data-export=svg|json|dot|latex|pytorch|jax|
//! needle]`), which download a file. The texts come from the engine ([`crate::export`]).

use adjoint_engine::Trace;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::graph_parts::Shared;
use crate::embed::iframe_snippet;
use crate::export::{copy, download, svg_of_graph, text_of, Export};

/// Props of [`ShareMenu`].
#[derive(Properties, PartialEq)]
pub struct ShareMenuProps {
    /// The trace on screen.
    pub trace: Shared<Trace>,
    /// The current step.
    pub step: usize,
    /// The program as typed.
    pub program: AttrValue,
    /// The values as typed.
    pub values: AttrValue,
    /// The view's permalink query (`?v=2&…`).
    pub query: AttrValue,
    /// Is it a tensor program (no framework code)?
    pub tensor: bool,
    /// Closes the panel.
    pub on_close: Callback<()>,
}

/// The page's address without its query (`https://host/path/`).
fn page_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Selects the text of the field `id` (so a failed copy leaves it ready for Ctrl+C).
fn select(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        if let Ok(field) = wasm_bindgen::JsCast::dyn_into::<HtmlTextAreaElement>(el.clone()) {
            field.select();
        } else if let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el) {
            field.select();
        }
    }
}

/// The panel.
#[function_component(ShareMenu)]
pub fn share_menu(props: &ShareMenuProps) -> Html {
    let status = use_state(String::new);
    let link = format!("{}{}", page_url(), props.query);
    let embed = iframe_snippet(&page_url(), &props.query);
    let copier = |id: &'static str, text: String, what: &'static str| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            select(id);
            status.set(if copy(&text) {
                format!("{what} copied.")
            } else {
                format!("{what} selected: press Ctrl+C (⌘C) to copy.")
            });
        })
    };
    let on_export = {
        let status = status.clone();
        let trace = props.trace.clone();
        let (step, program, values) = (props.step, props.program.clone(), props.values.clone());
        Callback::from(move |e: Export| {
            let text = match e {
                Export::Svg => svg_of_graph(),
                _ => text_of(e, &trace, step, &program, &values),
            };
            let name = e.file_name(step);
            status.set(match text.and_then(|t| download(&name, e, &t)) {
                Ok(()) => format!("Saved {name}."),
                Err(why) => format!("Could not export {}: {why}", e.label()),
            });
        })
    };
    let on_close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <section class="panel share-panel" data-testid="share-panel" aria-labelledby="share-title">
            <div class="inspector-head">
                <h2 id="share-title">{"Share and export"}</h2>
                <button type="button" id="share-close" class="icon-button" aria-label="Close sharing" title="Close" onclick={on_close}>{"×"}</button>
            </div>
            <div class="field">
                <label for="share-link">{"Link to this exact view (program, values, mode, step, theme)"}</label>
                <div class="share-row">
                    <input id="share-link" type="text" readonly=true value={link.clone()} />
                    <button type="button" id="copy-link" class="button" onclick={copier("share-link", link, "Link")}>{"Copy link"}</button>
                </div>
            </div>
            <div class="field">
                <label for="embed-code">{"Embed in a course page (iframe; add &hide=editor,tables,pseudocode,controls to leave parts out)"}</label>
                <textarea id="embed-code" readonly=true rows="3" value={embed.clone()} />
                <button type="button" id="copy-embed" class="button" onclick={copier("embed-code", embed, "Embed code")}>{"Copy embed code"}</button>
            </div>
            <div class="field">
                <span class="label">{"Download"}</span>
                <div class="share-exports" role="group" aria-label="Download">
                    { for Export::ALL.into_iter().map(|e| {
                        let cb = on_export.clone();
                        let off = e.unavailable(props.tensor);
                        html! {
                            <button type="button" class="button" data-export={e.key()} disabled={off.is_some()}
                                title={off.unwrap_or(e.label())}
                                onclick={Callback::from(move |_: MouseEvent| cb.emit(e))}>{ e.label() }</button>
                        }
                    }) }
                </div>
            </div>
            <p class="hint" data-testid="share-status" role="status" aria-live="polite">{ (*status).clone() }</p>
        </section>
    }
}
