//! A tensor run as the app shows it: the trace, or the error already placed in the text it
//! came from (the program, or the inputs JSON). The app's lazily loaded tensor module
//! (`web/lab`) returns this across the boundary between two wasm modules as bytes
//! ([`encode`] / [`decode`], postcard: compact, and NaN and ±∞ survive, which JSON would
//! turn into `null`), so both sides share one shape instead of each rebuilding the error.

use adjoint_engine::{Diagnostic, Mode, Trace};
use serde::{Deserialize, Serialize};

use crate::TensorError;

/// Why a tensor program did not run, ready to show under the editor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    /// True when the inputs JSON is at fault rather than the program.
    pub in_values: bool,
    /// The message with its line, column and caret.
    pub diagnostic: Diagnostic,
}

impl Failure {
    /// `error` placed in the text it points into: inputs errors in `inputs`, the rest in
    /// `program` (JSON errors have no span, so they name the whole field).
    pub fn of(error: &TensorError, program: &str, inputs: &str) -> Self {
        let in_values = matches!(error, TensorError::Inputs(_));
        Self {
            in_values,
            diagnostic: error.diagnostic(if in_values { inputs } else { program }),
        }
    }
}

/// What [`run_for_app`] gives.
pub type Outcome = Result<Trace, Failure>;

/// `outcome` as bytes for the app ([`decode`] reads them back exactly).
pub fn encode(outcome: &Outcome) -> Result<Vec<u8>, postcard::Error> {
    postcard::to_allocvec(outcome)
}

/// The outcome [`encode`] wrote.
pub fn decode(bytes: &[u8]) -> Result<Outcome, postcard::Error> {
    postcard::from_bytes(bytes)
}

/// Runs `program` on `inputs` (JSON) in extended mode, the only mode tensor programs have.
pub fn run_for_app(program: &str, inputs: &str) -> Outcome {
    crate::run(program, inputs, Mode::Extended).map_err(|e| Failure::of(&e, program, inputs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shape_error_points_into_the_program() {
        let program = "v = sum(X @ X)";
        let inputs = r#"{"X": [[1, 2, 3]]}"#;
        let f = run_for_app(program, inputs).expect_err("1×3 @ 1×3 does not fit");
        assert!(!f.in_values);
        assert_eq!(f.diagnostic.source_line, program);
        assert!(
            f.diagnostic.message.contains("@"),
            "{}",
            f.diagnostic.message
        );
    }

    #[test]
    fn a_json_error_points_into_the_inputs() {
        let f = run_for_app("v = sum(X)", r#"{"X": [1, 2"#).expect_err("broken JSON");
        assert!(f.in_values);
        assert!(
            f.diagnostic.message.starts_with("inputs JSON"),
            "{}",
            f.diagnostic.message
        );
    }

    /// Bit-for-bit equality of every number (NaN ≠ NaN under `==`).
    fn same(a: &Outcome, b: &Outcome) -> bool {
        format!("{a:?}") == format!("{b:?}")
    }

    #[test]
    fn every_preset_round_trips_through_the_bytes() {
        for p in crate::presets::all() {
            let outcome = run_for_app(p.program, &p.inputs);
            assert!(outcome.is_ok(), "{}: {outcome:?}", p.program);
            let back = decode(&encode(&outcome).expect("encodes")).expect("decodes");
            assert!(same(&back, &outcome), "{}", p.program);
        }
    }

    #[test]
    fn nan_and_infinity_survive_where_json_would_lose_them() {
        let outcome = run_for_app("v = sum(log(X))", r#"{"X": [-1, 0, 2]}"#);
        let trace = outcome.as_ref().expect("runs, with NaN and -inf values");
        let dump = format!("{trace:?}");
        assert!(dump.contains("NaN") && dump.contains("inf"), "{dump}");
        let back = decode(&encode(&outcome).expect("encodes")).expect("decodes");
        assert!(same(&back, &outcome));
        let failure = run_for_app("v = sum(X @ X)", r#"{"X": [[1, 2, 3]]}"#);
        let back = decode(&encode(&failure).expect("encodes")).expect("decodes");
        assert_eq!(back, failure);
        assert!(
            decode(&[0xff, 0xff, 0xff]).is_err(),
            "garbage is an error, not a panic"
        );
    }
}
