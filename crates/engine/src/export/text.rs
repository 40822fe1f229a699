//! The trace as plain text: the graph's table, then one line per step.

use crate::render::number::rounded;
use crate::render::text::{chain, text};
use crate::trace::{NodeKind, StepKind, Trace};

/// Formats a trace the way the lecture's tables read.
pub fn trace_text(t: &Trace) -> String {
    let mut out = String::new();
    let vars: Vec<String> = t
        .variables
        .iter()
        .map(|v| format!("{} = {}", v.name, rounded(v.value)))
        .collect();
    out.push_str(&format!(
        "{} mode at {}\n\n",
        t.mode.name(),
        vars.join(", ")
    ));
    out.push_str("Forward graph\n");
    let width = t
        .nodes
        .iter()
        .take(t.forward_count as usize)
        .map(|n| n.label.chars().count())
        .max()
        .unwrap_or(2);
    for n in t.nodes.iter().take(t.forward_count as usize) {
        let def = text(&n.definition);
        out.push_str(&format!(
            "  {:<width$} = {:<16} = {}\n",
            n.label,
            def,
            rounded(n.value)
        ));
    }
    out.push_str("\nSteps\n");
    for (i, s) in t.steps.iter().enumerate() {
        let what = match s.kind {
            StepKind::Seed => "seed",
            StepKind::Visit => "visit",
            StepKind::Partial => "partial",
            StepKind::Tangent => "tangent",
            StepKind::Done => "done",
        };
        let body = if s.equation.is_empty() {
            s.narration.clone()
        } else {
            chain(&s.equation)
        };
        out.push_str(&format!("  {:>3}. {:<8} {}\n", i + 1, what, body));
    }
    let created = t
        .nodes
        .iter()
        .filter(|n| n.kind != NodeKind::Input && n.kind != NodeKind::Forward)
        .count();
    if created > 0 {
        out.push_str(&format!(
            "\nExtended graph: {} forward + {} new nodes\n",
            t.forward_count, created
        ));
    }
    out.push_str(&format!("\ny = {}\n", rounded(t.result.output)));
    for g in &t.result.gradient {
        out.push_str(&format!("∂y/∂{} = {}\n", g.name, rounded(g.value)));
    }
    out
}
