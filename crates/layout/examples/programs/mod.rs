//! Extended graphs of real programs, built by the engine exactly as the web app lays them
//! out (shared by the benchmark, the Graphviz comparison and the tests through `#[path]`).
//!
//! The node bands follow `web/src/graph_model.rs::build_layout` (forward nodes are the
//! trace's first `forward_count` nodes not created by a step; every other node goes in the
//! adjoint band, pinned to its `column_of`), and box sizes follow the app's `node_size`
//! (label at 8.6 px per character, the op, value and `v̄ = -0.000` lines at 6.8 px, 22 px
//! padding, at least 64 px wide, 56 px tall).

#![allow(dead_code)]

use adjoint_engine::{run, Mode, Trace};
use adjoint_layout::dot::{DotEdge, DotGraph, DotNode};
use adjoint_layout::{Band, LayoutInput, LayoutNode};

/// A program shape: a name and a function from a size to the program text.
pub struct Shape {
    /// Short name for tables (`chain-x1`, `chain-local`, `fan`).
    pub name: &'static str,
    /// The program with `n` statements.
    pub program: fn(usize) -> String,
    /// Values of its inputs.
    pub values: &'static str,
}

/// The shapes measured in BENCHMARKS.md.
pub const SHAPES: [Shape; 3] = [
    // The program of tests/perf/layout_wasm.cjs: x1 is read by every statement, so the
    // forward graph and the adjoint graph both have one long edge per statement.
    Shape {
        name: "chain-x1",
        program: chain_x1,
        values: "x1=0.5, x2=0.7",
    },
    // The engine's `workloads::chain` written as a program: only neighbouring statements
    // share values (short edges only).
    Shape {
        name: "chain-local",
        program: chain_local,
        values: "x=0.5",
    },
    // Every statement reads a fresh input and x1, summed into one accumulator.
    Shape {
        name: "fan",
        program: fan,
        values: "",
    },
];

/// `a1 = sin(x1)*x2`, then `a{i} = a{i-1}*x1 + sin(a{i-1})`.
pub fn chain_x1(n: usize) -> String {
    let mut lines = vec!["a1 = sin(x1)*x2".to_string()];
    for i in 2..=n {
        lines.push(format!("a{i} = a{}*x1 + sin(a{})", i - 1, i - 1));
    }
    lines.join("\n")
}

/// `y1 = sin(x)*x + 0.5*x`, then `y{i} = sin(y{i-1})*y{i-1} + 0.5*y{i-1}`.
pub fn chain_local(n: usize) -> String {
    let mut lines = vec!["y1 = sin(x)*x + 0.5*x".to_string()];
    for i in 2..=n {
        let p = i - 1;
        lines.push(format!("y{i} = sin(y{p})*y{p} + 0.5*y{p}"));
    }
    lines.join("\n")
}

/// `s1 = x1*x2`, then `s{i} = s{i-1} + x1*x{i+1}`.
pub fn fan(n: usize) -> String {
    let mut lines = vec!["s1 = x1*x2".to_string()];
    for i in 2..=n {
        lines.push(format!("s{i} = s{} + x1*x{}", i - 1, i + 1));
    }
    lines.join("\n")
}

/// The values line for `fan(n)`: `x1 = 0.5, x2 = 0.51, ...`.
fn fan_values(n: usize) -> String {
    (1..=n + 1)
        .map(|i| format!("x{i}={}", 0.5 + i as f64 / 100.0))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The extended-mode trace of `shape` with `n` statements.
pub fn trace(shape: &Shape, n: usize) -> Trace {
    let values = if shape.name == "fan" {
        fan_values(n)
    } else {
        shape.values.to_string()
    };
    run(&(shape.program)(n), &values, Mode::Extended, 0)
        .expect("invariant: the benchmark programs are valid")
}

/// Visible characters (combining marks such as the bar of `v̄` take no room).
fn visible(s: &str) -> usize {
    s.chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .count()
}

/// Box size as the app computes it for an extended trace (no annotation line).
fn size(label: &str, op: &str) -> (f64, f64) {
    let small = [visible(op), 6, visible("v̄ = -0.000")]
        .into_iter()
        .max()
        .unwrap_or(0) as f64
        * 6.8;
    let width = (visible(label) as f64 * 8.6).max(small) + 22.0;
    (width.max(64.0).ceil(), 56.0)
}

/// Whether trace node `i` is drawn in the forward band.
fn is_forward(t: &Trace, i: usize) -> bool {
    let n = &t.nodes[i];
    n.created_at.is_none() && n.id < t.forward_count
}

/// The layout input the app builds for `t`.
pub fn layout_input(t: &Trace) -> LayoutInput {
    let nodes = (0..t.nodes.len())
        .map(|i| {
            let n = &t.nodes[i];
            let (width, height) = size(&n.label, &n.op);
            let band = if is_forward(t, i) {
                Band::Forward
            } else {
                Band::Adjoint {
                    column_of: n.column_of.map(|c| c as usize),
                }
            };
            LayoutNode {
                width,
                height,
                band,
            }
        })
        .collect();
    let edges = t.edges();
    LayoutInput { nodes, edges }
}

/// The same graph as DOT (ids `n0`, `n1`, …, labels from the trace), for Graphviz.
pub fn dot_graph(t: &Trace) -> DotGraph {
    let input = layout_input(t);
    DotGraph {
        name: None,
        nodes: t
            .nodes
            .iter()
            .zip(&input.nodes)
            .map(|(n, l)| DotNode {
                id: format!("n{}", n.id),
                label: Some(n.label.clone()),
                band: l.band,
            })
            .collect(),
        edges: input
            .edges
            .iter()
            .map(|&(src, dst)| DotEdge {
                src,
                dst,
                label: None,
            })
            .collect(),
    }
}
