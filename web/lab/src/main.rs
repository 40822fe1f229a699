//! Adjoint's lab: what the app needs only on demand, as a wasm module of its own. The
//! app's first load carries the scalar step-through; the first tensor program or the
//! first numerical or symbolic panel loads this module (`web/lab-bridge.js`).
//! - Tensor programs (lecture §2.6–2.7, `adjoint-tensor`): [`run_tensor`] computes and
//!   encodes; the app decodes the engine's `Trace` and draws it like any other.
//! - The method panels (§1.2–1.3): [`panel::MethodPanel`] mounts one in the app's page.
//! - The share panel's text exports: [`export::export_text`]; its PNG of the graph on the
//!   page: [`png::export_png`].
#![forbid(unsafe_code)]

pub mod export;
pub mod panel;
pub mod png;

use wasm_bindgen::prelude::*;

/// Runs a tensor `program` on `inputs` (JSON) in extended mode. Returns the outcome, the
/// trace or the failure, encoded by [`adjoint_tensor::outcome::encode`] (the app decodes
/// it); it throws only if encoding fails.
#[wasm_bindgen]
pub fn run_tensor(program: &str, inputs: &str) -> Result<Vec<u8>, JsValue> {
    let outcome = adjoint_tensor::outcome::run_for_app(program, inputs);
    adjoint_tensor::outcome::encode(&outcome).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Runs when the app loads the lab: see [`panel::skip_root_numbers`]. Everything else is
/// called by the app.
fn main() {
    panel::skip_root_numbers();
}
