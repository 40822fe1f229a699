//! Criterion benchmarks: layout of generated extended AD graphs with N forward nodes
//! (about 3N nodes in all). Run short:
//! `cargo bench -p adjoint-layout --bench layout -- --warm-up-time 1 --measurement-time 2`

use adjoint_layout::generate::extended_graph;
use adjoint_layout::{layout, LayoutOptions};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

fn bench_layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    for n in [10usize, 30, 100, 300, 1_000, 3_000] {
        let input = extended_graph(n, 42).to_layout_input();
        let options = LayoutOptions::default();
        group.bench_with_input(BenchmarkId::from_parameter(n), &input, |b, input| {
            b.iter(|| layout(std::hint::black_box(input), &options))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_layout);
criterion_main!(benches);
