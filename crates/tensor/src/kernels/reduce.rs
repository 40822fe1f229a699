//! Reductions over one axis or over everything: sum and log-sum-exp.

use super::broadcast::{reduce_to_shape, sum_to_shape, zip_with};
use crate::array::Tensor;
use crate::error::TensorError;

/// The shape `shape` reduces to over `axis` keeping the axis as size 1 (all axes when
/// `None`); checks the axis exists.
pub fn keep_shape(
    op: &str,
    shape: &[usize],
    axis: Option<usize>,
) -> Result<Vec<usize>, TensorError> {
    match axis {
        None => Ok(vec![1; shape.len()]),
        Some(a) if a < shape.len() => {
            let mut s = shape.to_vec();
            s[a] = 1;
            Ok(s)
        }
        Some(a) => Err(TensorError::structure(
            op,
            format!(
                "axis {a} is out of range for shape {shape:?} (rank {})",
                shape.len()
            ),
        )),
    }
}

/// The shape after reducing `axis` away (a scalar when `None`).
pub fn reduced_shape(
    op: &str,
    shape: &[usize],
    axis: Option<usize>,
) -> Result<Vec<usize>, TensorError> {
    keep_shape(op, shape, axis)?;
    Ok(match axis {
        None => vec![],
        Some(a) => shape
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != a)
            .map(|(_, &d)| d)
            .collect(),
    })
}

/// `Σ` over `axis` (everything when `None`), the axis removed.
pub fn sum(t: &Tensor, axis: Option<usize>) -> Result<Tensor, TensorError> {
    let keep = keep_shape("sum", &t.shape, axis)?;
    sum_to_shape(t, &keep)?.reshape(&reduced_shape("sum", &t.shape, axis)?)
}

/// `log Σ exp` over `axis`, computed stably as `m + log Σ exp(x − m)` with `m` the max.
pub fn logsumexp(t: &Tensor, axis: Option<usize>) -> Result<Tensor, TensorError> {
    const OP: &str = "logsumexp";
    let keep = keep_shape(OP, &t.shape, axis)?;
    let m = reduce_to_shape(t, &keep, f64::NEG_INFINITY, f64::max)?;
    // An all −∞ slice would give −∞ − −∞ = NaN; shift by 0 there instead.
    let m = m.map(|x| if x.is_finite() { x } else { 0.0 });
    let shifted = zip_with(OP, t, &m, |x, m| (x - m).exp())?;
    let s = sum_to_shape(&shifted, &keep)?;
    let out = zip_with(OP, &s, &m, |s, m| m + s.ln())?;
    out.reshape(&reduced_shape(OP, &t.shape, axis)?)
}
