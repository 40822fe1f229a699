//! A tensor trace as plain text: every node with its shape and formula, each step with
//! its equation and narration, and the gradients written out as nested arrays.

use adjoint_engine::render::number::rounded;
use adjoint_engine::render::text::{chain, text};
use adjoint_engine::{ShapedValue, Trace};

/// `[[1, 2], [3, 4]]`, `{"cat": 3, "dog": 0}`, `(1, [2, 3])`, entries rounded.
pub fn shaped_text(v: &ShapedValue) -> String {
    match v {
        ShapedValue::Tensor { shape, data } => nested(shape, data),
        ShapedValue::Tuple { items } => format!(
            "({})",
            items.iter().map(shaped_text).collect::<Vec<_>>().join(", ")
        ),
        ShapedValue::Dict { entries } => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("\"{k}\": {}", shaped_text(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn nested(shape: &[usize], data: &[f64]) -> String {
    match shape.split_first() {
        None => data.first().map_or_else(String::new, |&x| rounded(x)),
        Some((&n, rest)) => {
            let size: usize = rest.iter().product();
            let parts: Vec<String> = (0..n)
                .map(|i| nested(rest, data.get(i * size..(i + 1) * size).unwrap_or(&[])))
                .collect();
            format!("[{}]", parts.join(", "))
        }
    }
}

/// The shape badge of a shaped value: `2×3`, `scalar`, `(2)`, `{cat, dog}`.
pub fn badge(v: &ShapedValue) -> String {
    match v {
        ShapedValue::Tensor { shape, .. } if shape.is_empty() => "scalar".into(),
        ShapedValue::Tensor { shape, .. } => shape
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join("×"),
        ShapedValue::Tuple { items } => format!("({})", items.len()),
        ShapedValue::Dict { entries } => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, _)| k.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Values with at most this many entries are written out in the node table.
pub const SHOWN_ENTRIES: usize = 12;

/// How many numbers a shaped value holds.
pub fn entry_count(v: &ShapedValue) -> usize {
    match v {
        ShapedValue::Tensor { data, .. } => data.len(),
        ShapedValue::Tuple { items } => items.iter().map(entry_count).sum(),
        ShapedValue::Dict { entries } => entries.iter().map(|(_, v)| entry_count(v)).sum(),
    }
}

/// The whole trace as text.
pub fn tensor_trace_text(t: &Trace) -> String {
    let mut out = format!("{} mode, tensor program\n\nNodes\n", t.mode.name());
    let width = t
        .nodes
        .iter()
        .map(|n| n.label.chars().count())
        .max()
        .unwrap_or(2);
    for n in &t.nodes {
        let shape = n.shaped.as_ref().map_or_else(String::new, badge);
        // Small values are written out; large ones only by their shape.
        let value = n
            .shaped
            .as_ref()
            .filter(|v| entry_count(v) <= SHOWN_ENTRIES)
            .map(shaped_text)
            .filter(|v| *v != text(&n.definition))
            .map_or_else(String::new, |v| format!(" = {v}"));
        out.push_str(&format!(
            "  {:<width$}  {:<10} = {}{value}\n",
            n.label,
            format!("[{shape}]"),
            text(&n.definition)
        ));
    }
    out.push_str("\nSteps\n");
    for (i, s) in t.steps.iter().enumerate() {
        // `Seed` → `seed`, as the scalar trace text names steps.
        let what = format!("{:?}", s.kind).to_ascii_lowercase();
        let eq = if s.equation.is_empty() {
            String::new()
        } else {
            format!("{}  —  ", chain(&s.equation))
        };
        out.push_str(&format!(
            "  {:>3}. {:<8} {eq}{}\n",
            i + 1,
            what,
            s.narration
        ));
    }
    let value = |id: u32| {
        t.nodes
            .get(id as usize)
            .and_then(|n| n.shaped.as_ref())
            .map_or_else(String::new, shaped_text)
    };
    out.push_str(&format!("\ny = {}\n", value(t.output)));
    out
}
