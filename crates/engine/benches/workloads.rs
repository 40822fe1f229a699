//! Criterion benchmarks of the three workloads of `BENCH_WORKLOADS.md` (chain, mlp,
//! product) at about 10³, 10⁴, 10⁵ and 10⁶ op nodes: (a) graph build, (b) forward eval,
//! (c) the numeric reverse pass alone (`adjoints` on a prebuilt graph and its values),
//! (d) extended-graph construction (`extend` with a no-op observer). Throughput is the
//! number of op nodes, so criterion's `elem/s` inverts to ns per op node. Build and extend
//! drop their result outside the timed region (`BatchSize::PerIteration`). A `compare`
//! group times the sizes the Python comparison script uses (chain N=1000, product n=900).
//!
//! Run: `cargo bench -p adjoint-engine --bench workloads -- --warm-up-time 1 --measurement-time 3`
//! (add a filter such as `chain/reverse` after `--`).

use std::hint::black_box;

use adjoint_engine::graph::{Graph, NodeId};
use adjoint_engine::modes::extended::{extend, extend_in_place};
use adjoint_engine::modes::reverse::adjoints;
use adjoint_engine::rules::eval::eval_graph;
use adjoint_engine::workloads::{chain, mlp, mlp_ops, product};
use criterion::BatchSize::PerIteration;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// A workload builder: graph, output and input values for a size parameter.
type Build = fn(usize) -> (Graph, NodeId, Vec<f64>);

/// A workload: its name, and for each size parameter the op count and a builder.
struct Workload {
    name: &'static str,
    /// (size parameter, number of op nodes)
    sizes: Vec<(usize, usize)>,
    build: Build,
}

fn build_chain(n: usize) -> (Graph, NodeId, Vec<f64>) {
    chain(n, 1.0)
}

fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "chain",
            sizes: [1_000, 10_000, 100_000, 1_000_000]
                .iter()
                .map(|&n| (n, n))
                .collect(),
            build: build_chain,
        },
        Workload {
            name: "mlp",
            sizes: [2, 18, 178, 1777]
                .iter()
                .map(|&b| (b, mlp_ops(b)))
                .collect(),
            build: mlp,
        },
        Workload {
            name: "product",
            sizes: [1_001, 10_001, 100_001, 1_000_001]
                .iter()
                .map(|&n| (n, n - 1))
                .collect(),
            build: product,
        },
    ]
}

fn bench_workloads(c: &mut Criterion) {
    for w in workloads() {
        let mut group = c.benchmark_group(w.name);
        for &(size, ops) in &w.sizes {
            group.throughput(Throughput::Elements(ops as u64));
            group.sample_size(if ops >= 100_000 { 10 } else { 30 });
            let (g, out, inputs) = (w.build)(size);
            let values = eval_graph(&g, &inputs);
            group.bench_with_input(BenchmarkId::new("build", size), &size, |b, &s| {
                b.iter_batched(|| s, |s| (w.build)(black_box(s)), PerIteration)
            });
            group.bench_with_input(BenchmarkId::new("eval", size), &size, |b, _| {
                b.iter(|| eval_graph(black_box(&g), black_box(&inputs)))
            });
            group.bench_with_input(BenchmarkId::new("reverse", size), &size, |b, _| {
                b.iter(|| adjoints(black_box(&g), black_box(&values), out))
            });
            group.bench_with_input(BenchmarkId::new("extend", size), &size, |b, _| {
                b.iter_batched(|| (), |()| extend(black_box(&g), out, |_| {}), PerIteration)
            });
            // Extending the graph in place, as Needle does: the forward graph is not copied.
            // The copy is made in the untimed setup.
            group.bench_with_input(BenchmarkId::new("extend_in_place", size), &size, |b, _| {
                b.iter_batched(
                    || g.clone(),
                    |g| extend_in_place(g, out, |_| {}),
                    PerIteration,
                )
            });
        }
        group.finish();
    }
}

/// The sizes of `micrograd_compare.py`: backward alone, and build + eval + backward.
fn bench_compare(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare");
    group.sample_size(30);
    let cases: [(&str, usize, usize, Build); 2] = [
        ("chain", 1000, 1000, build_chain),
        ("product", 900, 899, product),
    ];
    for (name, size, ops, build) in cases {
        group.throughput(Throughput::Elements(ops as u64));
        let (g, out, inputs) = build(size);
        let values = eval_graph(&g, &inputs);
        group.bench_function(BenchmarkId::new(format!("{name}_reverse"), size), |b| {
            b.iter(|| adjoints(black_box(&g), black_box(&values), out))
        });
        group.bench_function(BenchmarkId::new(format!("{name}_total"), size), |b| {
            b.iter(|| {
                let (g, out, inputs) = build(black_box(size));
                let values = eval_graph(&g, &inputs);
                adjoints(&g, &values, out)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_workloads, bench_compare);
criterion_main!(benches);
