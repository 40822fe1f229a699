//! `Tensor`: an f64 array of any rank (rank 0 is a scalar), entries in row-major order.

use serde::{Deserialize, Serialize};

use crate::error::TensorError;

/// The most entries one tensor may hold (bad input must not exhaust memory).
pub const MAX_ENTRIES: usize = 4_000_000;

/// An f64 array of any rank.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tensor {
    /// The size of each axis; empty for a scalar.
    pub shape: Vec<usize>,
    /// The entries, row-major.
    pub data: Vec<f64>,
}

/// The number of entries of a shape, or a limit error.
pub fn entries(shape: &[usize]) -> Result<usize, TensorError> {
    shape
        .iter()
        .try_fold(1usize, |n, &d| n.checked_mul(d))
        .filter(|&n| n <= MAX_ENTRIES)
        .ok_or(TensorError::Limit {
            what: "the number of entries of a tensor",
            limit: MAX_ENTRIES,
        })
}

impl Tensor {
    /// A tensor from a shape and its row-major entries; their counts must agree.
    pub fn new(shape: Vec<usize>, data: Vec<f64>) -> Result<Self, TensorError> {
        let n = entries(&shape)?;
        if n != data.len() {
            return Err(TensorError::structure(
                "tensor",
                format!("shape {shape:?} needs {n} entries, got {}", data.len()),
            ));
        }
        Ok(Self { shape, data })
    }

    /// A rank-0 tensor.
    pub fn scalar(x: f64) -> Self {
        Self {
            shape: vec![],
            data: vec![x],
        }
    }

    /// A tensor of `shape` with every entry `x`.
    pub fn full(shape: &[usize], x: f64) -> Result<Self, TensorError> {
        Ok(Self {
            shape: shape.to_vec(),
            data: vec![x; entries(shape)?],
        })
    }

    /// The number of axes.
    pub fn rank(&self) -> usize {
        self.shape.len()
    }

    /// The single entry of a rank-0 tensor.
    pub fn as_scalar(&self) -> Option<f64> {
        (self.shape.is_empty()).then(|| self.data.first().copied().unwrap_or(0.0))
    }

    /// `f` applied to every entry.
    pub fn map(&self, f: impl Fn(f64) -> f64) -> Self {
        Self {
            shape: self.shape.clone(),
            data: self.data.iter().map(|&x| f(x)).collect(),
        }
    }

    /// The same entries under another shape with as many entries.
    pub fn reshape(&self, shape: &[usize]) -> Result<Self, TensorError> {
        if entries(shape)? != self.data.len() {
            return Err(TensorError::shape(
                "reshape",
                &self.shape,
                shape,
                format!(
                    "hold different numbers of entries ({} and {})",
                    self.data.len(),
                    entries(shape)?
                ),
            ));
        }
        Ok(Self {
            shape: shape.to_vec(),
            data: self.data.clone(),
        })
    }
}
