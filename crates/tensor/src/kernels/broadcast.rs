//! NumPy broadcasting: the shape two operands broadcast to, copying a tensor up to a
//! larger shape, and the one shared helper that sums a broadcast result back down
//! (`sum_to_shape`), which every vjp of a broadcasting op uses.

use crate::array::{entries, Tensor};
use crate::error::TensorError;

/// The shape `a` and `b` broadcast to: axes aligned on the right, sizes equal or 1.
pub fn broadcast_shape(op: &str, a: &[usize], b: &[usize]) -> Result<Vec<usize>, TensorError> {
    let rank = a.len().max(b.len());
    let at = |s: &[usize], i: usize| {
        (i + s.len())
            .checked_sub(rank)
            .and_then(|j| s.get(j).copied())
            .unwrap_or(1)
    };
    let mut out = Vec::with_capacity(rank);
    for i in 0..rank {
        let (x, y) = (at(a, i), at(b, i));
        out.push(match (x, y) {
            _ if x == y => x,
            (1, _) => y,
            (_, 1) => x,
            _ => {
                return Err(TensorError::shape(
                    op,
                    a,
                    b,
                    format!("do not broadcast: axis sizes {x} and {y} differ and neither is 1"),
                ))
            }
        });
    }
    entries(&out)?;
    Ok(out)
}

/// For each entry of `big` (row-major), the index of the entry of `small` it reads when
/// `small` is broadcast to `big`. `op` names the caller in the error.
pub fn source_index(op: &str, small: &[usize], big: &[usize]) -> Result<Vec<usize>, TensorError> {
    let fits = small.len() <= big.len()
        && small
            .iter()
            .rev()
            .zip(big.iter().rev())
            .all(|(&s, &b)| s == b || s == 1);
    if !fits {
        return Err(TensorError::shape(
            op,
            small,
            big,
            "do not broadcast: the first cannot be stretched to the second",
        ));
    }
    // The stride of each axis of `big` inside `small` (0 where `small` is stretched).
    let offset = big.len() - small.len();
    let mut strides = vec![0usize; big.len()];
    let mut s = 1;
    for i in (0..small.len()).rev() {
        if small[i] != 1 {
            strides[i + offset] = s;
        }
        s *= small[i];
    }
    let n = entries(big)?;
    let mut out = Vec::with_capacity(n);
    let mut idx = vec![0usize; big.len()];
    let mut at = 0usize;
    for _ in 0..n {
        out.push(at);
        // Advance the multi-index like an odometer, keeping `at` in step.
        for ax in (0..big.len()).rev() {
            idx[ax] += 1;
            at += strides[ax];
            if idx[ax] < big[ax] {
                break;
            }
            at -= strides[ax] * idx[ax];
            idx[ax] = 0;
        }
    }
    Ok(out)
}

/// `t` copied up to `shape` (NumPy `broadcast_to`).
pub fn broadcast_to(t: &Tensor, shape: &[usize]) -> Result<Tensor, TensorError> {
    let src = source_index("broadcast_to", &t.shape, shape)?;
    Ok(Tensor {
        shape: shape.to_vec(),
        data: src.iter().map(|&i| t.data[i]).collect(),
    })
}

/// The adjoint of broadcasting: `t` summed down to `shape`, adding up every entry that
/// was a copy of the same source entry. `sum_to_shape(broadcast_to(x, s), x.shape)` is
/// `x` times the number of copies.
pub fn sum_to_shape(t: &Tensor, shape: &[usize]) -> Result<Tensor, TensorError> {
    reduce_to_shape(t, shape, 0.0, |a, b| a + b)
}

/// `t` folded down to `shape` with `f` (the entries that broadcast to the same place).
pub fn reduce_to_shape(
    t: &Tensor,
    shape: &[usize],
    init: f64,
    f: impl Fn(f64, f64) -> f64,
) -> Result<Tensor, TensorError> {
    let dst = source_index("sum_to_shape", shape, &t.shape)?;
    let mut out = Tensor::full(shape, init)?;
    for (&x, &j) in t.data.iter().zip(&dst) {
        out.data[j] = f(out.data[j], x);
    }
    Ok(out)
}

/// `f(a, b)` entry by entry, broadcasting the operands.
pub fn zip_with(
    op: &str,
    a: &Tensor,
    b: &Tensor,
    f: impl Fn(f64, f64) -> f64,
) -> Result<Tensor, TensorError> {
    if a.shape == b.shape {
        return Ok(Tensor {
            shape: a.shape.clone(),
            data: a.data.iter().zip(&b.data).map(|(&x, &y)| f(x, y)).collect(),
        });
    }
    let shape = broadcast_shape(op, &a.shape, &b.shape)?;
    let ia = source_index(op, &a.shape, &shape)?;
    let ib = source_index(op, &b.shape, &shape)?;
    Ok(Tensor {
        shape,
        data: ia
            .iter()
            .zip(&ib)
            .map(|(&i, &j)| f(a.data[i], b.data[j]))
            .collect(),
    })
}
