//! The share panel (`[data-testid=share-panel]`): the permalink of the exact view
//! (`input#share-link`), the iframe snippet for course pages (`textarea#embed-code`), each
//! with a copy button, and the exports (`button[data-export=svg|png|json|dot|latex|pytorch|
//! jax|needle]`), which download a file. The SVG is written here ([`crate::export`]); the
//! texts and the PNG (painted from the graph on the page) are made by the lab, loaded on
//! first use ([`crate::lab`]). Every string is in the interface language.

use adjoint_engine::Trace;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::graph_parts::Shared;
use crate::embed::iframe_snippet;
use crate::export::{copy, download, download_blob, svg_of_graph, Export};
use crate::i18n::{Key, Lang};

/// Props of [`ShareMenu`].
#[derive(Properties, PartialEq)]
pub struct ShareMenuProps {
    /// The trace on screen.
    pub trace: Shared<Trace>,
    /// The current step.
    pub step: usize,
    /// The program that produced `trace` (the exports run it again in the lab).
    pub program: AttrValue,
    /// Its values.
    pub values: AttrValue,
    /// The view's permalink query (`?v=2&…`).
    pub query: AttrValue,
    /// Is it a tensor program (no framework code)?
    pub tensor: bool,
    /// Closes the panel.
    pub on_close: Callback<()>,
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
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
    let lang = props.lang;
    let link = format!("{}{}", page_url(), props.query);
    let embed = iframe_snippet(&page_url(), &props.query, lang);
    let copier = |id: &'static str, text: String, what: Key| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            select(id);
            let key = if copy(&text) {
                Key::ShareCopied
            } else {
                Key::ShareSelected
            };
            status.set(lang.f(key, &[&lang.t(what)]));
        })
    };
    let on_export = {
        let status = status.clone();
        let trace = props.trace.clone();
        let (step, program, values) = (props.step, props.program.clone(), props.values.clone());
        Callback::from(move |e: Export| {
            let name = e.file_name(step);
            let report = {
                let (status, saved) = (status.clone(), name.clone());
                move |done: Result<(), String>| {
                    status.set(match done {
                        Ok(()) => lang.f(Key::ShareSaved, &[&saved]),
                        Err(why) => lang.f(Key::ShareFailed, &[&e.label(lang), &why]),
                    })
                }
            };
            if e == Export::Png {
                // Painted by the lab (loaded first if need be), encoded asynchronously: the
                // status is set when the file is ready.
                yew::platform::spawn_local(async move {
                    let blob = crate::lab::export_png().await;
                    report(blob.and_then(|b| download_blob(&name, &b)));
                });
                return;
            }
            if e == Export::Svg {
                report(svg_of_graph().and_then(|t| download(&name, e, &t)));
                return;
            }
            // The text exports are written by the lab, loaded on first use.
            let (program, values) = (program.clone(), values.clone());
            let (mode, wrt) = (trace.mode.name(), trace.wrt.unwrap_or(0) as usize);
            yew::platform::spawn_local(async move {
                let text =
                    crate::lab::export_text(e.key(), &program, &values, mode, wrt, step).await;
                report(text.and_then(|t| download(&name, e, &t)));
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
                <h2 id="share-title">{ lang.t(Key::ShareTitle) }</h2>
                <button type="button" id="share-close" class="icon-button" aria-label={lang.t(Key::ShareCloseAria)} title={lang.t(Key::ShareClose)} onclick={on_close}>{"×"}</button>
            </div>
            <div class="field">
                <label for="share-link">{ lang.t(Key::ShareLinkLabel) }</label>
                <div class="share-row">
                    <input id="share-link" type="text" readonly=true value={link.clone()} />
                    <button type="button" id="copy-link" class="button" onclick={copier("share-link", link, Key::ShareWhatLink)}>{ lang.t(Key::ShareCopyLink) }</button>
                </div>
            </div>
            <div class="field">
                <label for="embed-code">{ lang.t(Key::ShareEmbedLabel) }</label>
                <textarea id="embed-code" readonly=true rows="3" value={embed.clone()} />
                <button type="button" id="copy-embed" class="button" onclick={copier("embed-code", embed, Key::ShareWhatEmbed)}>{ lang.t(Key::ShareCopyEmbed) }</button>
            </div>
            <div class="field">
                <span class="label">{ lang.t(Key::ShareDownload) }</span>
                <div class="share-exports" role="group" aria-label={lang.t(Key::ShareDownload)}>
                    { for Export::ALL.into_iter().map(|e| {
                        let cb = on_export.clone();
                        let off = e.unavailable(props.tensor, lang);
                        html! {
                            <button type="button" class="button" data-export={e.key()} disabled={off.is_some()}
                                title={off.unwrap_or(e.label(lang))}
                                onclick={Callback::from(move |_: MouseEvent| cb.emit(e))}>{ e.label(lang) }</button>
                        }
                    }) }
                </div>
            </div>
            <p class="hint" data-testid="share-status" role="status" aria-live="polite">{ (*status).clone() }</p>
        </section>
    }
}
