//! Numerical and symbolic differentiation against AD: the lecture's claims, measured.

use adjoint_engine::numeric::{
    difference, direction_check, epsilon_sweep, Scheme, DEFAULT_EPSILONS,
};
use adjoint_engine::render::text::text;
use adjoint_engine::symbolic::{product_costs, symbolic_gradient};
use adjoint_engine::{compile, EngineError};

fn lecture() -> adjoint_engine::Compiled {
    compile(
        "ln(x1) + x1*x2 - sin(x2)",
        &[("x1".into(), 2.0), ("x2".into(), 5.0)],
    )
    .expect("valid")
}

#[test]
fn central_differences_are_second_order_and_one_sided_first_order() {
    let c = lecture();
    let (exact, sweep) = epsilon_sweep(&c, 0, &DEFAULT_EPSILONS).expect("sweeps");
    assert_eq!(exact, 5.5);
    // From ε = 1e-2 to 1e-3 the one-sided error shrinks about 10×, the central about 100×.
    let one = sweep[1].one_sided_error / sweep[2].one_sided_error;
    let cen = sweep[1].central_error / sweep[2].central_error;
    assert!((7.0..13.0).contains(&one), "one-sided ratio {one}");
    assert!((70.0..130.0).contains(&cen), "central ratio {cen}");
    // Round-off: at ε = 1e-15 both are far worse than at their best ε.
    let best_one = sweep
        .iter()
        .map(|p| p.one_sided_error)
        .fold(f64::INFINITY, f64::min);
    assert!(sweep[14].one_sided_error > 100.0 * best_one);
    assert!(sweep[14].central_error > 1e-3);
    assert!((difference(&c, 1, 1e-5, Scheme::Central).expect("ok") - 1.716).abs() < 5e-4);
}

#[test]
fn random_direction_check_passes_and_is_reproducible() {
    let c = lecture();
    let a = direction_check(&c, 7, 1e-6, 1e-6).expect("checks");
    let b = direction_check(&c, 7, 1e-6, 1e-6).expect("checks");
    assert_eq!(a, b, "same seed, same δ");
    assert!(a.passed, "{a:?}");
    assert_eq!(a.evaluations, 2);
    let norm: f64 = a.delta.iter().map(|x| x * x).sum::<f64>().sqrt();
    assert!((norm - 1.0).abs() < 1e-12);
    let other = direction_check(&c, 8, 1e-6, 1e-6).expect("checks");
    assert_ne!(a.delta, other.delta);
}

#[test]
fn bad_numeric_input_gets_a_clear_message() {
    let c = lecture();
    for eps in [0.0, -1e-3, f64::NAN] {
        let e = difference(&c, 0, eps, Scheme::Central).expect_err("bad ε");
        assert!(e.to_string().contains("ε must be a positive"), "{e}");
    }
    let neg = compile("ln(x)", &[("x".into(), -1.0)]).expect("compiles");
    let e = difference(&neg, 0, 1e-5, Scheme::Central).expect_err("outside the domain");
    assert!(e.to_string().contains("ln of a negative number"), "{e}");
    let nan = compile("x*2", &[("x".into(), f64::NAN)]).expect("compiles");
    assert!(
        matches!(difference(&nan, 0, 1e-5, Scheme::Central), Err(EngineError::Invalid(m)) if m.contains("NaN"))
    );
}

#[test]
fn product_gradient_costs_n_times_n_minus_1_naively_and_linear_by_reverse_ad() {
    for n in [2usize, 3, 4, 10, 57, 1000] {
        let p = product_costs(n).expect("in range");
        assert_eq!(p.naive, (n * (n - 1)) as f64, "n = {n}");
        // forward n−1 products, then two products per visited product node
        assert_eq!(p.reverse_ad, (3 * (n - 1)) as f64, "n = {n}");
        assert!(p.shared <= p.naive);
    }
    assert!(product_costs(1).is_err());
    assert!(product_costs(100_000).is_err());
}

#[test]
fn symbolic_derivatives_print_and_agree_with_ad() {
    let c = compile("x*y + sin(x)", &[("x".into(), 0.5), ("y".into(), 2.0)]).expect("valid");
    let s = symbolic_gradient(&c);
    // d/dx = 1·y + x·0 (pruned) + cos(x)·1
    assert_eq!(
        s.formula(0).map(|t| text(&t)),
        Some("1 × y + cos x × 1".to_string())
    );
    assert!((s.value(0, &c.inputs) - (2.0 + 0.5f64.cos())).abs() < 1e-15);
    assert!((s.value(1, &c.inputs) - 0.5).abs() < 1e-15);
    assert!(s.naive.nodes >= s.shared.nodes);
}
