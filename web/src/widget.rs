//! Embedding by script: `web/adjoint-widget.js` loads this same wasm on a host page, sets
//! the flag [`requested`] reads (so `main` does not mount the full app) and calls
//! [`mount_widgets`], which mounts one independent [`App`] into every `[data-adjoint]`
//! element, inside a shadow root:
//!
//! ```html
//! <div data-adjoint data-program="ln(x1)+x1*x2-sin(x2)" data-at="x1=2,x2=5"
//!      data-mode="extended" data-step="3"></div>
//! ```
//!
//! Attributes: `data-program`, `data-at`, `data-mode`, `data-step`, `data-wrt`,
//! `data-theme` (`dark|light`), `data-hide` (as `hide=`) and `data-lang` (`en|zh`). They
//! are read as the permalink's query ([`crate::url::parse`]), so they accept exactly what a
//! link accepts, and a value that does not parse is ignored the same way.
//!
//! The app's CSS reaches the shadow root as one constructed stylesheet built by the loader,
//! with `:root` rewritten to `.adjoint-root`, the wrapper element [`mount_widgets`] creates:
//! host styles stop at the shadow boundary and the app's never leave it. A widget writes
//! nothing to the host's URL and listens to the keyboard only while it has focus.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Array, Reflect};
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

use crate::app::{App, AppProps};
use crate::i18n::Lang;
use crate::url::{self, UrlState};

/// The global the loader sets before it starts the wasm (`globalThis.__adjointWidget`).
pub const FLAG: &str = "__adjointWidget";

/// The class of the element each widget renders into (the stylesheet's `:root`).
pub const ROOT_CLASS: &str = "adjoint-root";

/// A widget's start-up view and the element it lives in.
#[derive(Clone, Debug, PartialEq)]
pub struct Widget {
    /// The `.adjoint-root` element inside the shadow root (theme and language go on it).
    pub root: Element,
    /// The view the data attributes ask for (always in embed mode).
    pub start: UrlState,
    /// `data-lang`, if given.
    pub lang: Option<Lang>,
    /// The folder of the built app (where the loader is), for "Open in Adjoint".
    pub base: String,
}

/// Was the wasm started by the widget loader (not by the app's own page)?
pub fn requested() -> bool {
    Reflect::get(&web_sys::js_sys::global(), &JsValue::from_str(FLAG)).is_ok_and(|v| v.is_truthy())
}

/// The data attributes a widget reads and the permalink keys they stand for.
const ATTRS: [(&str, &str); 7] = [
    ("data-program", "p"),
    ("data-at", "at"),
    ("data-mode", "mode"),
    ("data-step", "step"),
    ("data-wrt", "wrt"),
    ("data-theme", "theme"),
    ("data-hide", "hide"),
];

/// The view a widget's attributes describe (`attr` reads one), in embed mode.
pub fn start_view(attr: impl Fn(&str) -> Option<String>) -> UrlState {
    let query: Vec<String> = ATTRS
        .iter()
        .filter_map(|(name, key)| attr(name).map(|v| format!("{key}={}", url::encode(&v))))
        .collect();
    UrlState {
        embed: true,
        ..url::parse(&query.join("&"))
    }
}

/// Mounts a widget into every `[data-adjoint]` element that has none yet, sharing the
/// loader's constructed stylesheet `sheet`; `base` is the folder of the built app (the
/// loader's own). Returns how many were mounted. An element that
/// cannot host a shadow root (a `<td>`, an `<li>`, a `<button>`…) gets a message saying so
/// instead.
#[wasm_bindgen]
pub fn mount_widgets(sheet: JsValue, base: String) -> u32 {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(hosts) = document.query_selector_all("[data-adjoint]") else {
        return 0;
    };
    let mut mounted = 0;
    for i in 0..hosts.length() {
        let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if host.shadow_root().is_some() {
            continue;
        }
        match mount_one(&document, &host, &sheet, &base) {
            Ok(()) => mounted += 1,
            Err(why) => host.set_text_content(Some(&format!(
                "Adjoint cannot show a widget in this <{}>: {why}. Use a <div data-adjoint>.",
                host.tag_name().to_ascii_lowercase()
            ))),
        }
    }
    mounted
}

/// One widget: shadow root, stylesheet, wrapper and app.
fn mount_one(
    document: &web_sys::Document,
    host: &Element,
    sheet: &JsValue,
    base: &str,
) -> Result<(), String> {
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| "it cannot have a shadow root".to_string())?;
    if !sheet.is_undefined() && !sheet.is_null() {
        Reflect::set(&shadow, &"adoptedStyleSheets".into(), &Array::of1(sheet))
            .map_err(|_| "the browser refused the stylesheet".to_string())?;
    }
    let root = document
        .create_element("div")
        .map_err(|_| "no element could be created".to_string())?;
    root.set_class_name(ROOT_CLASS);
    // Focusable (by Tab and by a click inside), so the widget can take the keyboard.
    let _ = root.set_attribute("tabindex", "0");
    shadow
        .append_child(&root)
        .map_err(|_| "the shadow root refused its content".to_string())?;
    let start = start_view(|name| host.get_attribute(name));
    let lang = host
        .get_attribute("data-lang")
        .and_then(|l| Lang::from_code(&l));
    let props = AppProps {
        widget: Some(Widget {
            root: root.clone(),
            start,
            lang,
            base: base.to_string(),
        }),
    };
    // A Chinese widget mounts once the Chinese strings have arrived (src/zh_load.rs).
    let start = lang.unwrap_or_else(|| crate::lesson_wiring::start_lang(&Default::default()));
    crate::zh_load::then_mount(start, move || {
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use adjoint_engine::Mode;

    use super::*;

    fn attrs<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_issue_example_reads_as_its_view_in_embed_mode() {
        let v = start_view(attrs(&[
            ("data-program", "ln(x1)+x1*x2-sin(x2)"),
            ("data-at", "x1=2,x2=5"),
            ("data-mode", "extended"),
            ("data-step", "3"),
        ]));
        assert_eq!(v.program.as_deref(), Some("ln(x1)+x1*x2-sin(x2)"));
        assert_eq!(v.values.as_deref(), Some("x1=2,x2=5"));
        assert_eq!((v.mode, v.step), (Some(Mode::Extended), Some(3)));
        assert!(v.embed && v.hidden.is_empty() && v.problem.is_none());
    }

    #[test]
    fn forward_mode_theme_and_hide_apply_and_nonsense_is_ignored() {
        let v = start_view(attrs(&[
            ("data-program", "x & y = 1"),
            ("data-mode", "forward"),
            ("data-wrt", "1"),
            ("data-theme", "dark"),
            ("data-hide", "editor,pseudocode"),
            ("data-step", "lots"),
        ]));
        assert_eq!(
            v.program.as_deref(),
            Some("x & y = 1"),
            "& stays in the program"
        );
        assert_eq!(
            (v.mode, v.wrt, v.step),
            (Some(Mode::Forward), Some(1), None)
        );
        assert_eq!(v.theme.as_deref(), Some("dark"));
        assert_eq!(v.hidden.list(), "editor,pseudocode");
        let none = start_view(|_| None);
        assert_eq!(
            none,
            UrlState {
                embed: true,
                ..UrlState::default()
            }
        );
        assert_eq!(start_view(attrs(&[("data-mode", "sideways")])).mode, None);
    }
}
