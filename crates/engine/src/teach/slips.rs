//! The classic wrong local derivatives, op by op: what a student who slipped would
//! multiply by instead of ∂v/∂a_k. Each entry says which rule was missed.

use super::mistake::Slip;
use crate::graph::Op;

/// Plausible wrong values for ∂v/∂a_k of `v = op(a)`, each with the slip that gives it.
/// `a` are the input values, `v` the node's value.
pub fn wrong_locals(op: Op, k: usize, a: &[f64], v: f64) -> Vec<(f64, Slip)> {
    let x = a.first().copied().unwrap_or(0.0);
    let y = a.get(1).copied().unwrap_or(0.0);
    match op {
        // d(sin a)/da = cos a; slips: sin a, −cos a
        Op::Sin => vec![(x.sin(), Slip::SinCos), (-x.cos(), Slip::SinCos)],
        // d(cos a)/da = −sin a; slips: sin a, cos a
        Op::Cos => vec![(x.sin(), Slip::SinCos), (x.cos(), Slip::SinCos)],
        // d(a − b)/db = −1; slip: +1
        Op::Sub if k == 1 => vec![(1.0, Slip::DroppedMinus)],
        // d(−a)/da = −1, d(c − a)/da = −1; slip: +1
        Op::Neg | Op::RSubScalar(_) => vec![(1.0, Slip::DroppedMinus)],
        // d(ab)/da = b, d(ab)/db = a; slip: the factor itself
        Op::Mul => vec![(if k == 0 { x } else { y }, Slip::OtherFactor)],
        // d(ln a)/da = 1/a; slips: a, ln a
        Op::Ln => vec![(x, Slip::Reciprocal), (v, Slip::Reciprocal)],
        // d(a/b)/da = 1/b; slip: b
        Op::Div if k == 0 => vec![(y, Slip::Reciprocal)],
        // d(a/b)/db = −a/b²; slips: 1/b, a/b² (minus dropped)
        Op::Div => vec![(1.0 / y, Slip::Reciprocal), (v / y, Slip::DroppedMinus)],
        // d(a/c)/da = 1/c; slip: c
        Op::DivScalar(c) => vec![(c, Slip::Reciprocal)],
        // d(e^a)/da = e^a; slips: a, 1
        Op::Exp => vec![(x, Slip::ExpIsItself), (1.0, Slip::ExpIsItself)],
        // d(a^c)/da = c·a^(c−1); slips: c·a^c, a^(c−1)
        Op::PowScalar(c) => vec![
            (c * x.powf(c), Slip::PowerRule),
            (x.powf(c - 1.0), Slip::PowerRule),
        ],
        _ => vec![],
    }
}
