//! The last line of defence: a panic hook that replaces a dead page with a banner saying
//! what happened, a "Copy report" button (message, location, page URL, user agent) and a
//! "Reload" button that reopens the page at the state the URL holds (program, values,
//! mode, step are written there after every change).
//!
//! The release build aborts on panic, so the Yew app is gone once the hook returns: the
//! banner is plain DOM built here with web-sys, styled through the CSSOM (inline `style`
//! attributes would break the app's `style-src 'self'` policy), and its two buttons only
//! call the browser (clipboard, location). The report is also shown in a read-only text
//! box, so it can be copied by hand where the clipboard is refused.
//!
//! `?panic_test=1` panics on purpose right after the app mounts; the browser tests use it
//! to see the banner. It only affects the page that was opened with it.

use std::panic::PanicHookInfo;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

use crate::i18n::{Key, Lang};

#[wasm_bindgen]
extern "C" {
    /// `console.error(text)`, so the panic also reaches the developer tools.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(text: &str);
    /// `navigator.clipboard.writeText(text)` (not in web-sys without unstable APIs).
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write_text(text: &str) -> Result<JsValue, JsValue>;
}

/// The query parameter that triggers a test panic.
pub const TEST_PARAM: &str = "panic_test";
/// The banner's `id` (and its `data-testid`).
pub const BANNER_ID: &str = "panic-banner";

/// Installs the hook; call first thing in `main`. Through Yew, since its renderer would
/// otherwise replace any hook set with `std::panic::set_hook` by its own console hook.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let report = report_text(
            &panic_message(info),
            &where_from(info),
            &page_url(),
            &agent(),
        );
        console_error(&report);
        // A panic inside the banner code must not recurse: the hook runs once per page.
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if doc.get_element_by_id(BANNER_ID).is_none() {
                let _ = show_banner(&doc, &report);
            }
        }
    }));
}

/// True when the page was opened with `?panic_test=1`.
pub fn test_panic_requested() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| has_test_param(&q))
}

/// Whether a query string asks for the test panic (`panic_test=1`).
pub fn has_test_param(query: &str) -> bool {
    query
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == format!("{TEST_PARAM}=1"))
}

/// The query without the test parameter, so "Reload" does not panic again.
pub fn without_test_param(query: &str) -> String {
    let kept: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(TEST_PARAM))
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// The text the "Copy report" button copies.
pub fn report_text(message: &str, location: &str, url: &str, agent: &str) -> String {
    format!(
        "Adjoint stopped with an internal error.\nmessage: {message}\nat: {location}\npage: {url}\nbrowser: {agent}\nversion: {}",
        env!("CARGO_PKG_VERSION")
    )
}

fn panic_message(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(no message)".to_string()
    }
}

fn where_from(info: &PanicHookInfo<'_>) -> String {
    info.location().map_or_else(
        || "(unknown place)".to_string(),
        |l| format!("{}:{}:{}", l.file(), l.line(), l.column()),
    )
}

fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

fn agent() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default()
}

