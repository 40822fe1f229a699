//! Times the engine on the side-by-side workloads and prints one JSON object per line:
//! `{"kind","ops","nodes","build_s","backward_s","forward_s","reverse_s","extend_s"}`
//! (medians over repeats; backward = forward values + numeric reverse sweep, timed as
//! forward_s and reverse_s; extend = extended-graph construction).
//!
//! `cargo run --profile release-native -p adjoint-bench --bin engine_times -- chain:1000 product:1000000`

use std::time::Instant;

use adjoint_bench::{build, extended, forward, reverse};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Repeats: enough to make small sizes stable, few at 10⁶.
fn reps(ops: usize) -> usize {
    (2_000_000 / ops.max(1)).clamp(3, 200)
}

fn main() {
    for arg in std::env::args().skip(1) {
        let Some((kind, ops)) = arg.split_once(':') else {
            eprintln!("engine_times: expected KIND:OPS, got {arg}");
            std::process::exit(2);
        };
        let Ok(ops) = ops.parse::<usize>() else {
            eprintln!("engine_times: bad op count in {arg}");
            std::process::exit(2);
        };
        let n = reps(ops);
        let (mut b, mut f, mut e) = (Vec::new(), Vec::new(), Vec::new());
        let (mut fw, mut rv) = (Vec::new(), Vec::new());
        let mut check = 0.0;
        let mut nodes = 0;
        for _ in 0..n {
            let t0 = Instant::now();
            let Some(w) = build(kind, ops) else {
                eprintln!("engine_times: unknown workload {kind}");
                std::process::exit(2);
            };
            let t1 = Instant::now();
            let values = forward(&w);
            let t_mid = Instant::now();
            check += reverse(&w, &values);
            let t2 = Instant::now();
            fw.push((t_mid - t1).as_secs_f64());
            rv.push((t2 - t_mid).as_secs_f64());
            nodes = extended(&w);
            let t3 = Instant::now();
            b.push((t1 - t0).as_secs_f64());
            f.push((t2 - t1).as_secs_f64());
            e.push((t3 - t2).as_secs_f64());
        }
        println!(
            "{{\"kind\":\"{kind}\",\"ops\":{ops},\"extended_nodes\":{nodes},\"reps\":{n},\"build_s\":{:e},\"backward_s\":{:e},\"extend_s\":{:e},\"forward_s\":{:e},\"reverse_s\":{:e},\"check\":{check:e}}}",
            median(b),
            median(f),
            median(e),
            median(fw),
            median(rv)
        );
    }
}
