//! The lecture's Z = XW trace in text form, pinned as a snapshot.

use adjoint_tensor::export::tensor_trace_text;
use adjoint_tensor::presets::MATMUL_PROGRAM;

#[test]
fn zxw_trace_text() {
    let inputs = r#"{"X": [[1, 2, 0], [0, -1, 1]], "W": [[0.5, -1], [0.25, 0.5], [1, 0]]}"#;
    let t =
        adjoint_tensor::run(MATMUL_PROGRAM, inputs, adjoint_engine::Mode::Extended).expect("runs");
    insta::assert_snapshot!(tensor_trace_text(&t));
}
