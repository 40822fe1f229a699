//! Runs the numeric reverse pass (`adjoints`) of one workload a few times, for counting
//! instructions per op node with callgrind — a figure that does not depend on what else
//! the machine is doing:
//!
//! `cargo build --profile bench -p adjoint-engine --example reverse_count`
//! `valgrind --tool=callgrind --toggle-collect='*adjoints*' target/release/examples/reverse_count product 100000`
//!
//! Divide the collected instruction count by (repeats × ops), printed at the end.

use adjoint_engine::modes::reverse::adjoints;
use adjoint_engine::rules::eval::eval_graph;
use adjoint_engine::workloads::{chain, mlp, product};

const REPEATS: usize = 3;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "product".into());
    let size: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let (g, out, inputs) = match which.as_str() {
        "chain" => chain(size, 1.0),
        "mlp" => mlp(size),
        _ => product(size),
    };
    let values = eval_graph(&g, &inputs);
    let ops = g.len() - inputs.len();
    let mut check = 0.0;
    for _ in 0..REPEATS {
        check += adjoints(&g, &values, out)[0];
    }
    println!("{which} {size}: {ops} ops, {REPEATS} repeats (checksum {check:e})");
}
