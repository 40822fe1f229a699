//! The check numbers of `BENCH_WORKLOADS.md`, reproduced bit for bit by the numeric reverse
//! sweep on the benchmark workloads; the extended graph's gradient agrees with it; and a
//! 10⁶-op chain goes through build, eval, reverse and extension without recursion.

use adjoint_engine::graph::{Graph, NodeId};
use adjoint_engine::modes::extended::extend;
use adjoint_engine::modes::reverse::adjoints;
use adjoint_engine::rules::eval::eval_graph;
use adjoint_engine::workloads::{chain, mlp, mlp_ops, product, MlpData, SplitMix64};

/// Output value and gradient (one entry per variable) by eval + the numeric reverse sweep.
fn value_and_gradient(g: &Graph, out: NodeId, inputs: &[f64]) -> (f64, Vec<f64>) {
    let values = eval_graph(g, inputs);
    let bar = adjoints(g, &values, out);
    let grad = g.input_nodes().iter().map(|n| bar[n.index()]).collect();
    (values[out.index()], grad)
}

/// The exactly rounded sum of `xs` (Shewchuk's algorithm, as Python's `math.fsum`): keep
/// non-overlapping partials whose exact sum is the running total, then round once,
/// with the half-way correction of CPython's `math_fsum`.
fn fsum(xs: &[f64]) -> f64 {
    let mut partials: Vec<f64> = Vec::new();
    for &x0 in xs {
        let mut x = x0;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            // two-sum with |x| ≥ |y|: hi + lo = x + y exactly.
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        partials.push(x);
    }
    let mut n = partials.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = partials[n];
    let mut lo = 0.0;
    while n > 0 {
        n -= 1;
        let x = hi;
        let y = partials[n];
        hi = x + y;
        lo = y - (hi - x);
        if lo != 0.0 {
            break;
        }
    }
    // Round half-even correctly when the rest of the partials push past a tie.
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        if y == x - hi {
            hi = x;
        }
    }
    hi
}

/// |a − b| ≤ 1e-12 · max(|a|, |b|) (so two exact zeros agree).
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
}

/// The extended graph's gradient, evaluated at `inputs`, against the numeric reverse one.
/// Returns whether it also matched bit for bit.
fn check_extended(g: &Graph, out: NodeId, inputs: &[f64], numeric: &[f64]) -> bool {
    let ext = extend(g, out, |_| {});
    let symbolic = ext.gradient_at(inputs);
    assert_eq!(symbolic.len(), numeric.len());
    for (k, (s, n)) in symbolic.iter().zip(numeric).enumerate() {
        assert!(close(*s, *n), "variable {k}: extended {s:?}, reverse {n:?}");
    }
    symbolic
        .iter()
        .zip(numeric)
        .all(|(s, n)| s.to_bits() == n.to_bits())
}

#[test]
fn fsum_is_exactly_rounded() {
    assert_eq!(fsum(&[0.1; 10]), 1.0);
    assert_eq!(fsum(&[1e100, 1.0, -1e100, 1e-100]), 1.0);
    assert_eq!(fsum(&[1.0, 1e-16, 1e-16]), 1.0000000000000002);
    assert_eq!(fsum(&[]), 0.0);
}

#[test]
fn splitmix64_seed_42_first_three() {
    let mut r = SplitMix64::new(42);
    assert_eq!(r.next_u64(), 13679457532755275413);
    assert_eq!(r.next_u64(), 2949826092126892291);
    assert_eq!(r.next_u64(), 5139283748462763858);
}

#[test]
fn mlp_parameters_and_data() {
    let d = MlpData::draw(2);
    assert_eq!(d.w1[0][0], 0.4831297575436466);
    assert_eq!(d.w1[0][1], -0.6801792142461598);
    assert_eq!(d.b1[0], -0.7928515286414586);
    assert_eq!(d.w2[0], 0.9084704104560104);
    assert_eq!(d.b2, 0.5741117785497485);
    assert_eq!(d.x[0][0], -0.1682144377247481);
    assert_eq!(d.x[1][15], -0.034572443952659127);
    // The parameters are drawn first: a batch is a prefix of every larger batch.
    let big = MlpData::draw(8);
    assert_eq!(big.params(), d.params());
    assert_eq!(big.x[..2], d.x[..]);
}

