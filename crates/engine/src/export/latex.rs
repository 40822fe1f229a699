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

/// The table the app shows after `k` steps (one row per visited node, as in the lecture's
/// adjoint table), as a LaTeX `align*` block for a slide of that step.
pub fn frame_table_latex(t: &Trace, k: usize) -> String {
    let frame = crate::frame::frame_at(t, k);
    let rows: Vec<String> = frame
        .rows
        .iter()
        .filter_map(|&i| t.steps.get(i))
        .filter(|s| s.equation.len() > 1)
        .map(|s| {
            let first = crate::render::latex::latex(&s.equation[0]);
            format!("  {first} &= {}", chain(&s.equation[1..]))
        })
        .collect();
    format!(
        "% {} mode, after step {} of {}\n\\begin{{align*}}\n{}\n\\end{{align*}}\n",
        t.mode.name(),
        frame.k,
        t.steps.len(),
        rows.join(" \\\\\n")
    )
}
