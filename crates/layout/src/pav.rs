//! Placement of one rank along y: weighted least squares towards target positions subject
//! to the rank's order and minimum separations, solved exactly by pool-adjacent-violators.
//!
//! Minimise `Σ wᵢ (yᵢ − tᵢ)²` subject to `yᵢ₊₁ − yᵢ ≥ sᵢ`. Substituting `zᵢ = yᵢ − Sᵢ` with
//! `Sᵢ = Σ_{k<i} s_k` turns the constraints into `z` non-decreasing: an isotonic regression.

/// One block of pooled entries: total weight, weighted sum of targets, entry count.
#[derive(Clone, Copy)]
pub(crate) struct Block {
    weight: f64,
    sum: f64,
    count: usize,
}

impl Block {
    fn mean(&self) -> f64 {
        self.sum / self.weight
    }
}

/// Writes optimal positions into `out` for targets `(t, w)` (weights > 0) and separations
/// `sep[i]` between entries `i` and `i + 1`. `blocks` is scratch space.
pub(crate) fn place(
    targets: &[(f64, f64)],
    sep: &[f64],
    out: &mut Vec<f64>,
    blocks: &mut Vec<Block>,
) {
    out.clear();
    blocks.clear();
    let mut offset = 0.0;
    for (i, &(t, w)) in targets.iter().enumerate() {
        if i > 0 {
            offset += sep[i - 1];
        }
        out.push(offset);
        blocks.push(Block {
            weight: w,
            sum: w * (t - offset),
            count: 1,
        });
        while blocks.len() >= 2 {
            let top = blocks[blocks.len() - 1];
            let below = blocks[blocks.len() - 2];
            if below.mean() < top.mean() {
                break;
            }
            blocks.pop();
            let merged = blocks.len() - 1;
            blocks[merged] = Block {
                weight: below.weight + top.weight,
                sum: below.sum + top.sum,
                count: below.count + top.count,
            };
        }
    }
    let mut i = 0;
    for b in blocks.iter() {
        let z = b.mean();
        for y in &mut out[i..i + b.count] {
            *y += z;
        }
        i += b.count;
    }
}

/// Scratch block type, exposed so callers can keep the buffer between calls.
pub(crate) type Blocks = Vec<Block>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_separation_and_hits_free_targets() {
        let mut out = Vec::new();
        let mut blocks = Blocks::new();
        // Targets 0, 0, 100 with separation 10: the first two split around 0, the third is free.
        place(
            &[(0.0, 1.0), (0.0, 1.0), (100.0, 1.0)],
            &[10.0, 10.0],
            &mut out,
            &mut blocks,
        );
        assert_eq!(out, vec![-5.0, 5.0, 100.0]);
    }
}
