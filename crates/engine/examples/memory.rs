//! Builds the `chain` workload of N ops (default 10⁶; first argument), extends it with
//! the adjoint computation, and prints node counts and wall-clock times per op. Run under
//! `/usr/bin/time -v` to read the peak memory (maximum resident set size):
//!
//! `cargo build --profile bench -p adjoint-engine --example memory`
//! `/usr/bin/time -v target/release/examples/memory 1000000`

use std::time::Instant;

use adjoint_engine::modes::extended::extend;
use adjoint_engine::workloads::chain;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let per_op = |a: Instant, b: Instant| (b - a).as_nanos() as f64 / n.max(1) as f64;
    let t0 = Instant::now();
    let (g, out, inputs) = chain(n, 1.0);
    let t1 = Instant::now();
    // The clone extend starts with, timed alone (and freed before extending).
    drop(g.clone());
    let tc = Instant::now();
    let ext = extend(&g, out, |_| {});
    let t2 = Instant::now();
    let grad = ext.gradient_at(&inputs);
    let t3 = Instant::now();
    let (forward_nodes, extended_nodes) = (g.len(), ext.graph.len());
    let t4 = Instant::now();
    drop(ext);
    let t5 = Instant::now();
    println!(
        "chain N={n}: forward nodes {forward_nodes}, extended nodes {extended_nodes}, gradient {grad:?}"
    );
    println!(
        "ns/op: build {:.1}, extend {:.1} (of which cloning the forward graph {:.1}), \
         eval extended {:.1}, drop extension {:.1}",
        per_op(t0, t1),
        per_op(tc, t2),
        per_op(t1, tc),
        per_op(t2, t3),
        per_op(t4, t5),
    );
}
