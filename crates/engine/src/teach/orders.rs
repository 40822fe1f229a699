//! Differentiate again: node counts of the extended graph per derivative order (§2.5).
//! Order 0 is the forward graph; order k extends the graph of order k − 1 once more at
//! the node holding ∂^{k−1}y/∂x^{k−1}, as `modes::higher` does, for any one variable
//! of a program with several.

use serde::{Deserialize, Serialize};

use crate::error::EngineError;
use crate::graph::NodeId;
use crate::modes::compile::Compiled;
use crate::modes::extended::extend;
use crate::modes::higher::MAX_HIGHER_NODES;
use crate::rules::eval::eval_graph;

/// The highest order the meter computes.
pub const MAX_TEACH_ORDER: usize = 8;

/// One order's graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderCount {
    /// The derivative order (0: the forward graph).
    pub order: usize,
    /// Nodes in the whole graph after this many extensions.
    pub nodes: usize,
    /// Nodes this order's derivative depends on.
    pub live: usize,
    /// Nodes added by this extension.
    pub added: usize,
    /// ∂^order y/∂x^order at the given inputs (order 0: y).
    pub value: f64,
}

/// Node counts for orders 0..=`max_order`, differentiating with respect to variable
/// `wrt` each time.
pub fn order_counts(
    c: &Compiled,
    wrt: usize,
    max_order: usize,
) -> Result<Vec<OrderCount>, EngineError> {
    let vars = c.graph().variables().len();
    if wrt >= vars {
        return Err(EngineError::Invalid(format!(
            "variable number {} does not exist; the program has {vars}",
            wrt + 1
        )));
    }
    if max_order > MAX_TEACH_ORDER {
        return Err(EngineError::Limit {
            what: "the derivative order of the meter",
            limit: MAX_TEACH_ORDER,
        });
    }
    let mut graph = c.graph().clone();
    let mut target: Option<NodeId> = Some(c.output());
    let live = |g: &crate::graph::Graph, t: Option<NodeId>| {
        t.map_or(0, |t| g.ancestors(t).iter().filter(|&&b| b).count())
    };
    let mut out = vec![OrderCount {
        order: 0,
        nodes: graph.len(),
        live: live(&graph, target),
        added: 0,
        value: c.output_value(),
    }];
    for order in 1..=max_order {
        let before = graph.len();
        if let Some(t) = target {
            let ext = extend(&graph, t, |_| {});
            graph = ext.graph;
            target = ext.gradient[wrt];
        }
        if graph.len() > MAX_HIGHER_NODES {
            return Err(EngineError::Limit {
                what: "the graph of higher derivatives",
                limit: MAX_HIGHER_NODES,
            });
        }
        let values = eval_graph(&graph, &c.inputs);
        out.push(OrderCount {
            order,
            nodes: graph.len(),
            live: live(&graph, target),
            added: graph.len() - before,
            value: target.map_or(0.0, |id| values[id.index()]),
        });
    }
    Ok(out)
}
