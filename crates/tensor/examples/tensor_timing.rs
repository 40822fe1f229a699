//! Times the tensor workloads for `bench/tensor_numpy.py`, which compares them with
//! NumPy and PyTorch in the same run.
//!
//! `tensor_timing inputs mlp|chain` prints a workload's program and inputs as JSON;
//! `tensor_timing time [mlp|chain…]` prints one JSON line per workload with ns per forward+backward
//! (parsed statements and values, as the "graph" criterion bench), in CPU time.

use std::time::Instant;

/// CPU time of this process from `/proc/self/schedstat` (Linux), else wall time.
struct Clock {
    wall: Instant,
    cpu: Option<f64>,
}

fn cpu_ns() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

impl Clock {
    fn now() -> Self {
        Self {
            wall: Instant::now(),
            cpu: cpu_ns(),
        }
    }
    fn elapsed_ns(&self) -> f64 {
        match (self.cpu, cpu_ns()) {
            (Some(a), Some(b)) => b - a,
            _ => self.wall.elapsed().as_nanos() as f64,
        }
    }
}

use adjoint_tensor::inputs::parse_inputs;
use adjoint_tensor::lower::lower;
use adjoint_tensor::reverse::{adjoint_value, backward};
use adjoint_tensor::syntax::parse;
use adjoint_tensor::workloads::{matmul_chain, mlp};

fn workload(name: &str) -> Option<(String, String)> {
    match name {
        "mlp" => Some(mlp()),
        "chain" => Some(matmul_chain(64, 8, 1)),
        _ => None,
    }
}

fn time(name: &str, (program, inputs): (String, String)) -> Result<String, String> {
    let stmts = parse(&program).map_err(|e| e.to_string())?;
    let values = parse_inputs(&inputs).map_err(|e| e.to_string())?;
    let once = || -> Result<f64, String> {
        let mut p = lower(&stmts, &values).map_err(|e| e.to_string())?;
        let b = backward(&mut p.graph, p.output, None).map_err(|e| e.to_string())?;
        let first = p.inputs.first().map(|&(_, id)| id).ok_or("no input")?;
        Ok(adjoint_value(&p.graph, &b, first).flat().iter().sum())
    };
    // Warm up, then run for about a second of CPU time. CPU time, not wall time: the
    // machine is shared, and waiting for a core is not the engine's cost.
    let mut check = 0.0;
    for _ in 0..20 {
        check = once()?;
    }
    let start = Clock::now();
    let mut n = 0u32;
    while start.elapsed_ns() < 1e9 {
        once()?;
        n += 1;
    }
    let ns = start.elapsed_ns() / f64::from(n);
    Ok(format!(
        "{{\"name\": \"{name}\", \"ns\": {ns:.0}, \"iters\": {n}, \"grad_sum\": {check}}}"
    ))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["inputs", name] => workload(name)
            .map(|(p, i)| {
                format!(
                    "{{\"program\": {}, \"inputs\": {i}}}",
                    serde_json::Value::from(p)
                )
            })
            .ok_or_else(|| format!("unknown workload {name}")),
        ["time", only @ ..] => ["mlp", "chain"]
            .iter()
            .filter(|n| only.is_empty() || only.contains(n))
            .map(|n| {
                workload(n)
                    .ok_or("missing".to_string())
                    .and_then(|w| time(n, w))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|lines| lines.join("\n")),
        _ => Err("usage: tensor_timing inputs mlp|chain | tensor_timing time".into()),
    };
    match out {
        Ok(s) => println!("{s}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