#[test]
fn chain_check_numbers_bit_for_bit() {
    let cases = [
        (4, 1.0, 1.3414709848078965, 1.8817732906760363),
        (1000, 1.0, 2.1882104492870758, 4.1203064509691875e-123),
        (10000, 1.0, 2.1882104492870758, 0.0),
        (1000, 0.5, 9.898535915133478e-74, 7.989278531028939e-72),
    ];
    for (n, x0, y, dy) in cases {
        let (g, out, inputs) = chain(n, x0);
        assert_eq!(g.len(), n + 1);
        let (v, grad) = value_and_gradient(&g, out, &inputs);
        assert_eq!(v, y, "chain N={n} x0={x0}: y");
        assert_eq!(grad, [dy], "chain N={n} x0={x0}: dy/dx");
        assert!(check_extended(&g, out, &inputs, &grad), "chain N={n}: bits");
    }
}

#[test]
fn mlp_check_numbers() {
    // (B, loss, grad_sum, dL/dW1[0][0], dL/db2)
    let cases = [
        (
            1,
            0.8387140414200115,
            2.290152677538016,
            -0.27646496749553917,
            1.831626644728681,
        ),
        (
            8,
            2.6615371500585647,
            12.871027421320216,
            0.3890848516411472,
            0.9553019683433741,
        ),
        (
            18,
            5.999806711136172,
            23.63464674953622,
            0.5501046084430231,
            2.5804324707213,
        ),
    ];
    for (b, loss, grad_sum, dw, db2) in cases {
        let (g, out, params) = mlp(b);
        assert_eq!(params.len(), 289);
        assert_eq!(g.len(), 289 + mlp_ops(b));
        let (v, grad) = value_and_gradient(&g, out, &params);
        // Same op order as the reference tape, so these are bit for bit too.
        assert_eq!(v, loss, "mlp B={b}: loss");
        assert_eq!(fsum(&grad), grad_sum, "mlp B={b}: grad_sum");
        assert_eq!(grad[0], dw, "mlp B={b}: dL/dW1[0][0]");
        assert_eq!(grad[288], db2, "mlp B={b}: dL/db2");
        assert!(check_extended(&g, out, &params, &grad), "mlp B={b}: bits");
    }
}

#[test]
fn product_check_numbers_bit_for_bit() {
    // (n, f, grad_sum, grad[0], grad[n-1])
    let cases = [
        (
            10,
            0.9950887172159729,
            9.955826785036454,
            0.9999713900187992,
            0.9912167766820587,
        ),
        (
            100,
            0.9946475306143249,
            99.47057266948093,
            0.9995280386153759,
            0.9995280386153765,
        ),
        (
            1000,
            0.9904022445956514,
            990.4165118633672,
            0.9952619219489179,
            0.9865485393637617,
        ),
    ];
    for (n, f, grad_sum, first, last) in cases {
        let (g, out, thetas) = product(n);
        assert_eq!(g.len(), 2 * n - 1);
        let (v, grad) = value_and_gradient(&g, out, &thetas);
        assert_eq!(v, f, "product n={n}: f");
        assert_eq!(fsum(&grad), grad_sum, "product n={n}: grad_sum");
        assert_eq!(grad[0], first, "product n={n}: grad[0]");
        assert_eq!(grad[n - 1], last, "product n={n}: grad[n-1]");
        assert!(
            check_extended(&g, out, &thetas, &grad),
            "product n={n}: bits"
        );
    }
}

#[test]
fn a_million_op_chain_needs_no_recursion() {
    let n = 1_000_000;
    let (g, out, inputs) = chain(n, 1.0);
    assert_eq!(g.len(), n + 1);
    let (v, grad) = value_and_gradient(&g, out, &inputs);
    // The forward settles on the 2-cycle and the gradient underflows (as for N = 10⁴).
    assert_eq!(v, 2.1882104492870758);
    assert_eq!(grad, [0.0]);
    let ext = extend(&g, out, |_| {});
    assert!(ext.graph.len() > g.len());
    assert_eq!(ext.gradient_at(&inputs), [0.0]);
}
