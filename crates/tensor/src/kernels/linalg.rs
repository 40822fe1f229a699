//! Matrix product and transpose (rank 2; a transpose of rank 0 or 1 is the identity).

use crate::array::Tensor;
use crate::error::TensorError;

/// The most multiply-adds one matrix product may take (m·k·n): 2²⁶, about a 406×406 by
/// 406×406 product, ~0.1 s natively on this crate's kernel. Each operand is within
/// [`crate::array::MAX_ENTRIES`] already, but two 1500×1500 matrices took 18 s natively
/// (forward plus the two products of reverse mode) and would freeze a browser tab for
/// longer: a limit with a message beats that.
pub const MAX_MATMUL_WORK: usize = 1 << 26;

/// `A @ B` for an m×k and a k×n matrix: `Z_ij = Σ_k A_ik B_kj`.
pub fn matmul(a: &Tensor, b: &Tensor) -> Result<Tensor, TensorError> {
    const OP: &str = "@ (matmul)";
    let (&[m, k], &[k2, n]) = (a.shape.as_slice(), b.shape.as_slice()) else {
        return Err(TensorError::shape(
            OP,
            &a.shape,
            &b.shape,
            "are not both matrices (rank 2); reshape vectors to [1, n] or [n, 1]",
        ));
    };
    if k != k2 {
        return Err(TensorError::shape(
            OP,
            &a.shape,
            &b.shape,
            format!("do not line up: inner sizes {k} and {k2} differ"),
        ));
    }
    let work = m.saturating_mul(k).saturating_mul(n);
    if work > MAX_MATMUL_WORK {
        return Err(TensorError::Limit {
            what: "the multiply-adds of one matrix product (rows × inner size × columns)",
            limit: MAX_MATMUL_WORK,
        });
    }
    let mut out = Tensor::full(&[m, n], 0.0)?;
    // Blocks of R rows × C columns of the result are summed over p in registers, so
    // each entry of B loaded is used R times and the result is written once.
    const R: usize = 4;
    const C: usize = 4;
    let (ad, bd) = (&a.data, &b.data);
    for i0 in (0..m).step_by(R) {
        for j0 in (0..n).step_by(C) {
            if i0 + R <= m && j0 + C <= n {
                let mut acc = [[0.0f64; C]; R];
                for p in 0..k {
                    let brow = &bd[p * n + j0..p * n + j0 + C];
                    for (r, row) in acc.iter_mut().enumerate() {
                        let x = ad[(i0 + r) * k + p];
                        for (z, &y) in row.iter_mut().zip(brow) {
                            *z += x * y;
                        }
                    }
                }
                for (r, row) in acc.iter().enumerate() {
                    out.data[(i0 + r) * n + j0..(i0 + r) * n + j0 + C].copy_from_slice(row);
                }
            } else {
                // The ragged edge, entry by entry.
                for i in i0..(i0 + R).min(m) {
                    for j in j0..(j0 + C).min(n) {
                        out.data[i * n + j] = (0..k).map(|p| ad[i * k + p] * bd[p * n + j]).sum();
                    }
                }
            }
        }
    }
    Ok(out)
}

/// `Aᵀ`: axes reversed (rank 2); rank 0 and 1 are returned as they are.
pub fn transpose(a: &Tensor) -> Result<Tensor, TensorError> {
    match a.shape.as_slice() {
        &[m, n] => {
            let mut data = Vec::with_capacity(a.data.len());
            for j in 0..n {
                data.extend((0..m).map(|i| a.data[i * n + j]));
            }
            Ok(Tensor {
                shape: vec![n, m],
                data,
            })
        }
        [] | [_] => Ok(a.clone()),
        s => Err(TensorError::shape(
            "transpose (.T)",
            s,
            &s.iter().rev().copied().collect::<Vec<_>>(),
            "would need a rank above 2, which .T does not support",
        )),
    }
}