/// Builds the banner at the top of `<body>`: heading, explanation, the two buttons, a
/// status line, and the report in a read-only text box.
fn show_banner(doc: &Document, report: &str) -> Result<(), JsValue> {
    let body = doc.body().ok_or("no body")?;
    // In the page's language, as the app last set `<html lang>`.
    let lang = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default();
    let banner = element(doc, "div", &[("id", BANNER_ID), ("data-testid", BANNER_ID)])?;
    banner.set_attribute("role", "alert")?;
    style(
        &banner,
        &[
            ("position", "fixed"),
            ("top", "0"),
            ("left", "0"),
            ("right", "0"),
            ("z-index", "1000"),
            ("padding", "16px 20px"),
            ("background", "#fff3f0"),
            ("color", "#3a0a00"),
            ("border-bottom", "3px solid #c0392b"),
            ("font", "15px/1.4 system-ui, sans-serif"),
            ("box-shadow", "0 2px 12px rgba(0,0,0,.25)"),
        ],
    )?;
    let title = element(doc, "strong", &[])?;
    title.set_text_content(Some(lang.t(Key::PanicHeadline)));
    banner.append_child(&title)?;
    let text = element(doc, "p", &[])?;
    text.set_text_content(Some(lang.t(Key::PanicBody)));
    banner.append_child(&text)?;

    let status = element(doc, "span", &[("data-testid", "panic-status")])?;
    status.set_attribute("aria-live", "polite")?;
    let copy = button(doc, lang.t(Key::PanicCopy), "panic-copy")?;
    let reload = button(doc, lang.t(Key::PanicReload), "panic-reload")?;
    banner.append_child(&copy)?;
    banner.append_child(&reload)?;
    banner.append_child(&status)?;
    let area = element(
        doc,
        "textarea",
        &[
            ("readonly", ""),
            ("rows", "6"),
            ("data-testid", "panic-report"),
        ],
    )?;
    area.set_text_content(Some(report));
    style(
        &area,
        &[
            ("display", "block"),
            ("width", "100%"),
            ("margin-top", "10px"),
            ("font", "12px/1.3 monospace"),
        ],
    )?;
    banner.append_child(&area)?;

    let text_to_copy = report.to_string();
    let status_for_copy = status.clone();
    let on_copy = Closure::<dyn FnMut()>::new(move || {
        let said = match clipboard_write_text(&text_to_copy) {
            Ok(_) => Key::PanicCopied,
            Err(_) => Key::PanicClipboardRefused,
        };
        status_for_copy.set_text_content(Some(lang.t(said)));
    });
    copy.add_event_listener_with_callback("click", on_copy.as_ref().unchecked_ref())?;
    // The page is over: the closures live as long as it does.
    on_copy.forget();
    let on_reload = Closure::<dyn FnMut()>::new(move || {
        if let Some(w) = web_sys::window() {
            let loc = w.location();
            let query = loc.search().unwrap_or_default();
            let path = loc.pathname().unwrap_or_default();
            let _ = loc.replace(&format!("{path}{}", without_test_param(&query)));
        }
    });
    reload.add_event_listener_with_callback("click", on_reload.as_ref().unchecked_ref())?;
    on_reload.forget();

    body.insert_before(&banner, body.first_child().as_ref())?;
    Ok(())
}

fn element(doc: &Document, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    for (k, v) in attrs {
        e.set_attribute(k, v)?;
    }
    Ok(e)
}

fn button(doc: &Document, label: &str, testid: &str) -> Result<Element, JsValue> {
    let b = element(
        doc,
        "button",
        &[("type", "button"), ("data-testid", testid)],
    )?;
    b.set_text_content(Some(label));
    style(&b, &[("margin", "4px 8px 4px 0"), ("font", "inherit")])?;
    Ok(b)
}

/// Sets CSS properties through the CSSOM (allowed by `style-src 'self'`, unlike a
/// `style="…"` attribute).
fn style(e: &Element, props: &[(&str, &str)]) -> Result<(), JsValue> {
    let decl = e
        .dyn_ref::<HtmlElement>()
        .ok_or("not an HTML element")?
        .style();
    for (k, v) in props {
        decl.set_property(k, v)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_parameter_is_recognised_and_removed() {
        assert!(has_test_param("?mode=reverse&panic_test=1"));
        assert!(!has_test_param("?panic_test=0&p=x"));
        assert!(!has_test_param("?p=panic_test%3D1"));
        assert_eq!(
            without_test_param("?mode=reverse&panic_test=1&step=3"),
            "?mode=reverse&step=3"
        );
        assert_eq!(without_test_param("?panic_test=1"), "");
    }

    #[test]
    fn the_report_names_message_place_page_and_browser() {
        let r = report_text("boom", "web/src/app.rs:1:2", "http://h/?p=x", "Chromium");
        for part in [
            "message: boom",
            "at: web/src/app.rs:1:2",
            "page: http://h/?p=x",
        ] {
            assert!(r.contains(part), "{r}");
        }
        assert!(r.contains("browser: Chromium"));
    }
}
