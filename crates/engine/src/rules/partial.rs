//! The numeric local derivative ∂v/∂a_k of each op, from its inputs `a` and output `v`.
//!
//! Forward mode computes v̇ = Σ_k ∂v/∂a_k · ȧ_k, reverse mode a̅_k += v̄ · ∂v/∂a_k;
//! both use this one table.

use super::eval::{powc, sigmoid, step};
use crate::graph::Op;

/// ∂v/∂a_k for `v = op(a)`. Scalar ops differentiate with respect to their node input.
/// Inlined so the reverse sweep, which calls it with a constant `k`, keeps only one arm.
#[inline(always)]
pub fn local_partial(op: Op, k: usize, a: &[f64], v: f64) -> f64 {
    let x = a.first().copied().unwrap_or(0.0);
    let y = a.get(1).copied().unwrap_or(0.0);
    match op {
        // Leaves have no inputs.
        Op::Input(_) | Op::Const(_) => 0.0,
        // d(id a)/da = 1, d(a+c)/da = 1, d(a−c)/da = 1, d(Σa)/da_k = 1
        Op::Id | Op::AddScalar(_) | Op::SubScalar(_) | Op::Sum => 1.0,
        // d(−a)/da = −1, d(c−a)/da = −1
        Op::Neg | Op::RSubScalar(_) => -1.0,
        // d(a+b)/da = 1, d(a+b)/db = 1
        Op::Add => 1.0,
        // d(a−b)/da = 1, d(a−b)/db = −1
        Op::Sub => [1.0, -1.0][k.min(1)],
        // d(ab)/da = b, d(ab)/db = a
        Op::Mul => [y, x][k.min(1)],
        // d(a/b)/da = 1/b, d(a/b)/db = −a/b² = −v/b
        Op::Div => [1.0 / y, -v / y][k.min(1)],
        // d(a^b)/da = b·a^(b−1), d(a^b)/db = a^b · ln a = v · ln a
        Op::Pow => [y * x.powf(y - 1.0), v * x.ln()][k.min(1)],
        // d(ac)/da = c
        Op::MulScalar(c) => c,
        // d(a/c)/da = 1/c
        Op::DivScalar(c) => 1.0 / c,
        // d(c/a)/da = −c/a² = −v/a
        Op::RDivScalar(_) => -v / x,
        // d(a^c)/da = c·a^(c−1)
        Op::PowScalar(c) => c * powc(x, c - 1.0),
        // d(c^a)/da = c^a · ln c = v · ln c
        Op::RPowScalar(c) => v * c.ln(),
        // d(ln a)/da = 1/a
        Op::Ln => 1.0 / x,
        // d(e^a)/da = e^a = v
        Op::Exp => v,
        // d(sin a)/da = cos a
        Op::Sin => x.cos(),
        // d(cos a)/da = −sin a
        Op::Cos => -x.sin(),
        // d(tan a)/da = 1 + tan² a = 1 + v²
        Op::Tan => 1.0 + v * v,
        // d(tanh a)/da = 1 − tanh² a = 1 − v²
        Op::Tanh => 1.0 - v * v,
        // d(√a)/da = 1/(2√a) = 1/(2v)
        Op::Sqrt => 1.0 / (2.0 * v),
        // dσ(a)/da = σ(a)(1 − σ(a)) = v(1 − v)
        Op::Sigmoid => {
            let s = sigmoid(x);
            s * (1.0 - s)
        }
        // d relu(a)/da = [a > 0]
        Op::Relu => step(x),
        // d[a > 0]/da = 0 (almost everywhere)
        Op::Step => 0.0,
    }
}
