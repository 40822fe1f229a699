//! Size limits of the tensor engine: each is refused with a message naming the limit,
//! before the work or the memory is spent, and programs just under it still run.

use adjoint_engine::Mode;
use adjoint_tensor::array::MAX_ENTRIES;
use adjoint_tensor::kernels::linalg::MAX_MATMUL_WORK;
use adjoint_tensor::{gradients, run, TensorError, MAX_RECORDED_ENTRIES};

fn limit_of(e: &TensorError) -> Option<usize> {
    match e {
        TensorError::Limit { limit, .. } => Some(*limit),
        _ => None,
    }
}

#[test]
fn a_tensor_over_the_entry_limit_is_refused() {
    let e = run(
        "sum(broadcast_to(a0, [3000, 3000]))",
        r#"{"a0": 1}"#,
        Mode::Extended,
    )
    .expect_err("9e6 entries is over the limit");
    assert_eq!(limit_of(&e), Some(MAX_ENTRIES), "{e}");
    assert!(e.to_string().contains("entries of a tensor"), "{e}");
}

#[test]
fn a_matrix_product_over_the_work_limit_is_refused_with_its_sizes_in_range() {
    // 1000 × 1000 by 1000 × 1000: 1e9 multiply-adds, each operand only 1e6 entries.
    let program = "A = broadcast_to(a0, [1000, 1000])\nsum(A @ A)";
    let e = gradients(program, r#"{"a0": 0.5}"#).expect_err("1e9 multiply-adds");
    assert_eq!(limit_of(&e), Some(MAX_MATMUL_WORK), "{e}");
    assert!(e.to_string().contains("matrix product"), "{e}");
}

#[test]
fn a_matrix_product_under_the_work_limit_runs_with_the_right_gradient() {
    // 64 × 64 by 64 × 64 of one value a: sum(A @ A) = 64³ a², so d/da = 2 · 64³ a.
    let program = "A = broadcast_to(a0, [64, 64])\nsum(A @ A)";
    let (y, grads) = gradients(program, r#"{"a0": 0.5}"#).expect("within the limits");
    assert_eq!(y.flat(), vec![64.0_f64.powi(3) * 0.25]);
    assert_eq!(grads["a0"].flat(), vec![2.0 * 64.0_f64.powi(3) * 0.5]);
}

#[test]
fn a_trace_recording_too_many_entries_is_refused_but_its_gradient_is_not() {
    // 1.5e6 entries in A, copied through tanh and their adjoints: over the recording
    // limit, while each tensor is under the entry limit.
    let program = "A = broadcast_to(a0, [1500, 1000])\nsum(tanh(A))";
    let e = run(program, r#"{"a0": 0.1}"#, Mode::Extended).expect_err("over the recording limit");
    assert_eq!(limit_of(&e), Some(MAX_RECORDED_ENTRIES), "{e}");
    assert!(e.to_string().contains("step-through records"), "{e}");
    let (_, grads) = gradients(program, r#"{"a0": 0.1}"#).expect("gradients keep no trace");
    let expected = 1.5e6 * (1.0 - 0.1_f64.tanh().powi(2));
    assert!((grads["a0"].flat()[0] - expected).abs() < 1e-6 * expected);
}
