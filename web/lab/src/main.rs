//! Adjoint's tensor lab: the tensor engine (lecture §2.6–2.7, `adjoint-tensor`) as a
//! wasm module of its own. The app's first load carries only the scalar engine; the
//! first tensor program loads this module (`web/lab-bridge.js`), and from then on every
//! run is a plain synchronous call. It computes and serializes, nothing more: the app
//! turns the result back into the engine's `Trace` and draws it like any other.
#![forbid(unsafe_code)]

use wasm_bindgen::prelude::*;

/// Runs a tensor `program` on `inputs` (JSON) in extended mode. Returns the outcome, the
/// trace or the failure, encoded by [`adjoint_tensor::outcome::encode`] (the app decodes
/// it); it throws only if encoding fails.
#[wasm_bindgen]
pub fn run_tensor(program: &str, inputs: &str) -> Result<Vec<u8>, JsValue> {
    let outcome = adjoint_tensor::outcome::run_for_app(program, inputs);
    adjoint_tensor::outcome::encode(&outcome).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Nothing to start: the app calls [`run_tensor`].
fn main() {}
