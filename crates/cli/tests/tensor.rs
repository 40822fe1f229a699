//! `adjoint tensor` end to end: gradients as nested JSON arrays, the lecture's trace,
//! presets, and shape errors with a caret and exit code 2.

mod common;
use common::adjoint;

#[test]
fn tensor_gradients_as_json() {
    let (code, out, err) = adjoint(&[
        "tensor",
        "Z = X @ W\nv = sum(Z)",
        "--inputs",
        r#"{"X": [[1, 2], [3, 4]], "W": [[1, 0, 2], [0, 1, 3]]}"#,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    // Z̄ = ones (2×3): X̄ = Z̄ Wᵀ = [[3, 4], [3, 4]], W̄ = Xᵀ Z̄ = [[4, 4, 4], [6, 6, 6]].
    assert_eq!(
        v["gradient"]["X"],
        serde_json::json!([[3.0, 4.0], [3.0, 4.0]])
    );
    assert_eq!(
        v["gradient"]["W"],
        serde_json::json!([[4.0, 4.0, 4.0], [6.0, 6.0, 6.0]])
    );
    assert_eq!(v["output"], serde_json::json!(36.0));
}

#[test]
fn tensor_text_trace_and_presets() {
    let (code, out, err) = adjoint(&["tensor", "--preset", "matmul"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.lines().any(|l| l.trim_start().starts_with("X̄_{X→Z}")
            && l.contains("[2×3]")
            && l.contains("= Z̄·Wᵀ")),
        "X̄ = Z̄ Wᵀ with X's shape: {out}"
    );
    assert!(out.contains("∂y/∂X = [["), "{out}");
    let (code, out, _) = adjoint(&["tensor", "--preset", "dict"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(r#"{"cat": 3, "dog": 0}"#),
        "d̄ has a zero for dog: {out}"
    );
    let (code, out, _) = adjoint(&["tensor", "--preset", "mlp", "--format", "trace-json"]);
    assert_eq!(code, 0);
    let t: serde_json::Value = serde_json::from_str(&out).expect("trace json");
    assert_eq!(t["mode"], "extended");
    assert!(
        t["nodes"][0]["shaped"]["tensor"]["shape"].is_array(),
        "tensor nodes carry shaped values"
    );
}

#[test]
fn tensor_shape_error_has_a_caret_and_exit_code_2() {
    let (code, out, err) = adjoint(&[
        "tensor",
        "Z = X @ W",
        "--inputs",
        r#"{"X": [[1, 2, 3]], "W": [[1, 2]]}"#,
    ]);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("@ (matmul): shapes [1, 3] and [1, 2]"),
        "{err}"
    );
    assert!(err.contains("^^^^^"), "{err}");
    let (code, _, err) = adjoint(&["tensor", "--preset", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown preset"), "{err}");
}
