//! A grammar of tensor programs and their JSON inputs, driven by fuzzer bytes like
//! [`crate::gen`]: inputs of small random shapes (scalars, vectors, matrices, rank 3, a
//! dict, now and then a ragged or non-numeric entry), then statements that combine them
//! with every operator and function of the tensor language — most of them with shapes
//! that do not line up, so the shape errors are fuzzed as much as the happy path.

use std::fmt::Write as _;

use crate::gen::Bytes;

/// Input names; `d` is a dict when the bytes say so.
const INPUTS: &[&str] = &["X", "W", "b", "a0", "d"];
/// Entries of the generated arrays: ordinary, zero, negative, large, tiny.
const ENTRIES: &[&str] = &["1", "-2", "0", "0.5", "3", "1e300", "-1e-300", "2.5"];
/// Functions of one tensor.
const UNARY: &[&str] = &["exp", "log", "ln", "tanh", "relu", "sigmoid", "transpose"];
/// Reductions that take an optional axis.
const REDUCE: &[&str] = &["sum", "mean", "logsumexp"];
/// Binary operators.
const BINOPS: &[&str] = &["+", "-", "*", "/", "@"];

/// A program and its inputs JSON, both generated from `data`.
pub fn tensor_program(data: &[u8]) -> (String, String) {
    let mut b = Bytes::new(data);
    let inputs = inputs_json(&mut b);
    let mut names: Vec<String> = INPUTS.iter().map(|s| (*s).to_string()).collect();
    let mut src = String::new();
    let count = 1 + b.below(6);
    for i in 0..count {
        let mut e = String::new();
        expr(&mut b, 3, &names, &mut e);
        if i + 1 == count && b.below(2) == 0 {
            src.push_str(&e);
        } else {
            let name = format!("t{i}");
            let _ = writeln!(src, "{name} = {e}");
            names.push(name);
        }
    }
    // Now and then a stray character, so the parser's errors are reached too.
    if b.below(16) == 15 {
        let at = b.below(src.len() + 1);
        if src.is_char_boundary(at) {
            src.insert(at, ['[', ')', ',', '"', '.', '{'][b.below(6)]);
        }
    }
    (src, inputs)
}

/// The inputs object: each input is a scalar or an array of rank 1–3 with dims 1–4.
fn inputs_json(b: &mut Bytes<'_>) -> String {
    let mut out = String::from("{");
    for (i, name) in INPUTS.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "\"{name}\": ");
        if *name == "d" && b.below(2) == 0 {
            out.push_str("{\"cat\": ");
            value(b, &mut out);
            out.push_str(", \"dog\": ");
            value(b, &mut out);
            out.push('}');
        } else {
            value(b, &mut out);
        }
    }
    out.push('}');
    // Rarely, bent: truncated JSON.
    if b.below(32) == 31 {
        out.truncate(out.len() / 2);
    }
    out
}

/// One input value: a number or a nested array.
fn value(b: &mut Bytes<'_>, out: &mut String) {
    let rank = b.below(4);
    let dims: Vec<usize> = (0..rank).map(|_| 1 + b.below(4)).collect();
    array(b, &dims, out);
}

/// A nested array of `dims` (a number when `dims` is empty). One time in 64 a row is cut
/// long (ragged) or an entry is a string (the bent choices sit on the byte values
/// libFuzzer reaches last, so exhausted input — all zeros — stays on the happy path).
fn array(b: &mut Bytes<'_>, dims: &[usize], out: &mut String) {
    let Some((&n, rest)) = dims.split_first() else {
        match b.below(64) {
            63 => out.push_str("\"one\""),
            _ => out.push_str(b.pick(ENTRIES)),
        }
        return;
    };
    let n = if b.below(64) == 63 { n + 1 } else { n };
    out.push('[');
    for i in 0..n {
        if i > 0 {
            out.push_str(", ");
        }
        array(b, rest, out);
    }
    out.push(']');
}

/// An expression of at most `depth` more levels.
fn expr(b: &mut Bytes<'_>, depth: usize, names: &[String], out: &mut String) {
    let choice = if depth == 0 || b.done() {
        b.below(3)
    } else {
        b.below(12)
    };
    let sub = |b: &mut Bytes<'_>, out: &mut String| expr(b, depth.saturating_sub(1), names, out);
    match choice {
        0 | 1 => out.push_str(&names[b.below(names.len())]),
        2 => out.push_str(["2", "0.5", "[1, 2]", "[[1, 0], [0, 1]]", "[]"][b.below(5)]),
        3 | 4 => {
            out.push('(');
            sub(b, out);
            let _ = write!(out, " {} ", b.pick(BINOPS));
            sub(b, out);
            out.push(')');
        }
        5 => {
            let _ = write!(out, "{}(", b.pick(UNARY));
            sub(b, out);
            out.push(')');
        }
        6 => {
            let _ = write!(out, "{}(", b.pick(REDUCE));
            sub(b, out);
            if b.below(2) == 0 {
                let _ = write!(out, ", {}", b.below(4));
            }
            out.push(')');
        }
        7 => {
            let f = ["reshape", "broadcast_to"][b.below(2)];
            let _ = write!(out, "{f}(");
            sub(b, out);
            let rank = b.below(4);
            let dims: Vec<String> = (0..rank).map(|_| (1 + b.below(6)).to_string()).collect();
            let _ = write!(out, ", [{}])", dims.join(", "));
        }
        8 => {
            sub(b, out);
            out.push_str(".T");
        }
        9 => {
            out.push('-');
            sub(b, out);
        }
        10 => {
            if b.below(2) == 0 {
                out.push('(');
                sub(b, out);
                out.push_str(", ");
                sub(b, out);
                let _ = write!(out, ")[{}]", b.below(3));
            } else {
                out.push_str("{\"cat\": ");
                sub(b, out);
                out.push_str(", \"dog\": ");
                sub(b, out);
                let _ = write!(out, "}}[\"{}\"]", ["cat", "dog", "cow"][b.below(3)]);
            }
        }
        _ => {
            out.push('(');
            sub(b, out);
            let _ = write!(out, " ^ {})", ["2", "0.5", "-1", "3"][b.below(4)]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_bytes_give_the_same_program() {
        let data = b"\x03\x07\x01\x09\x02\x05\x0b\x04";
        assert_eq!(tensor_program(data), tensor_program(data));
    }

    #[test]
    fn many_byte_strings_give_programs_that_run() {
        // The grammar must reach the happy path, not only shape errors.
        let mut ran = 0;
        let mut rng = adjoint_rng::SplitMix64::new(0x7E5);
        for _ in 0..400 {
            let data: Vec<u8> = (0..40).map(|_| (rng.next_u64() & 0xFF) as u8).collect();
            let (src, inputs) = tensor_program(&data);
            if adjoint_tensor::run(&src, &inputs, adjoint_engine::Mode::Extended).is_ok() {
                ran += 1;
            }
        }
        assert!(ran >= 20, "only {ran} of 400 generated tensor programs ran");
    }
}
