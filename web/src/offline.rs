//! Offline use: registers the service worker `sw.js` (copied next to the page by Trunk),
//! which caches the page and its hashed files so the app opens with the network cut.
//! Only the app's own page registers it (a widget's host page owns its origin's workers),
//! and only where the browser offers service workers (not on `file://` or plain `http`
//! to another host); a refused registration is dropped silently: the app works without it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::Reflect;
use web_sys::ServiceWorkerContainer;

/// The worker's path, relative to the page.
pub const WORKER: &str = "./sw.js";

/// Registers [`WORKER`] if the browser supports service workers here.
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // `navigator.serviceWorker` is undefined in insecure contexts: read it untyped first.
    let Ok(container) = Reflect::get(&window.navigator(), &JsValue::from_str("serviceWorker"))
    else {
        return;
    };
    let Ok(container) = container.dyn_into::<ServiceWorkerContainer>() else {
        return;
    };
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    // Handled, so a refusal is not an "uncaught (in promise)" error in the console.
    let _ = container.register(WORKER).catch(&ignore);
    ignore.forget();
}
