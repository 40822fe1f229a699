//! `frame_at`: what is visible after k steps of a trace. Pure, so the app's views hold
//! no algorithm of their own: they draw frames.

use serde::{Deserialize, Serialize};

use crate::trace::{StepKind, Trace};

/// One entry of `node_to_grad`: a forward node and the partial adjoints it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradList {
    /// The forward node.
    pub node: u32,
    /// Steps whose partial adjoints it holds (their `result` or equation name the chip).
    pub chips: Vec<u32>,
    /// True once the node has been visited and its list summed.
    pub summed: bool,
}

/// The picture after `k` steps (`k = 0`: nothing done yet).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    /// Steps applied.
    pub k: usize,
    /// Per node of the trace: is it on screen?
    pub visible: Vec<bool>,
    /// The step just applied, if any.
    pub current: Option<usize>,
    /// The pseudocode line to highlight.
    pub line: Option<u32>,
    /// Steps of kind Visit (or Tangent) applied so far, in order: the table's rows.
    pub rows: Vec<usize>,
    /// `node_to_grad` as it stands, in the order nodes first received something.
    pub node_to_grad: Vec<GradList>,
    /// Nodes to highlight: the focus node and, for a partial, its input.
    pub focus: Vec<u32>,
    /// Nodes created by the current step.
    pub fresh: Vec<u32>,
}

/// The frame after applying the first `k` steps of `trace` (clamped to the trace length).
pub fn frame_at(trace: &Trace, k: usize) -> Frame {
    let k = k.min(trace.steps.len());
    let mut visible: Vec<bool> = trace
        .nodes
        .iter()
        .map(|n| n.created_at.is_none_or(|s| (s as usize) < k))
        .collect();
    visible.resize(trace.nodes.len(), true);
    let mut rows = Vec::new();
    let mut ntg: Vec<GradList> = Vec::new();
    for (i, s) in trace.steps.iter().enumerate().take(k) {
        match s.kind {
            StepKind::Visit | StepKind::Tangent => rows.push(i),
            _ => {}
        }
        match s.kind {
            StepKind::Seed => ntg.push(GradList {
                node: s.node,
                chips: vec![i as u32],
                summed: false,
            }),
            StepKind::Partial => {
                if let Some(input) = s.input {
                    match ntg.iter_mut().find(|g| g.node == input) {
                        Some(g) => g.chips.push(i as u32),
                        None => ntg.push(GradList {
                            node: input,
                            chips: vec![i as u32],
                            summed: false,
                        }),
                    }
                }
            }
            StepKind::Visit => {
                if let Some(g) = ntg.iter_mut().find(|g| g.node == s.node) {
                    g.summed = true;
                }
            }
            _ => {}
        }
    }
    let current = k.checked_sub(1);
    let step = current.and_then(|i| trace.steps.get(i));
    Frame {
        k,
        visible,
        current,
        line: step.map(|s| s.line),
        rows,
        node_to_grad: ntg,
        focus: step
            .map(|s| std::iter::once(s.node).chain(s.input).collect())
            .unwrap_or_default(),
        fresh: step.map(|s| s.created.clone()).unwrap_or_default(),
    }
}
