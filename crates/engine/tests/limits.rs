//! Size limits answer with a clear error naming the limit, quickly, instead of hanging,
//! overflowing the stack or filling the memory.

use adjoint_engine::modes::higher::{
    nth_derivatives, try_hessian, MAX_HESSIAN_VARIABLES, MAX_ORDER,
};
use adjoint_engine::syntax::parser::{MAX_NESTING, MAX_SOURCE_BYTES};
use adjoint_engine::{compile, EngineError};

#[test]
fn nesting_deeper_than_the_limit_is_a_parse_error_naming_it() {
    let src = format!(
        "{}x{}",
        "(".repeat(MAX_NESTING + 5),
        ")".repeat(MAX_NESTING + 5)
    );
    let e = compile(&src, &[("x".into(), 1.0)]).expect_err("too deep");
    assert!(e.to_string().contains(&MAX_NESTING.to_string()), "{e}");
}

#[test]
fn a_program_over_the_byte_limit_names_the_limit() {
    let src = "x".repeat(MAX_SOURCE_BYTES + 1);
    let e = compile(&src, &[]).expect_err("too long");
    assert!(matches!(e, EngineError::Limit { .. }));
    assert!(e.to_string().contains("over the limit"), "{e}");
}

#[test]
fn derivative_order_over_the_limit_is_refused() {
    let c = compile("sin(x)", &[("x".into(), 1.0)]).expect("valid");
    let e = nth_derivatives(&c, MAX_ORDER + 1).expect_err("order too high");
    assert_eq!(
        e.to_string(),
        format!("the derivative order is over the limit of {MAX_ORDER}")
    );
    assert_eq!(nth_derivatives(&c, 2).expect("order 2").len(), 2);
}

#[test]
fn many_variables_bind_fast_and_the_hessian_refuses_them() {
    let n = 50_000;
    let src: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
    let values: Vec<(String, f64)> = (0..n).map(|i| (format!("a{i}"), i as f64)).collect();
    // Binding used to compare every name with every value (2.5·10⁹ comparisons here).
    let c = compile(&src.join(" + "), &values).expect("valid");
    assert_eq!(c.inputs[n - 1], (n - 1) as f64);
    let e = try_hessian(&c).expect_err("too many variables for a Hessian");
    assert!(
        e.to_string().contains(&MAX_HESSIAN_VARIABLES.to_string()),
        "{e}"
    );
    let small = compile("x*y", &[("x".into(), 2.0), ("y".into(), 3.0)]).expect("valid");
    assert_eq!(try_hessian(&small).expect("2 variables").matrix[0][1], 1.0);
}
