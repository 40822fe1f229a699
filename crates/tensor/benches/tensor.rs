//! Forward + backward of the tensor engine: the MLP preset (4-8-3, softmax
//! cross-entropy, batch 6) and a chain of 64×64 matmuls. "from text" includes parsing
//! the program and the inputs JSON; "graph" starts from parsed statements and values.
//! Compare with NumPy / PyTorch through `bench/tensor_numpy.py`.

use criterion::{criterion_group, criterion_main, Criterion};

use adjoint_tensor::inputs::parse_inputs;
use adjoint_tensor::lower::lower;
use adjoint_tensor::reverse::backward;
use adjoint_tensor::syntax::parse;
use adjoint_tensor::workloads::{matmul_chain, mlp};

fn bench(c: &mut Criterion, name: &str, (program, inputs): (String, String)) {
    let stmts = parse(&program).expect("parses");
    let values = parse_inputs(&inputs).expect("inputs");
    c.bench_function(&format!("{name}/from text"), |b| {
        b.iter(|| adjoint_tensor::gradients(&program, &inputs).expect("runs"))
    });
    c.bench_function(&format!("{name}/graph"), |b| {
        b.iter(|| {
            let mut p = lower(&stmts, &values).expect("lowers");
            backward(&mut p.graph, p.output, None).expect("backward")
        })
    });
}

fn workloads(c: &mut Criterion) {
    bench(c, "mlp 4-8-3 batch 6", mlp());
    bench(c, "matmul chain 64x64 depth 8", matmul_chain(64, 8, 1));
}

criterion_group!(benches, workloads);
criterion_main!(benches);
