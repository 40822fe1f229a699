//! A long, uninstrumented run of a fuzz target on seeded random bytes: the volume
//! complement to libFuzzer's coverage-guided runs (which are slowed several times by
//! SanitizerCoverage). Each input is random bytes of random length; the grammar targets
//! turn them into programs. Prints progress every million inputs and, on a panic, the
//! input that caused it (hex) and exits with status 1.
//!
//! Usage: `cargo run --release -p adjoint-fuzz --bin soak -- TARGET COUNT [SEED]`
//! (TARGET: parse, engine, modes, tensor).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;

use adjoint_rng::SplitMix64;

/// The longest input (bytes): the grammar targets read one byte per choice.
const MAX_LEN: usize = 96;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: soak TARGET COUNT [SEED]  (TARGET: parse, engine, modes, tensor)";
    let (Some(target), Some(count)) = (args.get(1), args.get(2)) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let run: fn(&[u8]) = match target.as_str() {
        "parse" => adjoint_fuzz::parse_bytes,
        "engine" => adjoint_fuzz::engine_bytes,
        "modes" => adjoint_fuzz::modes_bytes,
        "tensor" => adjoint_fuzz::tensor_bytes,
        other => {
            eprintln!("unknown target `{other}`; {usage}");
            return ExitCode::from(2);
        }
    };
    let Ok(count) = count.replace('_', "").parse::<u64>() else {
        eprintln!("COUNT must be a whole number; {usage}");
        return ExitCode::from(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut rng = SplitMix64::new(seed);
    let mut data = Vec::with_capacity(MAX_LEN);
    for i in 1..=count {
        data.clear();
        let len = rng.below(MAX_LEN + 1);
        data.extend((0..len).map(|_| (rng.next_u64() & 0xFF) as u8));
        if catch_unwind(AssertUnwindSafe(|| run(&data))).is_err() {
            let hex: String = data.iter().map(|b| format!("{b:02x}")).collect();
            eprintln!("soak {target}: input {i} (seed {seed}) panicked; bytes: {hex}");
            return ExitCode::from(1);
        }
        if i % 1_000_000 == 0 {
            eprintln!("soak {target}: {i} inputs, no panic");
        }
    }
    println!("soak {target}: {count} inputs (seed {seed}), no panic");
    ExitCode::SUCCESS
}
