//! Every op against central differences and against its jvp (dot-product identity),
//! broadcasting reductions, and shape errors that name the op and both shapes.

use adjoint_tensor::check::{all_ops, check_all, check_op, sample_inputs};
use adjoint_tensor::kernels::broadcast::{broadcast_to, sum_to_shape};
use adjoint_tensor::{gradients, Op, Tensor, TensorError, Value};

#[test]
fn every_op_matches_central_differences_and_its_jvp() {
    for seed in [1, 2, 3] {
        let checks = check_all(seed).expect("every op runs on its sample");
        assert_eq!(checks.len(), all_ops().len() - 2, "all but the two leaves");
        for c in checks {
            assert!(c.vjp_error < 1e-6, "{:?}: vjp error {}", c.op, c.vjp_error);
            assert!(
                c.identity_error < 1e-12,
                "{:?}: ⟨Ju,r⟩ ≠ ⟨u,Jᵀr⟩ by {}",
                c.op,
                c.identity_error
            );
        }
    }
}

#[test]
fn the_check_catches_a_wrong_rule() {
    // The checker must be able to fail: Step's vjp says 0, but at its jump (x = 0)
    // central differences see a slope of size 1/(2h), a relative error of 1.
    let at_jump = vec![Value::Tensor(
        Tensor::new(vec![2], vec![0.0, 1.0]).expect("t"),
    )];
    let c = check_op(&Op::Step, &at_jump, 1).expect("runs");
    assert!(c.vjp_error > 0.5, "the jump at 0 is seen: {}", c.vjp_error);
}

#[test]
fn samples_exist_for_every_non_leaf_op() {
    for op in all_ops() {
        assert_eq!(sample_inputs(&op, 0).is_empty(), op.is_leaf(), "{op:?}");
    }
}

#[test]
fn broadcasting_reduces_back_to_the_input_shape() {
    // z = A + b with A 2×3, b 3: b̄ = Σ over rows of z̄.
    let (_, g) = gradients(
        "y = sum((A + b) * C)",
        r#"{"A": [[1,2,3],[4,5,6]], "b": [1,1,1], "C": [[1,2,3],[10,20,30]]}"#,
    )
    .expect("runs");
    assert_eq!(g["b"].tensor("t").expect("t").data, vec![11.0, 22.0, 33.0]);
    assert_eq!(g["b"].tensor("t").expect("t").shape, vec![3]);
    // A column [2, 1] against [2, 3].
    let (_, g) = gradients(
        "y = sum(c * C)",
        r#"{"c": [[1],[2]], "C": [[1,2,3],[10,20,30]]}"#,
    )
    .expect("runs");
    assert_eq!(g["c"].tensor("t").expect("t").data, vec![6.0, 60.0]);
    // A scalar against everything.
    let (_, g) =
        gradients("y = sum(s * C)", r#"{"s": 2, "C": [[1,2,3],[10,20,30]]}"#).expect("runs");
    assert_eq!(g["s"], Value::scalar(66.0));
    // The kernels invert each other up to the count of copies.
    let x = Tensor::new(vec![3, 1], vec![1.0, 2.0, 3.0]).expect("x");
    let big = broadcast_to(&x, &[2, 3, 4]).expect("broadcast");
    assert_eq!(
        sum_to_shape(&big, &[3, 1]).expect("sum").data,
        vec![8.0, 16.0, 24.0]
    );
}

#[test]
fn shape_errors_name_the_op_and_both_shapes() {
    let err = |src: &str, inputs: &str| match gradients(src, inputs) {
        Err(e) => e,
        Ok(_) => panic!("{src} should fail"),
    };
    let e = err(
        "Z = X @ W",
        r#"{"X": [[1,2,3],[4,5,6]], "W": [[1,2],[3,4]]}"#,
    );
    assert_eq!(
        e.to_string(),
        "@ (matmul): shapes [2, 3] and [2, 2] do not line up: inner sizes 3 and 2 differ"
    );
    assert!(
        matches!(e, TensorError::Shape { span: Some(_), .. }),
        "placed in the program"
    );
    let rendered = e.render("Z = X @ W");
    assert!(rendered.contains("^^^^^"), "{rendered}");
    let e = err("y = A + B", r#"{"A": [[1,2,3]], "B": [[1,2],[3,4]]}"#);
    assert_eq!(
        e.to_string(),
        "+: shapes [1, 3] and [2, 2] do not broadcast: axis sizes 3 and 2 differ and neither is 1"
    );
    let e = err("y = reshape(A, [4])", r#"{"A": [[1,2,3]]}"#);
    assert_eq!(
        e.to_string(),
        "reshape: shapes [1, 3] and [4] hold different numbers of entries (3 and 4)"
    );
    let e = err("y = broadcast_to(A, [2, 2])", r#"{"A": [1, 2, 3]}"#);
    assert!(
        e.to_string()
            .starts_with("broadcast_to: shapes [3] and [2, 2]"),
        "{e}"
    );
    let e = err("y = sum(A, 2)", r#"{"A": [[1,2,3]]}"#);
    assert_eq!(
        e.to_string(),
        "sum: axis 2 is out of range for shape [1, 3] (rank 2)"
    );
    let e = err("d = {\"cat\": a}\ny = d[\"dog\"]", r#"{"a": 1}"#);
    assert_eq!(e.to_string(), "index: no key \"dog\"; the dict has \"cat\"");
}

#[test]
fn bad_inputs_json_is_explained() {
    let err = |inputs: &str| {
        gradients("y = sum(X)", inputs)
            .expect_err("bad inputs")
            .to_string()
    };
    assert!(err(r#"{"X": [[1, 2], [3]]}"#).contains("ragged"));
    assert!(err(r#"{"X": [[1, 2], 3]}"#).contains("ragged"));
    assert!(err(r#"{"X": [1, "a"]}"#).contains("arrays hold numbers only"));
    assert!(err(r#"[1, 2]"#).contains("give an object"));
    assert!(err(r#"{"X": [1, 2"#).contains("not valid JSON"));
    assert!(err(r#"{}"#).contains("`X` has no value"));
}
