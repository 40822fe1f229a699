//! The app's tensor presets as (program, inputs JSON): the lecture's Z = XW (§2.6), the
//! dict example (§2.7) and a 4-8-3 MLP with a softmax cross-entropy loss on a fixed,
//! seeded batch.

use std::collections::BTreeMap;

use adjoint_rng::SplitMix64;

use crate::array::Tensor;
use crate::inputs::to_json;
use crate::value::Value;

/// A named example.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// Its name in the app's menu.
    pub name: &'static str,
    /// The program.
    pub program: &'static str,
    /// The inputs as JSON.
    pub inputs: String,
    /// The inputs a gradient step moves (the MLP's parameters), empty otherwise.
    pub params: &'static [&'static str],
}

/// §2.6: Z = XW and v = f(Z); the adjoints X̄ = Z̄Wᵀ (2×3) and W̄ = XᵀZ̄ (3×2).
pub const MATMUL_PROGRAM: &str = "Z = X @ W\nv = sum(tanh(Z))";

/// §2.7: a dict read at one key; its adjoint is {"cat": b̄, "dog": 0}.
pub const DICT_PROGRAM: &str = "d = {\"cat\": a0, \"dog\": a1}\nb = d[\"cat\"]\ny = b ^ 2";

/// A 4-8-3 MLP with tanh, and the softmax cross-entropy written with log-sum-exp:
/// loss = mean over the batch of logsumexp(Z_i) − ⟨Z_i, Y_i⟩ (Y one-hot).
pub const MLP_PROGRAM: &str = "H = tanh(X @ W1 + b1)
Z = H @ W2 + b2
loss = mean(logsumexp(Z, 1) - sum(Z * Y, 1))";

/// The MLP's batch size.
pub const MLP_BATCH: usize = 6;

/// The MLP's parameters.
pub const MLP_PARAMS: &[&str] = &["W1", "b1", "W2", "b2"];

fn matrix(rng: &mut SplitMix64, shape: &[usize], scale: f64) -> Value {
    let n = shape.iter().product();
    // Two decimals keep the JSON readable in the app.
    let data = (0..n)
        .map(|_| (rng.sym() * scale * 100.0).round() / 100.0)
        .collect();
    Value::Tensor(Tensor {
        shape: shape.to_vec(),
        data,
    })
}

/// The MLP inputs for `seed`: a batch X (6×4), one-hot labels Y (6×3), and weights
/// W1 (4×8), b1 (8), W2 (8×3), b2 (3).
pub fn mlp_inputs(seed: u64) -> String {
    let r = &mut SplitMix64::new(seed);
    let mut v = BTreeMap::new();
    v.insert("X".to_string(), matrix(r, &[MLP_BATCH, 4], 1.0));
    let mut y = vec![0.0; MLP_BATCH * 3];
    for row in 0..MLP_BATCH {
        y[row * 3 + r.below(3)] = 1.0;
    }
    v.insert(
        "Y".to_string(),
        Value::Tensor(Tensor {
            shape: vec![MLP_BATCH, 3],
            data: y,
        }),
    );
    v.insert("W1".to_string(), matrix(r, &[4, 8], 0.5));
    v.insert("b1".to_string(), matrix(r, &[8], 0.1));
    v.insert("W2".to_string(), matrix(r, &[8, 3], 0.5));
    v.insert("b2".to_string(), matrix(r, &[3], 0.1));
    to_json(&v)
}

/// The MLP preset's inputs, [`mlp_inputs`]`(7)` written out (a test checks they are the
/// same), so the app's menu needs neither the RNG, the tensor dict nor the JSON writer.
pub const MLP_INPUTS: &str = r#"{"W1":[[0.47,-0.45,-0.12,-0.22,0.06,0.11,-0.42,0.44],[-0.29,-0.32,0.14,0.42,-0.12,-0.44,-0.46,-0.18],[0.03,0.33,0.35,0.14,0.17,-0.14,-0.44,-0.25],[0.07,-0.28,-0.0,-0.16,0.07,0.12,-0.14,-0.13]],"W2":[[-0.14,-0.47,0.03],[-0.02,0.16,0.44],[-0.28,-0.14,0.03],[0.21,0.12,-0.19],[0.27,-0.17,-0.49],[-0.34,0.14,-0.21],[0.33,-0.25,0.45],[-0.43,-0.06,0.46]],"X":[[-0.22,-0.97,0.8,0.17],[-0.1,-0.5,-0.06,-0.34],[-0.73,-0.17,-0.79,0.92],[0.84,0.74,0.73,0.1],[0.76,-0.35,0.24,0.51],[0.35,-0.79,-0.31,-0.15]],"Y":[[0.0,0.0,1.0],[1.0,0.0,0.0],[1.0,0.0,0.0],[1.0,0.0,0.0],[1.0,0.0,0.0],[0.0,0.0,1.0]],"b1":[0.07,-0.02,-0.01,-0.03,0.06,0.06,0.1,0.09],"b2":[0.04,0.01,-0.08]}"#;

/// The three presets, in menu order.
pub fn all() -> Vec<Preset> {
    vec![
        Preset {
            name: "Z = XW (tensors, §2.6)",
            program: MATMUL_PROGRAM,
            inputs: r#"{"X": [[1, 2, 0], [0, -1, 1]], "W": [[0.5, -1], [0.25, 0.5], [1, 0]]}"#
                .to_string(),
            params: &[],
        },
        Preset {
            name: "dict {\"cat\", \"dog\"} (§2.7)",
            program: DICT_PROGRAM,
            inputs: r#"{"a0": 1.5, "a1": 2}"#.to_string(),
            params: &[],
        },
        Preset {
            name: "MLP 4-8-3, softmax cross-entropy",
            program: MLP_PROGRAM,
            inputs: MLP_INPUTS.to_string(),
            params: MLP_PARAMS,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_out_mlp_inputs_are_seed_7s() {
        assert_eq!(MLP_INPUTS, mlp_inputs(7));
    }
}
