//! Optimisation passes over an (extended) graph, as reverse AD makes possible (§2.5):
//! remove identity nodes, fold constants and multiplications by one, merge common
//! subexpressions, drop dead nodes. Each pass reports what it did; values are unchanged.

mod rewrite;

use serde::{Deserialize, Serialize};

use crate::graph::{Graph, NodeId};

/// What the passes did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Nodes before.
    pub before: usize,
    /// Nodes after.
    pub after: usize,
    /// `id(a)`, `a·1`, `a+0`, `a^1`, one-term sums, `−(−a)` replaced by their input.
    pub identities: usize,
    /// Nodes whose inputs were all constants, replaced by a constant.
    pub folded: usize,
    /// Nodes equal to an earlier node (same op, same inputs), merged into it.
    pub merged: usize,
    /// Nodes no root depends on, removed.
    pub dead: usize,
}

/// An optimised graph and where the roots went.
#[derive(Clone, Debug, PartialEq)]
pub struct Optimized {
    /// The new graph (inputs keep their variable order).
    pub graph: Graph,
    /// The new id of each root, in the order given.
    pub roots: Vec<NodeId>,
    /// The counts.
    pub report: Report,
}

/// Runs all passes, keeping `roots` (e.g. the output and the gradient nodes) and every input.
pub fn optimize(graph: &Graph, roots: &[NodeId]) -> Optimized {
    let (rewritten, map, mut report) = rewrite::simplify_and_merge(graph);
    let new_roots: Vec<NodeId> = roots.iter().map(|r| map[r.index()]).collect();
    let (graph_out, remap) = rewrite::drop_dead(&rewritten, &new_roots);
    report.before = graph.len();
    report.dead = rewritten.len() - graph_out.len();
    report.after = graph_out.len();
    let roots = new_roots.iter().map(|r| remap[r.index()]).collect();
    Optimized {
        graph: graph_out,
        roots,
        report,
    }
}
