//! The tensor language: literals, `@`, `.T`, reductions, tuples and dicts parse and
//! evaluate; bad text gets an error with a caret; random text never panics.

use adjoint_tensor::syntax::parse;
use adjoint_tensor::{compile, gradients, TensorError, Value};
use proptest::prelude::*;

fn value(src: &str, inputs: &str) -> Vec<f64> {
    let p = compile(src, inputs).unwrap_or_else(|e| panic!("{src}: {}", e.render(src)));
    p.graph.value(p.output).flat()
}

#[test]
fn literals_and_operators_evaluate() {
    assert_eq!(value("[[1, 2], [3, 4]] @ [[1], [1]]", ""), vec![3.0, 7.0]);
    assert_eq!(value("[[1, 2], [3, 4]].T", ""), vec![1.0, 3.0, 2.0, 4.0]);
    assert_eq!(value("sum([[1, 2], [3, 4]], 0)", ""), vec![4.0, 6.0]);
    assert_eq!(value("sum([[1, 2], [3, 4]])", ""), vec![10.0]);
    assert_eq!(value("mean([[1, 2], [3, 5]], 1)", ""), vec![1.5, 4.0]);
    assert_eq!(
        value("reshape([1, 2, 3, 4, 5, 6], [3, 2]).T", ""),
        vec![1.0, 3.0, 5.0, 2.0, 4.0, 6.0]
    );
    assert_eq!(
        value("broadcast_to([1, 2], [2, 2])", ""),
        vec![1.0, 2.0, 1.0, 2.0]
    );
    assert_eq!(value("[-1, 2] ^ 2 - 1", ""), vec![0.0, 3.0]);
    assert_eq!(value("relu([-1, 2]) + sigmoid(0)", ""), vec![0.5, 2.5]);
    assert_eq!(value("x = 2; t = (x, x * 3); t[1]", ""), vec![6.0]);
    assert_eq!(
        value("d = {\"cat\": 1, \"dog\": 2}\nd[\"dog\"]", ""),
        vec![2.0]
    );
    let lse = value("logsumexp([[0, 0], [1, 1]], 1)", "");
    assert!((lse[0] - 2f64.ln()).abs() < 1e-15 && (lse[1] - 1.0 - 2f64.ln()).abs() < 1e-15);
    // The scalar language is a subset.
    assert_eq!(
        value("ln(x1) + x1*x2 - x2", r#"{"x1": 1, "x2": 5}"#),
        vec![0.0]
    );
    let (_, g) = gradients("ln(x1) + x1*x2", r#"{"x1": 2, "x2": 5}"#).expect("runs");
    assert_eq!(g["x1"], Value::scalar(5.5));
}

#[test]
fn parse_errors_point_at_the_problem() {
    let render = |src: &str| compile(src, r#"{"x": 1}"#).expect_err("fails").render(src);
    let r = render("y = [[1, 2], [3]]");
    assert!(r.contains("ragged array") && r.contains("^^^"), "{r}");
    let r = render("y = x.U");
    assert!(r.contains("only `T`"), "{r}");
    let r = render("y = foo(x)");
    assert!(
        r.contains("unknown function `foo`") && r.contains("^"),
        "{r}"
    );
    let r = render("y = x ^ x");
    assert!(r.contains("exponent"), "{r}");
    let r = render("y = z + 1");
    assert!(r.contains("`z` has no value") && r.contains("    ^"), "{r}");
    let r = render("d = {cat: x}");
    assert!(r.contains("dict keys are strings"), "{r}");
    assert_eq!(
        compile("  \n ; ", "").expect_err("empty"),
        TensorError::EmptyProgram
    );
    let long = format!("y = x{}", "+x".repeat(200_000));
    assert!(compile(&long, r#"{"x": 1}"#)
        .expect_err("long")
        .to_string()
        .contains("at most"));
    let long = format!("y = x{}", ".T".repeat(200_000));
    assert!(compile(&long, r#"{"x": 1}"#)
        .expect_err("long")
        .to_string()
        .contains("at most"));
    let deep = format!("{}x{}", "(".repeat(500), ")".repeat(500));
    assert!(compile(&deep, r#"{"x": 1}"#)
        .expect_err("deep")
        .to_string()
        .contains("nest"));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        rng_seed: proptest::test_runner::RngSeed::Fixed(7),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_text_never_panics(src in "[a-zX\\[\\](){}@.T,:;\"0-9+*/^ =-]{0,40}") {
        let _ = parse(&src);
        let _ = compile(&src, r#"{"x": [[1, 2], [3, 4]], "a": 2, "X": {"k": 1}}"#);
    }

    #[test]
    fn random_json_never_panics(inputs in "[\\[\\]{}\"x:,0-9.e-]{0,30}") {
        let _ = compile("y = x", &inputs);
    }
}
