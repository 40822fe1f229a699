//! Criterion benchmarks: layout of generated extended AD graphs with N forward nodes
//! (about 3N nodes in all), and of the extended graphs of real programs (built by the
//! engine as the app lays them out; shapes in `examples/programs/mod.rs`). Run short:
//! `cargo bench -p adjoint-layout --bench layout -- --warm-up-time 1 --measurement-time 2`

#[path = "../examples/programs/mod.rs"]
mod programs;

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

fn bench_programs(c: &mut Criterion) {
    let mut group = c.benchmark_group("program");
    group.sample_size(10);
    for shape in &programs::SHAPES {
        for n in [33usize, 100, 333] {
            let input = programs::layout_input(&programs::trace(shape, n));
            let options = LayoutOptions::default();
            let id = BenchmarkId::new(shape.name, format!("{n}-{}", input.nodes.len()));
            group.bench_with_input(id, &input, |b, input| {
                b.iter(|| layout(std::hint::black_box(input), &options))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_layout, bench_programs);
criterion_main!(benches);
