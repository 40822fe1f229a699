//! Benchmark workloads as (program, inputs JSON), shared by the criterion bench, the
//! timing example and `bench/tensor_numpy.py` (which reads the same inputs).

use std::collections::BTreeMap;

use adjoint_rng::SplitMix64;

use crate::array::Tensor;
use crate::inputs::to_json;
use crate::presets::{mlp_inputs, MLP_PROGRAM};
use crate::value::Value;

/// The MLP preset: 4-8-3, tanh, softmax cross-entropy on a batch of 6.
pub fn mlp() -> (String, String) {
    (MLP_PROGRAM.to_string(), mlp_inputs(7))
}

/// A matmul-heavy chain: `H1 = tanh(X @ W1)`, …, `Hd = tanh(H(d−1) @ Wd)`,
/// `y = sum(Hd)`, with X and every W of size n×n (entries scaled by 1/√n).
pub fn matmul_chain(n: usize, depth: usize, seed: u64) -> (String, String) {
    let mut program = String::new();
    let mut prev = "X".to_string();
    for i in 1..=depth {
        program.push_str(&format!("H{i} = tanh({prev} @ W{i})\n"));
        prev = format!("H{i}");
    }
    program.push_str(&format!("y = sum({prev})"));
    let r = &mut SplitMix64::new(seed);
    let scale = 1.0 / (n as f64).sqrt();
    let mut square = || {
        Value::Tensor(Tensor {
            shape: vec![n, n],
            data: (0..n * n).map(|_| r.sym() * scale).collect(),
        })
    };
    let mut v = BTreeMap::new();
    v.insert("X".to_string(), square());
    for i in 1..=depth {
        v.insert(format!("W{i}"), square());
    }
    (program, to_json(&v))
}
