//! A small reader and writer for plain DOT digraphs, enough for the CLI and the Graphviz
//! comparison.
//!
//! Read: `[strict] digraph [name] { ... }` with node statements (`a [label="hello"];`), edge
//! chains (`a -> b -> c [label="x"];`), bare, numeral, quoted or `<html>` ids, optional ports
//! (ignored), `graph`/`node`/`edge [..]` defaults and `key=value` graph attributes (ignored),
//! and `//`, `#` and `/* */` comments. Node attributes `label`, `band` (`forward` or
//! `adjoint`) and `column_of` (a node id) are used; every other attribute is ignored. Not
//! supported (an error with line and column): undirected graphs and subgraphs.

mod lexer;
mod parser;

use serde::{Deserialize, Serialize};

use crate::{Band, LayoutError, LayoutInput, LayoutNode};

/// A parsed DOT digraph: nodes in order of first mention, edges in order of appearance.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DotGraph {
    /// The graph's name, if any.
    pub name: Option<String>,
    /// The nodes.
    pub nodes: Vec<DotNode>,
    /// The edges (indexes into `nodes`); chains become one edge per arrow.
    pub edges: Vec<DotEdge>,
}

/// A DOT node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DotNode {
    /// The node id as written (unquoted).
    pub id: String,
    /// The `label` attribute, if given.
    pub label: Option<String>,
    /// From the `band` and `column_of` attributes; forward when absent.
    pub band: Band,
}

/// A DOT edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DotEdge {
    /// Source node index.
    pub src: usize,
    /// Destination node index.
    pub dst: usize,
    /// The `label` attribute, if given.
    pub label: Option<String>,
}

/// Parses DOT text; errors carry the 1-based line and column.
pub fn parse(text: &str) -> Result<DotGraph, LayoutError> {
    parser::parse(text)
}

impl DotNode {
    /// The text shown in the node's box: its label, or its id.
    pub fn text(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.id)
    }
}

impl DotGraph {
    /// The layout input: box sizes estimated from the node texts (see [`label_size`]).
    pub fn to_layout_input(&self) -> LayoutInput {
        LayoutInput {
            nodes: self
                .nodes
                .iter()
                .map(|n| {
                    let (width, height) = label_size(n.text());
                    LayoutNode {
                        width,
                        height,
                        band: n.band,
                    }
                })
                .collect(),
            edges: self.edges.iter().map(|e| (e.src, e.dst)).collect(),
        }
    }

    /// Writes the graph as DOT (`rankdir=LR`, boxes), readable by [`parse`] and by Graphviz,
    /// which ignores the `band` and `column_of` attributes.
    pub fn to_dot(&self) -> String {
        let mut out = String::from("digraph G {\n  rankdir=LR;\n  node [shape=box];\n");
        for n in &self.nodes {
            let mut attrs = Vec::new();
            if let Some(label) = &n.label {
                attrs.push(format!("label={}", quote(label)));
            }
            if let Band::Adjoint { column_of } = n.band {
                attrs.push("band=\"adjoint\"".to_string());
                if let Some(f) = column_of.and_then(|f| self.nodes.get(f)) {
                    attrs.push(format!("column_of={}", quote(&f.id)));
                }
            }
            if attrs.is_empty() {
                out.push_str(&format!("  {};\n", quote(&n.id)));
            } else {
                out.push_str(&format!("  {} [{}];\n", quote(&n.id), attrs.join(", ")));
            }
        }
        for e in &self.edges {
            let (Some(s), Some(d)) = (self.nodes.get(e.src), self.nodes.get(e.dst)) else {
                continue;
            };
            match &e.label {
                Some(l) => out.push_str(&format!(
                    "  {} -> {} [label={}];\n",
                    quote(&s.id),
                    quote(&d.id),
                    quote(l)
                )),
                None => out.push_str(&format!("  {} -> {};\n", quote(&s.id), quote(&d.id))),
            }
        }
        out.push_str("}\n");
        out
    }
}

/// Quotes a DOT id (`"` becomes `\"`).
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\\\""))
}

/// Estimated box size `(width, height)` of a label in ~12px text: 7.5px per character plus
/// 20px padding (at least 40px wide), 16px per line plus 16px padding. A literal `\n` in a
/// DOT label starts a new line.
pub fn label_size(text: &str) -> (f64, f64) {
    let normalized = text.replace("\\n", "\n");
    let lines: Vec<&str> = normalized.split('\n').collect();
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let width = (longest as f64 * 7.5 + 20.0).max(40.0);
    (width, lines.len() as f64 * 16.0 + 16.0)
}
