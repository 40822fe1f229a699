//! Higher derivatives: reverse AD run again on the extended graph (§2.5). The Hessian
//! row i is the gradient of the node holding ∂y/∂x_i; the n-th derivative of a
//! one-variable program extends the graph n times.

use super::compile::Compiled;
use super::extended::extend;
use crate::error::EngineError;
use crate::graph::{Graph, NodeId};
use crate::rules::eval::eval_graph;

/// The highest derivative order `nth_derivative` computes.
pub const MAX_ORDER: usize = 12;
/// The largest graph `nth_derivative` grows before it stops.
pub const MAX_HIGHER_NODES: usize = 2_000_000;

/// The Hessian and the node counts: forward graph, after one and after two extensions.
#[derive(Clone, Debug, PartialEq)]
pub struct Hessian {
    /// H[i][j] = ∂²y/∂x_i∂x_j.
    pub matrix: Vec<Vec<f64>>,
    /// Nodes: forward graph, first-order extended graph, largest second-order graph.
    pub node_counts: [usize; 3],
}

/// The most variables [`try_hessian`] accepts: the Hessian costs one extension per
/// variable and n² numbers.
pub const MAX_HESSIAN_VARIABLES: usize = 1_000;

/// [`hessian`], refusing programs of more than [`MAX_HESSIAN_VARIABLES`] variables with
/// a clear limit error instead of running for minutes and filling the memory.
pub fn try_hessian(c: &Compiled) -> Result<Hessian, EngineError> {
    if c.inputs.len() > MAX_HESSIAN_VARIABLES {
        return Err(EngineError::Limit {
            what: "the number of variables of a Hessian",
            limit: MAX_HESSIAN_VARIABLES,
        });
    }
    Ok(hessian(c))
}

/// The Hessian by reverse-over-reverse on the extended graph.
pub fn hessian(c: &Compiled) -> Hessian {
    let g = c.graph();
    let first = extend(g, c.output(), |_| {});
    let n = g.variables().len();
    let mut matrix = vec![vec![0.0; n]; n];
    let mut largest = first.graph.len();
    for (i, row) in matrix.iter_mut().enumerate() {
        let Some(gi) = first.gradient[i] else {
            continue;
        };
        let second = extend(&first.graph, gi, |_| {});
        largest = largest.max(second.graph.len());
        let values = eval_graph(&second.graph, &c.inputs);
        for (j, cell) in row.iter_mut().enumerate() {
            *cell = second.gradient[j].map_or(0.0, |id| values[id.index()]);
        }
    }
    Hessian {
        matrix,
        node_counts: [g.len(), first.graph.len(), largest],
    }
}

/// Derivatives of order 1..=order of a one-variable program, with the graph size after
/// each extension.
pub fn nth_derivatives(c: &Compiled, order: usize) -> Result<Vec<(f64, usize)>, EngineError> {
    if c.graph().variables().len() != 1 {
        return Err(EngineError::Invalid(format!(
            "n-th derivatives need a program of one variable; this one has {}",
            c.graph().variables().len()
        )));
    }
    if order > MAX_ORDER {
        return Err(EngineError::Limit {
            what: "the derivative order",
            limit: MAX_ORDER,
        });
    }
    let mut graph: Graph = c.graph().clone();
    let mut target: Option<NodeId> = Some(c.output());
    let mut out = Vec::with_capacity(order);
    for _ in 0..order {
        let Some(t) = target else {
            out.push((0.0, graph.len()));
            continue;
        };
        let ext = extend(&graph, t, |_| {});
        graph = ext.graph;
        if graph.len() > MAX_HIGHER_NODES {
            return Err(EngineError::Limit {
                what: "the graph of higher derivatives",
                limit: MAX_HIGHER_NODES,
            });
        }
        target = ext.gradient[0];
        let values = eval_graph(&graph, &c.inputs);
        out.push((target.map_or(0.0, |id| values[id.index()]), graph.len()));
    }
    Ok(out)
}
