//! Numerical differentiation (§1.2): one-sided and central differences, the ε sweep that
//! shows truncation error falling and round-off rising, and the gradient check along a
//! random direction — the method's real use, checking an AD implementation.

pub mod direction;
pub mod sweep;

use crate::error::EngineError;
use crate::modes::compile::Compiled;
use crate::rules::eval::eval_graph;

pub use direction::{direction_check, DirectionCheck};
pub use sweep::{epsilon_sweep, SweepPoint, DEFAULT_EPSILONS};

/// Which difference quotient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// (f(θ + εe) − f(θ)) / ε, error O(ε).
    OneSided,
    /// (f(θ + εe) − f(θ − εe)) / 2ε, error O(ε²).
    Central,
}

/// f at the program's inputs moved by `step` (one entry per variable).
pub fn f_at(c: &Compiled, step: &[f64], scale: f64) -> f64 {
    let moved: Vec<f64> = c
        .inputs
        .iter()
        .zip(step)
        .map(|(x, d)| x + scale * d)
        .collect();
    eval_graph(c.graph(), &moved)[c.output().index()]
}

/// Rejects ε ≤ 0 or non-finite ε, and points where f itself is not a number.
pub fn check_inputs(c: &Compiled, eps: f64) -> Result<(), EngineError> {
    if !(eps.is_finite() && eps > 0.0) {
        return Err(EngineError::Invalid(format!(
            "ε must be a positive finite number (it was {eps})"
        )));
    }
    for v in c.variables() {
        if !v.value.is_finite() {
            return Err(EngineError::Invalid(format!(
                "input {} is {}, so f cannot be evaluated",
                v.name, v.value
            )));
        }
    }
    if !c.output_value().is_finite() {
        let why = c
            .forward_views()
            .into_iter()
            .find_map(|n| n.issue.map(|i| format!("{} at {}", i, n.label)))
            .unwrap_or_else(|| "the output is not a finite number".into());
        return Err(EngineError::Invalid(format!(
            "f is not defined at this point: {why}"
        )));
    }
    Ok(())
}

/// The difference quotient for variable `var` with step `eps`.
pub fn difference(c: &Compiled, var: usize, eps: f64, scheme: Scheme) -> Result<f64, EngineError> {
    check_inputs(c, eps)?;
    let n = c.inputs.len();
    if var >= n {
        return Err(EngineError::Invalid(format!(
            "there is no input number {}",
            var + 1
        )));
    }
    let mut e = vec![0.0; n];
    e[var] = 1.0;
    Ok(match scheme {
        Scheme::OneSided => (f_at(c, &e, eps) - c.output_value()) / eps,
        Scheme::Central => (f_at(c, &e, eps) - f_at(c, &e, -eps)) / (2.0 * eps),
    })
}

/// Forward evaluations each method needs for the whole gradient of n inputs:
/// one-sided n + 1, central 2n, reverse AD one forward and one backward pass.
pub fn evaluations(n: usize) -> [(&'static str, usize); 3] {
    [
        ("one-sided", n + 1),
        ("central", 2 * n),
        ("reverse AD (forward + backward pass)", 2),
    ]
}
