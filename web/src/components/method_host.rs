//! Where the numerical or symbolic panel (§1.2–1.3) goes. The panels and the symbolic
//! engine behind them live in the lab module (`web/lab`), which the app loads on demand,
//! so the first load does not carry them: this component loads the lab, asks it to mount
//! the panel as a small Yew app of its own inside `[data-testid=method-host]`, passes it
//! new props as the program changes, and unmounts it when the panel closes. Natively
//! (component tests) the panels are rendered directly.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Method;

/// Props of [`MethodHost`].
#[derive(Properties, PartialEq)]
pub struct MethodHostProps {
    /// Which panel.
    pub method: Method,
    /// The program text.
    pub program: AttrValue,
    /// The values text.
    pub values: AttrValue,
    /// The interface language.
    pub lang: Lang,
}

/// The panel, drawn directly (no lab to load outside the browser).
#[cfg(not(target_arch = "wasm32"))]
#[function_component]
pub fn MethodHost(props: &MethodHostProps) -> Html {
    use adjoint_web::components::{numeric_panel::NumericPanel, symbolic_panel::SymbolicPanel};
    let (program, values, lang) = (props.program.clone(), props.values.clone(), props.lang);
    match props.method {
        Method::Numeric => html! { <NumericPanel {program} {values} {lang} /> },
        Method::Symbolic => html! { <SymbolicPanel {program} {values} {lang} /> },
    }
}

/// Where the lab stands for this host.
#[cfg(target_arch = "wasm32")]
#[derive(Clone, PartialEq)]
enum Loaded {
    Waiting,
    Ready,
    Failed(String),
}

/// The panel, mounted by the lab once it has loaded.
#[cfg(target_arch = "wasm32")]
#[function_component]
pub fn MethodHost(props: &MethodHostProps) -> Html {
    use crate::i18n::Key;
    use crate::lab::panel;

    let host = use_node_ref();
    let mounted = use_mut_ref(|| None::<wasm_bindgen::JsValue>);
    let loaded = use_state(|| Loaded::Waiting);
    {
        let (loaded, mounted) = (loaded.clone(), mounted.clone());
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                loaded.set(match crate::lab::load().await {
                    Ok(()) => Loaded::Ready,
                    Err(why) => Loaded::Failed(why),
                });
            });
            move || {
                if let Some(p) = mounted.borrow_mut().take() {
                    panel::destroy(&p);
                }
            }
        });
    }
    {
        let (host, mounted) = (host.clone(), mounted.clone());
        let args = (
            props.method.name(),
            props.program.clone(),
            props.values.clone(),
            props.lang.code(),
        );
        use_effect_with(
            ((*loaded).clone(), args),
            move |(loaded, (method, program, values, lang))| {
                if *loaded == Loaded::Ready {
                    let mut slot = mounted.borrow_mut();
                    match slot.as_ref() {
                        Some(p) => panel::update(p, method, program, values, lang),
                        None => {
                            if let Some(el) = host.cast::<web_sys::Element>() {
                                *slot = Some(panel::mount(&el, method, program, values, lang));
                            }
                        }
                    }
                }
            },
        );
    }
    let l = props.lang;
    html! {
        <>
            if *loaded == Loaded::Waiting {
                <p class="hint" data-testid="lab-status" role="status">{ l.t(Key::PanelLoading) }</p>
            }
            if let Loaded::Failed(why) = &*loaded {
                <div class="parse-error" data-testid="lab-status" role="alert">{ l.f(Key::PanelFailed, &[why]) }</div>
            }
            <div class="method-host" data-testid="method-host" ref={host}></div>
        </>
    }
}
