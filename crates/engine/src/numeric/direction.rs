//! The gradient check along a random unit direction δ, drawn uniformly on the sphere from
//! a seeded generator: δᵀ∇f (from AD) against (f(θ + εδ) − f(θ − εδ)) / 2ε. Two
//! evaluations of f check the whole gradient at once.

use serde::{Deserialize, Serialize};

use super::{check_inputs, f_at};
use crate::error::EngineError;
use crate::modes::compile::Compiled;
use crate::modes::reverse::gradient;
use crate::workloads::SplitMix64;

/// The outcome of one direction check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DirectionCheck {
    /// The unit direction δ.
    pub delta: Vec<f64>,
    /// δᵀ∇f from reverse AD.
    pub ad: f64,
    /// The central difference along δ.
    pub numeric: f64,
    /// |ad − numeric| / max(1, |ad|, |numeric|).
    pub relative_error: f64,
    /// The tolerance used.
    pub tolerance: f64,
    /// relative_error ≤ tolerance.
    pub passed: bool,
    /// Evaluations of f the check used (2).
    pub evaluations: usize,
}

/// A point uniform on the unit sphere in `n` dimensions: normalised Gaussians
/// (Box–Muller from the seeded generator).
pub fn unit_direction(n: usize, seed: u64) -> Vec<f64> {
    let mut rng = SplitMix64::new(seed);
    loop {
        let v: Vec<f64> = (0..n)
            .map(|_| {
                let u1 = 1.0 - rng.uniform(); // (0, 1], so ln is finite
                let u2 = rng.uniform();
                (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
            })
            .collect();
        let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 1e-12 {
            return v.into_iter().map(|x| x / norm).collect();
        }
    }
}

/// Checks AD's gradient along a random direction.
pub fn direction_check(
    c: &Compiled,
    seed: u64,
    eps: f64,
    tolerance: f64,
) -> Result<DirectionCheck, EngineError> {
    check_inputs(c, eps)?;
    let delta = unit_direction(c.inputs.len(), seed);
    let g = gradient(c);
    let ad: f64 = g.iter().zip(&delta).map(|(a, b)| a * b).sum();
    let numeric = (f_at(c, &delta, eps) - f_at(c, &delta, -eps)) / (2.0 * eps);
    let relative_error = (ad - numeric).abs() / 1f64.max(ad.abs()).max(numeric.abs());
    Ok(DirectionCheck {
        delta,
        ad,
        numeric,
        relative_error,
        tolerance,
        passed: relative_error <= tolerance,
        evaluations: 2,
    })
}
