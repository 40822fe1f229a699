//! The `adjoint` binary end to end: JSON shapes, exit codes, carets.

mod common;
use common::adjoint;

const LECTURE: &str = "ln(x1) + x1*x2 - sin(x2)";

#[test]
fn grad_json_in_every_mode() {
    for mode in ["extended", "reverse", "forward", "backprop"] {
        let (code, out, err) = adjoint(&[
            "grad",
            LECTURE,
            "--at",
            "x1=2,x2=5",
            "--mode",
            mode,
            "--json",
        ]);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert_eq!(v["gradient"]["x1"], 5.5, "{mode}");
        assert!((v["gradient"]["x2"].as_f64().expect("number") - 1.716).abs() < 5e-4);
        assert!((v["output"].as_f64().expect("number") - 11.652).abs() < 5e-4);
        assert!(out.starts_with("{\"output\""), "output first: {out}");
    }
}

#[test]
fn hessian_json() {
    // y = x^3 y: H = [[6xy, 3x^2], [3x^2, 0]] at (2, 3) = [[36, 12], [12, 0]]
    let (code, out, _) = adjoint(&["hessian", "x^3*y", "--at", "x=2,y=3", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["variables"], serde_json::json!(["x", "y"]));
    assert_eq!(v["hessian"], serde_json::json!([[36.0, 12.0], [12.0, 0.0]]));
}

#[test]
fn trace_formats() {
    let (code, text, _) = adjoint(&[
        "trace",
        LECTURE,
        "--at",
        "x1=2,x2=5",
        "--mode",
        "reverse",
        "--format",
        "text",
    ]);
    assert_eq!(code, 0);
    assert!(
        text.contains("v̄2 = v̄_{2→5} + v̄_{2→4} = v̄5·cos v2 + v̄4·v1 = -0.284 + 2 = 1.716"),
        "{text}"
    );
    let (_, latex, _) = adjoint(&["trace", LECTURE, "--at", "x1=2,x2=5", "--format", "latex"]);
    assert!(
        latex.contains("\\begin{align*}") && latex.contains("\\bar{v}_{2}"),
        "{latex}"
    );
    let (_, dot, _) = adjoint(&["trace", LECTURE, "--at", "x1=2,x2=5", "--format", "dot"]);
    assert!(
        dot.starts_with("digraph") && dot.contains("n0 -> n2"),
        "{dot}"
    );
    let (_, json, _) = adjoint(&["trace", LECTURE, "--at", "x1=2,x2=5", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["mode"], "extended");
}

#[test]
fn bad_input_exits_2_with_a_caret_and_no_backtrace() {
    let (code, out, err) = adjoint(&["grad", "ln(x1 +", "--at", "x1=1"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("   | ln(x1 +\n   |        ^"), "{err}");
    assert!(!err.contains("panicked"));
    let (code, _, err) = adjoint(&["grad", "x1*x2", "--at", "x1=1"]);
    assert_eq!(code, 2);
    assert!(err.contains("no value given for input `x2`"), "{err}");
    let (code, _, err) = adjoint(&["grad", "x", "--at", "x=abc"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a number"), "{err}");
    let (code, _, _) = adjoint(&["frobnicate"]);
    assert_eq!(code, 2);
}

#[test]
fn optimize_reports_counts() {
    let (code, out, _) = adjoint(&["optimize", LECTURE, "--at", "x1=2,x2=5", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["before"], 16);
    assert_eq!(v["after"], 8);
}

#[test]
fn numeric_and_symbolic() {
    let (code, out, err) = adjoint(&["numeric", LECTURE, "--at", "x1=2,x2=5", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["exact"], 5.5);
    assert_eq!(v["sweep"].as_array().map(Vec::len), Some(15));
    assert_eq!(v["direction_check"]["passed"], true);
    let (code, out, _) = adjoint(&["symbolic", "--product", "1000", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["naive"], 999000.0);
    assert_eq!(v["reverse_ad"], 2997.0);
    let (code, out, _) = adjoint(&["symbolic", "x*y + sin(x)", "--at", "x=1,y=2"]);
    assert_eq!(code, 0);
    assert!(out.contains("∂y/∂x = 1 × y + cos x × 1"), "{out}");
    let (code, _, err) = adjoint(&["numeric", "ln(x)", "--at", "x=-1"]);
    assert_eq!(code, 2);
    assert!(err.contains("ln of a negative number"), "{err}");
    let (code, _, err) = adjoint(&["numeric", "x", "--at", "x=1", "--eps", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("positive"), "{err}");
}

#[test]
fn layout_reads_dot_and_prints_positions() {
    let dir = std::env::temp_dir().join(format!("adjoint-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("g.dot");
    std::fs::write(
        &path,
        "digraph G { a -> b; a -> c; b -> d; c -> d [label=\"x\"]; }",
    )
    .expect("writes");
    let (code, out, err) = adjoint(&["layout", path.to_str().expect("utf-8 path"), "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let x = |id: &str| v["nodes"][id][0].as_f64().expect("x");
    assert!(
        x("a") < x("b") && x("b") < x("d"),
        "layers run left to right: {out}"
    );
    assert_eq!(v["edges"].as_array().map(Vec::len), Some(4));
    assert_eq!(v["crossings"], 0);
    // The extended graph the CLI exports as DOT lays out too.
    let (_, dot, _) = adjoint(&["trace", LECTURE, "--at", "x1=2,x2=5", "--format", "dot"]);
    std::fs::write(&path, dot).expect("writes");
    let (code, out, err) = adjoint(&["layout", path.to_str().expect("utf-8 path"), "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["nodes"].as_object().map(|m| m.len()), Some(16));
    std::fs::write(&path, "digraph { a -> b; b -> a; }").expect("writes");
    let (code, _, err) = adjoint(&["layout", path.to_str().expect("utf-8 path"), "--json"]);
    assert_eq!(code, 2);
    assert!(err.to_lowercase().contains("cycle"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
