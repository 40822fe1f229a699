//! The lab: tensor programs (#7) run in a second wasm module, `web/lab`, that the app
//! loads on the first tensor program ([`load`]); the numerical and symbolic panels are
//! mounted by it ([`panel`]) and the share panel's text exports written and its PNG
//! painted by it ([`export_text`], [`export_png`]), so the first load of the scalar step-through is smaller. Until it
//! has arrived, [`run`] says so and the state keeps the program waiting; once loaded,
//! runs are synchronous. Natively (component tests) the tensor engine is called directly.

use adjoint_engine::Trace;
use adjoint_tensor::outcome::Failure;

use crate::state::{Action, AppState, Lab};

/// What asking the lab for a run gives.
#[derive(Debug)]
pub enum LabRun {
    /// The lab ran the program.
    Done(Result<Trace, Failure>),
    /// The lab is not loaded yet: call [`load`], then run again.
    NotLoaded,
}

#[cfg(target_arch = "wasm32")]
mod bridge {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/lab-bridge.js")]
    extern "C" {
        #[wasm_bindgen(js_name = labReady)]
        pub fn lab_ready() -> bool;
        #[wasm_bindgen(js_name = loadLab)]
        pub fn load_lab() -> js_sys::Promise;
        #[wasm_bindgen(js_name = runTensor, catch)]
        pub fn run_tensor(program: &str, inputs: &str) -> Result<Vec<u8>, JsValue>;
        #[wasm_bindgen(js_name = exportText, catch)]
        pub fn export_text(
            kind: &str,
            program: &str,
            values: &str,
            mode: &str,
            wrt: usize,
            step: usize,
        ) -> Result<String, JsValue>;
        #[wasm_bindgen(js_name = exportPng)]
        pub fn export_png() -> js_sys::Promise;
    }
}

/// The method panels (numerical, symbolic) that the loaded lab mounts as Yew apps of its
/// own (`components/method_host.rs`). Call only after [`load`] has succeeded.
#[cfg(target_arch = "wasm32")]
pub mod panel {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/lab-bridge.js")]
    extern "C" {
        /// Mounts the `method` panel (`numeric`, `symbolic`) inside `host`; the handle is
        /// for [`update`] and [`destroy`].
        #[wasm_bindgen(js_name = mountPanel)]
        pub fn mount(
            host: &web_sys::Element,
            method: &str,
            program: &str,
            values: &str,
            lang: &str,
        ) -> JsValue;
        /// Gives a mounted panel new props.
        #[wasm_bindgen(js_name = updatePanel)]
        pub fn update(panel: &JsValue, method: &str, program: &str, values: &str, lang: &str);
        /// Unmounts a panel and frees it.
        #[wasm_bindgen(js_name = destroyPanel)]
        pub fn destroy(panel: &JsValue);
    }
}

/// Runs a tensor `program` on `inputs` (JSON), if the lab is loaded.
#[cfg(target_arch = "wasm32")]
pub fn run(program: &str, inputs: &str) -> LabRun {
    if !bridge::lab_ready() {
        return LabRun::NotLoaded;
    }
    let outcome = bridge::run_tensor(program, inputs)
        .map_err(|e| describe(&e))
        .and_then(|js| adjoint_tensor::outcome::decode(&js).map_err(|e| e.to_string()));
    LabRun::Done(outcome.unwrap_or_else(|why| Err(internal(&why))))
}

/// Runs a tensor `program` on `inputs` (JSON): natively the engine is linked in, and the
/// lab counts as loaded unless a test said otherwise ([`native::set_loaded`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn run(program: &str, inputs: &str) -> LabRun {
    if !native::LOADED.get() {
        return LabRun::NotLoaded;
    }
    LabRun::Done(adjoint_tensor::outcome::run_for_app(program, inputs))
}

/// The native stand-in for the browser's module state, so tests can walk the waiting path.
#[cfg(not(target_arch = "wasm32"))]
pub mod native {
    use std::cell::Cell;

    thread_local! {
        /// Has the (simulated) lab been loaded on this thread?
        pub static LOADED: Cell<bool> = const { Cell::new(true) };
    }

    /// Makes this thread's lab loaded or not.
    pub fn set_loaded(loaded: bool) {
        LOADED.set(loaded);
    }
}

/// The share panel's text export `kind` (`json`, `dot`, `latex`, `pytorch`, …) of the run
/// of `program` on `values` in `mode`, made by the lab (loaded first if need be; natively
/// there is no lab, and no export).
pub async fn export_text(
    kind: &str,
    program: &str,
    values: &str,
    mode: &str,
    wrt: usize,
    step: usize,
) -> Result<String, String> {
    #[cfg(target_arch = "wasm32")]
    {
        load().await?;
        bridge::export_text(kind, program, values, mode, wrt, step).map_err(|e| describe(&e))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (program, values, mode, wrt, step);
        Err(format!(
            "the {kind} export is made by the browser's lab module"
        ))
    }
}

/// The graph on the page as a PNG at 2× (`web/lab/src/png.rs`), painted by the lab (loaded
/// first if need be; natively there is no lab, and no picture). The error says why in
/// words: nothing to draw, or the browser could not encode the picture.
pub async fn export_png() -> Result<web_sys::Blob, String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        load().await?;
        wasm_bindgen_futures::JsFuture::from(bridge::export_png())
            .await
            .map_err(|e| describe(&e))?
            .dyn_into::<web_sys::Blob>()
            .map_err(|_| "the browser could not encode it".to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Err("the PNG export is painted by the browser's lab module".to_string())
    }
}

/// Loads the lab (once per page; a failed load can be tried again). The error says why,
/// in the browser's words (offline, file missing).
#[cfg(target_arch = "wasm32")]
pub async fn load() -> Result<(), String> {
    wasm_bindgen_futures::JsFuture::from(bridge::load_lab())
        .await
        .map(|_| ())
        .map_err(|e| describe(&e))
}

/// Natively there is nothing to fetch: the lab is marked loaded.
#[cfg(not(target_arch = "wasm32"))]
pub async fn load() -> Result<(), String> {
    native::set_loaded(true);
    Ok(())
}

/// A thrown JS value as text: an Error's message, else its string form.
#[cfg(target_arch = "wasm32")]
fn describe(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// A failure of the lab itself (not of the program), shown like a program error without
/// a place in the text.
#[cfg(target_arch = "wasm32")]
fn internal(why: &str) -> Failure {
    let error = adjoint_engine::EngineError::Invalid(format!("the tensor module failed: {why}"));
    Failure {
        in_values: false,
        diagnostic: error.diagnostic(""),
    }
}

/// Loads the lab whenever the state starts waiting for it ([`Lab::Loading`]) and tells
/// the state how it went.
#[yew::hook]
pub fn use_lab_loader(lab: &Lab, dispatcher: yew::UseReducerDispatcher<AppState>) {
    yew::use_effect_with(*lab == Lab::Loading, move |&loading| {
        if loading {
            yew::platform::spawn_local(async move {
                dispatcher.dispatch(match load().await {
                    Ok(()) => Action::LabLoaded,
                    Err(why) => Action::LabFailed(why),
                });
            });
        }
    });
}
