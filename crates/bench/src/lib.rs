//! The engine's side of the side-by-side benchmarks: one function per phase on the
//! BENCH_WORKLOADS graphs, with no clock inside (wasm32-unknown-unknown has none), so the
//! same code is timed natively by `src/bin/engine_times.rs` and in Node by
//! `bench/wasm_vs_native.cjs` around the wasm-bindgen export [`run`].
#![forbid(unsafe_code)]

use adjoint_engine::modes::extended::extend;
use adjoint_engine::modes::reverse::adjoints;
use adjoint_engine::rules::eval::eval_graph;
use adjoint_engine::workloads::{chain, mlp, product};
use adjoint_engine::{Graph, NodeId};

/// A workload graph with its output and input values.
pub type Workload = (Graph, NodeId, Vec<f64>);

/// Builds `kind` (`chain`, `product`, `mlp`) with about `ops` op nodes.
pub fn build(kind: &str, ops: usize) -> Option<Workload> {
    Some(match kind {
        "chain" => chain(ops.div_ceil(4) * 4, 1.0),
        "product" => product(ops + 1),
        "mlp" => mlp((ops / adjoint_engine::workloads::mlp_ops(1)).max(1)),
        _ => return None,
    })
}

/// Forward values and the numeric reverse sweep (the "backward" of the comparisons);
/// returns the sum of the input adjoints so the work cannot be optimised away.
pub fn forward_backward(w: &Workload) -> f64 {
    reverse(w, &forward(w))
}

/// The forward values of every node.
pub fn forward(w: &Workload) -> Vec<f64> {
    eval_graph(&w.0, &w.2)
}

/// The numeric reverse sweep alone, given the forward values (what micrograd's and
/// PyTorch's `backward()` do); returns the sum of the input adjoints.
pub fn reverse(w: &Workload, values: &[f64]) -> f64 {
    let (g, out, _) = w;
    let adj = adjoints(g, values, *out);
    g.input_nodes().iter().map(|x| adj[x.index()]).sum()
}

/// The extended graph (reverse AD as graph construction, like PyTorch's
/// `backward(create_graph=True)`); returns its node count.
pub fn extended(w: &Workload) -> usize {
    let (g, out, _) = w;
    extend(g, *out, |_| {}).graph.len()
}

/// What Node calls: builds the workload, runs `phase` (`backward` or `extend`) `reps`
/// times, and returns a checksum. Node times the call.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn run(kind: &str, ops: usize, phase: &str, reps: usize) -> f64 {
    let Some(w) = build(kind, ops) else {
        return f64::NAN;
    };
    let mut sum = 0.0;
    for _ in 0..reps {
        sum += match phase {
            "extend" => extended(&w) as f64,
            _ => forward_backward(&w),
        };
    }
    sum
}

/// Node count of a workload (wasm export, to report time per node).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn op_nodes(kind: &str, ops: usize) -> usize {
    build(kind, ops).map_or(0, |w| w.0.len() - w.2.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workloads_build_and_run() {
        let w = build("chain", 1000).expect("chain");
        assert!(forward_backward(&w).is_finite());
        assert!(extended(&w) > w.0.len());
        let p = build("product", 100).expect("product");
        // d/dθ_i of a product of 101 factors, summed: finite and non-zero.
        assert!(forward_backward(&p) != 0.0);
        assert!(build("nope", 10).is_none());
    }
}
