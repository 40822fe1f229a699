//! Parses input values written as `x1=2, x2=5` (commas, semicolons or spaces between).

use crate::error::{EngineError, Span};

/// Reads `name=value` pairs. Later pairs override earlier ones with the same name.
pub fn parse_values(text: &str) -> Result<Vec<(String, f64)>, EngineError> {
    let mut out: Vec<(String, f64)> = Vec::new();
    let mut offset = 0;
    for piece in text.split([',', ';', '\n']) {
        let start = offset + (piece.len() - piece.trim_start().len());
        offset += piece.len() + 1;
        let item = piece.trim();
        if item.is_empty() {
            continue;
        }
        let span = Span::new(start, start + item.len());
        let bad = |message: String| EngineError::BadValues { message, span };
        let Some((name, value)) = item.split_once('=') else {
            return Err(bad(format!("`{item}` should look like name=value")));
        };
        let (name, value) = (name.trim(), value.trim());
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '\'')
        {
            return Err(bad(format!("`{name}` is not a variable name")));
        }
        let value: f64 = value
            .replace('−', "-")
            .parse()
            .map_err(|_| bad(format!("`{value}` is not a number (for {name})")))?;
        match out.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => out.push((name.to_string(), value)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_in_order() {
        let v = parse_values("x1=2, x2 = 5").expect("parses");
        assert_eq!(v, vec![("x1".to_string(), 2.0), ("x2".to_string(), 5.0)]);
        assert_eq!(parse_values("").expect("empty ok"), vec![]);
        assert_eq!(
            parse_values("θ=−1").expect("unicode minus"),
            vec![("θ".to_string(), -1.0)]
        );
    }

    #[test]
    fn errors_point_at_the_pair() {
        let e = parse_values("x1=2, x2=abc").expect_err("abc");
        assert!(matches!(e, EngineError::BadValues { span, .. } if span == Span::new(6, 12)));
        assert!(parse_values("x1").is_err());
    }
}
