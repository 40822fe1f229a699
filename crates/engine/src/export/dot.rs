//! The (extended) graph as Graphviz DOT, forward nodes in one cluster, adjoints below.

use crate::render::number::rounded;
use crate::trace::{NodeKind, Trace};

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Formats the trace's final graph as a DOT digraph laid out left to right.
pub fn trace_dot(t: &Trace) -> String {
    let mut out = String::from("digraph adjoint {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
    for n in &t.nodes {
        let colour = match n.kind {
            NodeKind::Input => "#56B4E9",
            NodeKind::Forward => "#0072B2",
            NodeKind::Seed | NodeKind::Adjoint => "#D55E00",
            NodeKind::Partial => "#E69F00",
            NodeKind::Aux => "#999999",
        };
        let label = format!("{}\\n{}\\n{}", n.label, n.op, rounded(n.value));
        out.push_str(&format!(
            "  n{} [label={}, color=\"{colour}\"];\n",
            n.id,
            quote(&label).replace("\\\\n", "\\n")
        ));
    }
    for n in &t.nodes {
        for i in &n.inputs {
            out.push_str(&format!("  n{i} -> n{};\n", n.id));
        }
    }
    out.push_str("}\n");
    out
}
