//! Explains where NaN and ±∞ come from, so the app can mark the node and say why.

use crate::graph::Op;

/// Why `op(args) = value` is not a finite number, or `None` when it is finite.
/// `input_labels` name the inputs for messages like "NaN flows in from v3".
pub fn explain(op: Op, args: &[f64], value: f64, input_labels: &[&str]) -> Option<String> {
    if value.is_finite() {
        return None;
    }
    for (a, label) in args.iter().zip(input_labels) {
        if a.is_nan() {
            return Some(format!("NaN flows in from {label}"));
        }
    }
    let x = args.first().copied().unwrap_or(0.0);
    let y = args.get(1).copied().unwrap_or(0.0);
    let what = match op {
        Op::Ln if x == 0.0 => "ln 0 is −∞".to_string(),
        Op::Ln if x < 0.0 => format!("ln of a negative number ({x}) is undefined"),
        Op::Sqrt if x < 0.0 => format!("√ of a negative number ({x}) is undefined"),
        Op::Div if y == 0.0 => "division by zero".to_string(),
        Op::RDivScalar(_) if x == 0.0 => "division by zero".to_string(),
        Op::DivScalar(0.0) => "division by the constant 0".to_string(),
        Op::Pow | Op::PowScalar(_) | Op::RPowScalar(_) if value.is_nan() => {
            "a negative number to a fractional power is undefined".to_string()
        }
        Op::Tan if value.is_infinite() => "tan at an odd multiple of π/2 is infinite".to_string(),
        _ if args.iter().any(|a| a.is_infinite()) => {
            let i = args.iter().position(|a| a.is_infinite()).unwrap_or(0);
            let from = input_labels.get(i).copied().unwrap_or("an input");
            if value.is_nan() {
                format!("∞ from {from} meets another ∞ or 0 (an undefined form)")
            } else {
                format!("∞ flows in from {from}")
            }
        }
        _ if value.is_infinite() => {
            "the result overflows the largest float (about 1.8e308)".to_string()
        }
        _ => "the result is not a number".to_string(),
    };
    Some(what)
}
