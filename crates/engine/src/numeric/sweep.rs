//! The ε sweep: both schemes' error against the exact AD derivative for ε from 1e-1 down
//! to 1e-15. On log-log axes the one-sided error falls with slope 1, the central with
//! slope 2, until round-off (about machine-ε / ε) takes over and the error rises again.

use serde::{Deserialize, Serialize};

use super::{difference, Scheme};
use crate::error::EngineError;
use crate::modes::compile::Compiled;
use crate::modes::reverse::gradient;

/// ε = 10⁻¹ … 10⁻¹⁵.
pub const DEFAULT_EPSILONS: [f64; 15] = [
    1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14, 1e-15,
];

/// One ε of the sweep.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepPoint {
    /// The step.
    pub eps: f64,
    /// The one-sided estimate.
    pub one_sided: f64,
    /// The central estimate.
    pub central: f64,
    /// |one-sided − exact|.
    pub one_sided_error: f64,
    /// |central − exact|.
    pub central_error: f64,
}

/// The sweep for variable `var`; also returns the exact derivative (by reverse AD).
pub fn epsilon_sweep(
    c: &Compiled,
    var: usize,
    epsilons: &[f64],
) -> Result<(f64, Vec<SweepPoint>), EngineError> {
    let exact = gradient(c)
        .get(var)
        .copied()
        .ok_or_else(|| EngineError::Invalid(format!("there is no input number {}", var + 1)))?;
    let points = epsilons
        .iter()
        .map(|&eps| {
            let one_sided = difference(c, var, eps, Scheme::OneSided)?;
            let central = difference(c, var, eps, Scheme::Central)?;
            Ok(SweepPoint {
                eps,
                one_sided,
                central,
                one_sided_error: (one_sided - exact).abs(),
                central_error: (central - exact).abs(),
            })
        })
        .collect::<Result<Vec<_>, EngineError>>()?;
    Ok((exact, points))
}
