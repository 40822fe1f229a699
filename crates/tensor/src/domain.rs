//! Why a tensor node holds NaN or ±∞: the first op whose inputs are finite but whose
//! entries are not gets the reason (ln of a non-positive entry, division by a zero entry,
//! a negative entry to a fractional power, overflow), with the offending entry's index
//! and value; nodes downstream say where the bad entries flow in from.

use crate::op::Op;
use crate::value::Value;

/// Why `value` (the result of `op` on `inputs`) has entries that are not finite numbers,
/// or `None` when all are finite. `input_labels` name the inputs (`X`, `v3`).
pub fn explain(op: &Op, inputs: &[&Value], value: &Value, input_labels: &[&str]) -> Option<String> {
    let bad = value.flat().iter().filter(|x| !x.is_finite()).count();
    if bad == 0 {
        return None;
    }
    let count = if bad == 1 {
        "1 entry is".to_string()
    } else {
        format!("{bad} entries are")
    };
    for (v, label) in inputs.iter().zip(input_labels) {
        if let Some((at, x)) = first_entry(v, |x| !x.is_finite()) {
            return Some(format!("{count} not finite: {x} flows in from {label}{at}"));
        }
    }
    let arg = |k: usize, bad: fn(f64) -> bool| {
        let v = inputs.get(k)?;
        let label = input_labels.get(k).copied().unwrap_or("an input");
        first_entry(v, bad).map(|(at, x)| format!("{label}{at} = {x}"))
    };
    let reason = match op {
        Op::Log => arg(0, |x| x <= 0.0).map(|e| format!("ln of a non-positive entry ({e})")),
        Op::Div => arg(1, |x| x == 0.0).map(|e| format!("division by zero ({e})")),
        Op::PowScalar(c) if c.fract() != 0.0 => arg(0, |x| x < 0.0)
            .map(|e| format!("a negative entry to the fractional power {c} ({e})")),
        _ => None,
    }
    .unwrap_or_else(|| "the result overflows the largest float (about 1.8e308)".to_string());
    Some(format!("{count} not finite: {reason}"))
}

/// The first entry of `v` for which `bad` holds, as its index (`[1, 0]`, `["cat"]`,
/// `[0][2]` inside a tuple) and value.
fn first_entry(v: &Value, bad: fn(f64) -> bool) -> Option<(String, f64)> {
    match v {
        Value::Tensor(t) => {
            let i = t.data.iter().position(|&x| bad(x))?;
            Some((index_text(&t.shape, i), t.data[i]))
        }
        Value::Tuple(items) => items
            .iter()
            .enumerate()
            .find_map(|(k, item)| first_entry(item, bad).map(|(at, x)| (format!("[{k}]{at}"), x))),
        Value::Dict(d) => d.iter().find_map(|(key, item)| {
            first_entry(item, bad).map(|(at, x)| (format!("[\"{key}\"]{at}"), x))
        }),
    }
}

/// The row-major flat index `i` of `shape` as `[r, c]` (empty for a scalar).
fn index_text(shape: &[usize], mut i: usize) -> String {
    if shape.is_empty() {
        return String::new();
    }
    let mut at = vec![0; shape.len()];
    for (slot, &d) in at.iter_mut().zip(shape).rev() {
        *slot = i % d.max(1);
        i /= d.max(1);
    }
    let parts: Vec<String> = at.iter().map(usize::to_string).collect();
    format!("[{}]", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::Tensor;

    fn t(shape: &[usize], data: &[f64]) -> Value {
        Value::Tensor(Tensor::new(shape.to_vec(), data.to_vec()).expect("a valid tensor"))
    }

    #[test]
    fn ln_of_a_negative_entry_is_named_with_its_index() {
        let x = t(&[2, 2], &[1.0, 2.0, -3.0, 4.0]);
        let y = x.map(&f64::ln);
        let why = explain(&Op::Log, &[&x], &y, &["X"]).expect("NaN at [1, 0]");
        assert_eq!(
            why,
            "1 entry is not finite: ln of a non-positive entry (X[1, 0] = -3)"
        );
    }

    #[test]
    fn division_by_a_zero_entry_and_nan_flowing_downstream() {
        let a = t(&[3], &[1.0, 1.0, 1.0]);
        let b = t(&[3], &[2.0, 0.0, 0.0]);
        let q = t(&[3], &[0.5, f64::INFINITY, f64::INFINITY]);
        let why = explain(&Op::Div, &[&a, &b], &q, &["a", "b"]).expect("∞");
        assert_eq!(why, "2 entries are not finite: division by zero (b[1] = 0)");
        let e = q.map(&f64::exp);
        let why = explain(&Op::Exp, &[&q], &e, &["v3"]).expect("∞ flows on");
        assert_eq!(why, "2 entries are not finite: inf flows in from v3[1]");
    }

    #[test]
    fn finite_values_need_no_explanation_and_overflow_is_named() {
        let x = t(&[1], &[800.0]);
        assert_eq!(explain(&Op::Tanh, &[&x], &x.map(&f64::tanh), &["x"]), None);
        let why = explain(&Op::Exp, &[&x], &x.map(&f64::exp), &["x"]).expect("e^800");
        assert!(
            why.ends_with("overflows the largest float (about 1.8e308)"),
            "{why}"
        );
    }
}
