//! The numerical and symbolic panels (§1.2–1.3, `adjoint_web::components`), mounted by
//! the app inside an element of its page as a small Yew app of the lab's own.

use adjoint_web::components::{numeric_panel::NumericPanel, symbolic_panel::SymbolicPanel};
use adjoint_web::i18n::Lang;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Installs the app's Chinese table (`web/zh-bridge.js` fetched it; `web/lab-bridge.js`
/// passes it before the first Chinese panel): the lab, like the app, is built without the
/// compiled Chinese strings. Throws why a table is refused.
#[wasm_bindgen]
pub fn install_zh(text: &str) -> Result<(), JsValue> {
    adjoint_web::i18n::table::install(text).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Props of [`Panel`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// `numeric` or `symbolic`.
    pub method: AttrValue,
    /// The program text.
    pub program: AttrValue,
    /// The values text.
    pub values: AttrValue,
    /// The interface language.
    pub lang: Lang,
}

impl PanelProps {
    fn new(method: &str, program: &str, values: &str, lang: &str) -> Self {
        Self {
            method: AttrValue::from(method.to_string()),
            program: AttrValue::from(program.to_string()),
            values: AttrValue::from(values.to_string()),
            lang: Lang::from_code(lang).unwrap_or_default(),
        }
    }
}

/// The panel `method` names.
#[function_component]
pub fn Panel(props: &PanelProps) -> Html {
    let (program, values, lang) = (props.program.clone(), props.values.clone(), props.lang);
    if props.method == "symbolic" {
        html! { <SymbolicPanel {program} {values} {lang} /> }
    } else {
        html! { <NumericPanel {program} {values} {lang} /> }
    }
}

/// Yew numbers the event roots of each wasm instance from 1 and marks every element it
/// renders with its root's number. The app's roots (the page, or one per widget) take the
/// first numbers of the app's instance; a panel's root here would take 1 too, and the
/// app, whose capture listener sees a click inside the panel first, would take the
/// panel's elements for its own and run one of its handlers that has the same listener
/// number. So when the lab starts it uses up this many numbers on portals (each a root)
/// into a detached element, rendered once and then dropped: no page has that many apps.
const ROOT_NUMBERS_SKIPPED: usize = 256;

/// Renders [`ROOT_NUMBERS_SKIPPED`] portals once, then nothing.
#[function_component]
fn SkipRootNumbers() -> Html {
    let first = use_state(|| true);
    {
        let first = first.clone();
        use_effect_with((), move |_| first.set(false));
    }
    let sink = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok());
    match sink {
        Some(sink) if *first => (0..ROOT_NUMBERS_SKIPPED)
            .map(|_| yew::create_portal(Html::default(), sink.clone()))
            .collect(),
        _ => Html::default(),
    }
}

/// Moves this instance's root numbering past the app's. Called when the lab starts: Yew
/// renders in a microtask, which runs before the app can ask for a panel
/// (`web/lab-bridge.js` waits a task after loading).
pub fn skip_root_numbers() {
    if let Some(host) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok())
    {
        // Lives as long as the page; it holds nothing once the portals are gone.
        std::mem::forget(yew::Renderer::<SkipRootNumbers>::with_root(host).render());
    }
}

/// A mounted panel, as the app holds it.
#[wasm_bindgen]
pub struct MethodPanel {
    app: Option<yew::AppHandle<Panel>>,
}

#[wasm_bindgen]
impl MethodPanel {
    /// Mounts the `method` panel inside `host`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: web_sys::Element,
        method: &str,
        program: &str,
        values: &str,
        lang: &str,
    ) -> Self {
        let props = PanelProps::new(method, program, values, lang);
        Self {
            app: Some(yew::Renderer::<Panel>::with_root_and_props(host, props).render()),
        }
    }

    /// New props: another method, program, values or language.
    pub fn update(&mut self, method: &str, program: &str, values: &str, lang: &str) {
        if let Some(app) = self.app.as_mut() {
            app.update(PanelProps::new(method, program, values, lang));
        }
    }

    /// Unmounts the panel (its element is left empty).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}
