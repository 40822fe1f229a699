//! How numbers are printed: exactly (constants in labels) or rounded (values in tables).

/// The shortest text that reads back as the same float (`2`, `0.5`, `1e-7`).
pub fn exact(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v == v.trunc() && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    format!("{v}")
}

/// Three decimals, as in the lecture's tables (`0.693`, `-0.959`, `1.716`, `5.5`, `10`);
/// very small or large numbers in scientific form with three significant digits.
pub fn rounded(v: f64) -> String {
    if !v.is_finite() {
        return exact(v);
    }
    if v == 0.0 {
        return "0".into();
    }
    let a = v.abs();
    if (1e-3..1e9).contains(&a) {
        let s = format!("{v:.3}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        return if s == "-0" { "0".into() } else { s.to_string() };
    }
    let s = format!("{v:.2e}");
    match s.split_once('e') {
        Some((m, e)) => format!("{}e{e}", m.trim_end_matches('0').trim_end_matches('.')),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lecture_numbers() {
        assert_eq!(rounded(2f64.ln()), "0.693");
        assert_eq!(rounded(5f64.sin()), "-0.959");
        assert_eq!(rounded(5.5), "5.5");
        assert_eq!(rounded(10.0), "10");
        assert_eq!(rounded(-0.0001), "-1e-4");
        assert_eq!(rounded(-0.0), "0");
        assert_eq!(rounded(4.1203064509691875e-123), "4.12e-123");
        assert_eq!(exact(0.5), "0.5");
        assert_eq!(exact(-3.0), "-3");
        assert_eq!(exact(f64::NAN), "NaN");
    }
}
