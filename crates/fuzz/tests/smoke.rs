//! The short fuzz run of the test suite: seeded random inputs (random bytes, mutated
//! lecture programs, grammar programs) through both targets. A few seconds; the long
//! libFuzzer runs (fuzz/, see BENCHMARKS.md "Hardening") use the same target functions.

use adjoint_fuzz::{engine_bytes, modes_bytes, parse_bytes, tensor_bytes};
use adjoint_rng::SplitMix64;

/// Programs worth mutating: the lecture's example and the odd corners of the grammar.
const SEEDS: &[&str] = &[
    "ln(x1) + x1*x2 - sin(x2)\0x1=2, x2=5",
    "a = x*y\nb = a^2 # note\ntanh(b) / (1 + relu(a))\0x=1, y=-2",
    "x^y^2 - −3 × sigmoid(θ) ÷ 2\0x=2; y=0.5; θ=1e308",
    "sqrt(ln(x)) + 1e309 * exp(x)\0x=-1",
];

fn random_bytes(rng: &mut SplitMix64, max_len: usize) -> Vec<u8> {
    let len = rng.below(max_len + 1);
    (0..len).map(|_| (rng.next_u64() & 0xFF) as u8).collect()
}

/// Replaces, inserts or deletes a few bytes of `seed`.
fn mutate(rng: &mut SplitMix64, seed: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len() + 1);
        let byte = b"()+-*/^=;\n\0.e1x#"[rng.below(16)];
        match rng.below(3) {
            0 if at < v.len() => v[at] = byte,
            1 => v.insert(at, byte),
            _ if at < v.len() => {
                v.remove(at);
            }
            _ => v.push(byte),
        }
    }
    v
}

#[test]
fn parser_survives_random_bytes_and_mutations() {
    let mut rng = SplitMix64::new(0xF022);
    for i in 0..6_000 {
        let data = if i % 2 == 0 {
            random_bytes(&mut rng, 64)
        } else {
            let seed = SEEDS[rng.below(SEEDS.len())].as_bytes();
            mutate(&mut rng, seed)
        };
        parse_bytes(&data);
    }
}

#[test]
fn engine_survives_grammar_programs() {
    let mut rng = SplitMix64::new(0xE461);
    for _ in 0..1_500 {
        let data = random_bytes(&mut rng, 48);
        engine_bytes(&data);
    }
}

#[test]
fn deep_and_long_inputs_get_limit_errors_not_stack_overflows() {
    let deep = format!("{}x{}\0x=1", "(".repeat(100_000), ")".repeat(100_000));
    parse_bytes(deep.as_bytes());
    let negs = format!("{}x\0x=1", "-".repeat(100_000));
    parse_bytes(negs.as_bytes());
    let long = format!("{}x\0x=1", "x+".repeat(50_000));
    parse_bytes(long.as_bytes());
}

#[test]
fn engine_core_survives_grammar_programs() {
    let mut rng = SplitMix64::new(0x40DE5);
    for _ in 0..3_000 {
        let data = random_bytes(&mut rng, 48);
        modes_bytes(&data);
    }
}

#[test]
fn tensor_engine_survives_grammar_programs_and_bytes() {
    let mut rng = SplitMix64::new(0x7E45);
    for i in 0..3_000 {
        let data = if i % 4 == 3 {
            let seed = TENSOR_SEEDS[rng.below(TENSOR_SEEDS.len())].as_bytes();
            mutate(&mut rng, seed)
        } else {
            random_bytes(&mut rng, 64)
        };
        tensor_bytes(&data);
    }
}

/// Tensor programs worth mutating (raw text + NUL + inputs JSON).
const TENSOR_SEEDS: &[&str] = &[
    "Z = X @ W\nv = sum(tanh(Z))\0{\"X\": [[1, 2, 3], [4, 5, 6]], \"W\": [[1, 0], [0, 1], [1, 1]]}",
    "d = {\"cat\": a0, \"dog\": a1}\nb = d[\"cat\"]\ny = b ^ 2\0{\"a0\": 1.5, \"a1\": -2}",
    "t = (X, X.T)\nmean(logsumexp(t[0] @ t[1], 0))\0{\"X\": [[1, -1], [2, 0.5]]}",
];
