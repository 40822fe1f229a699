//! The trace as a LaTeX `align*` block ready to paste into slides.

use crate::render::latex::chain;
use crate::render::number::rounded;
use crate::trace::{StepKind, Trace};

/// Formats the forward table and the steps as LaTeX.
pub fn trace_latex(t: &Trace) -> String {
    let mut out = String::from("% Forward graph\n\\begin{align*}\n");
    let rows: Vec<String> = t
        .nodes
        .iter()
        .take(t.forward_count as usize)
        .map(|n| {
            let lhs = crate::render::latex::latex(&crate::render::Term::sym(n.sym.clone()));
            format!(
                "  {lhs} &= {} = {}",
                crate::render::latex::latex(&n.definition),
                rounded(n.value)
            )
        })
        .collect();
    out.push_str(&rows.join(" \\\\\n"));
    out.push_str("\n\\end{align*}\n% Steps\n\\begin{align*}\n");
    let steps: Vec<String> = t
        .steps
        .iter()
        .filter(|s| s.kind != StepKind::Done && s.equation.len() > 1)
        .map(|s| {
            let first = crate::render::latex::latex(&s.equation[0]);
            format!("  {first} &= {}", chain(&s.equation[1..]))
        })
        .collect();
    out.push_str(&steps.join(" \\\\\n"));
    out.push_str("\n\\end{align*}\n");
    out
}
