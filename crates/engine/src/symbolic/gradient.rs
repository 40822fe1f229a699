//! The symbolic gradient of a program, its size naive and shared, against reverse AD;
//! and the lecture's ∏θ_i example at any n.

use serde::{Deserialize, Serialize};

use super::count::{dag_cost, tree_cost, Cost};
use super::diff::derivative;
use super::expr::{SExpr, SymGraph, SymId};
use crate::error::EngineError;
use crate::graph::{Graph, Op};
use crate::modes::compile::Compiled;
use crate::modes::extended::extend;
use crate::render::Term;

/// The largest n `product_costs` accepts (the naive count grows as n²).
pub const MAX_PRODUCT_N: usize = 2000;
/// Largest tree printed as a formula.
pub const MAX_PRINTED_NODES: f64 = 400.0;

/// A symbolic gradient with its costs.
#[derive(Clone, Debug)]
pub struct SymbolicGradient {
    /// The arena holding the function and its derivatives.
    pub exprs: SymGraph,
    /// The function itself.
    pub function: SymId,
    /// ∂f/∂x_k for each variable (`None`: zero).
    pub partials: Vec<Option<SymId>>,
    /// The derivatives written out as trees.
    pub naive: Cost,
    /// The derivatives as one DAG with shared subexpressions.
    pub shared: Cost,
    /// Reverse AD's extended graph: all nodes, and its multiplication-like nodes.
    pub reverse_ad: Cost,
}

impl SymbolicGradient {
    /// ∂f/∂x_k as a formula, or `None` when zero-free printing would be too large.
    pub fn formula(&self, k: usize) -> Option<Term> {
        match self.partials.get(k).copied().flatten() {
            Some(id) => self.exprs.to_term(id, MAX_PRINTED_NODES),
            None => Some(Term::Num(0.0)),
        }
    }

    /// ∂f/∂x_k evaluated at `inputs`.
    pub fn value(&self, k: usize, inputs: &[f64]) -> f64 {
        self.partials
            .get(k)
            .copied()
            .flatten()
            .map_or(0.0, |id| self.exprs.eval(id, inputs))
    }
}

/// The cost of reverse AD on `g`: nodes and multiplications of the extended graph.
fn reverse_ad_cost(g: &Graph, output: crate::graph::NodeId) -> Cost {
    let ext = extend(g, output, |_| {});
    let mults = ext
        .graph
        .nodes()
        .iter()
        .filter(|n| {
            matches!(
                n.op,
                Op::Mul | Op::Div | Op::MulScalar(_) | Op::DivScalar(_) | Op::RDivScalar(_)
            )
        })
        .count();
    Cost {
        nodes: ext.graph.len() as f64,
        mults: mults as f64,
    }
}

/// Differentiates the program symbolically by every variable.
pub fn symbolic_gradient(c: &Compiled) -> SymbolicGradient {
    let (mut exprs, ids) = SymGraph::from_graph(c.graph());
    let function = ids[c.output().index()];
    let n = c.graph().variables().len() as u32;
    let partials: Vec<Option<SymId>> = (0..n)
        .map(|k| derivative(&mut exprs, function, k))
        .collect();
    let roots: Vec<SymId> = partials.iter().flatten().copied().collect();
    SymbolicGradient {
        naive: tree_cost(&exprs, &roots),
        shared: dag_cost(&exprs, &roots),
        reverse_ad: reverse_ad_cost(c.graph(), c.output()),
        exprs,
        function,
        partials,
    }
}

/// The three multiplication counts for the full gradient of f = θ₀·θ₁·…·θ_{n−1}.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductCosts {
    /// n.
    pub n: usize,
    /// Naive symbolic: each ∂f/∂θ_k written out (n(n−1)).
    pub naive: f64,
    /// Symbolic with shared subexpressions.
    pub shared: f64,
    /// Reverse AD: the forward product plus two per node on the way back.
    pub reverse_ad: f64,
}

/// Builds ∏θ_i (left fold) and counts, for the lecture's example.
pub fn product_costs(n: usize) -> Result<ProductCosts, EngineError> {
    if !(2..=MAX_PRODUCT_N).contains(&n) {
        return Err(EngineError::Invalid(format!(
            "n must be between 2 and {MAX_PRODUCT_N} (it was {n})"
        )));
    }
    let mut g = Graph::new();
    let mut f = g.input("θ0");
    for i in 1..n {
        let t = g.input(&format!("θ{i}"));
        f = g.push(Op::Mul, &[f, t]);
    }
    let (mut s, ids) = SymGraph::from_graph(&g);
    let root = ids[f.index()];
    let roots: Vec<SymId> = (0..n as u32)
        .filter_map(|k| derivative(&mut s, root, k))
        .collect();
    let ad = reverse_ad_cost(&g, f);
    debug_assert!(matches!(s.get(root), SExpr::Mul(..)));
    Ok(ProductCosts {
        n,
        naive: tree_cost(&s, &roots).mults,
        shared: dag_cost(&s, &roots).mults,
        reverse_ad: ad.mults,
    })
}
