//! Seeded random graphs shaped like the extended graph of reverse-mode AD, for tests,
//! benchmarks and the Graphviz comparison.
//!
//! [`extended_graph`]`(n, seed)` builds a forward program of `n` nodes (leaves, unary and
//! binary ops; fan-in 1–2, some values used 2–3 times, every value feeding the output) and
//! then its adjoint graph as reverse mode builds it: the seed `v̄ₙ₋₁`; for every op `j` and
//! input `i` a partial adjoint `pₖ = v̄ⱼ · ∂vⱼ/∂vᵢ` reading `v̄ⱼ` and usually one forward value
//! (the sibling input, `vⱼ` or `vᵢ`); and `v̄ᵢ` as the sum (a chain of binary adds) of its
//! partials. `v̄ᵢ` is pinned to `vᵢ`'s column; partials and intermediate sums are placed by
//! their inputs. That is about `2n` adjoint nodes. The result is a [`DotGraph`], so it can be
//! written with [`DotGraph::to_dot`] and laid out via [`DotGraph::to_layout_input`].

mod forward;

pub use adjoint_rng::SplitMix64;

use crate::dot::{DotEdge, DotGraph, DotNode};
use crate::Band;

/// A seeded extended AD graph with `forward` forward nodes; see the module docs.
pub fn extended_graph(forward: usize, seed: u64) -> DotGraph {
    let mut rng = SplitMix64::new(seed);
    let inputs = forward::program(forward, &mut rng);
    let mut b = Builder::default();
    for j in 0..forward {
        b.node(format!("v{j}"), Band::Forward);
    }
    for (j, ins) in inputs.iter().enumerate() {
        for &i in ins {
            b.edge(i, j);
        }
    }
    if forward > 0 {
        adjoints(&mut b, &inputs, &mut rng);
    }
    b.graph
}

/// Reverse sweep: build `v̄ⱼ` from its partials, then the partials for `j`'s inputs.
fn adjoints(b: &mut Builder, inputs: &[Vec<usize>], rng: &mut SplitMix64) {
    let n = inputs.len();
    let reaches = forward::reaches_output(inputs);
    let mut partials: Vec<Vec<usize>> = vec![Vec::new(); n];
    for j in (0..n).rev() {
        if !reaches[j] {
            continue;
        }
        let adj = if j == n - 1 {
            b.node(format!("v{j}_bar"), Band::Adjoint { column_of: Some(j) })
        } else {
            b.sum(j, &partials[j])
        };
        for (slot, &i) in inputs[j].iter().enumerate() {
            let p = b.node(
                format!("p{}", b.graph.nodes.len()),
                Band::Adjoint { column_of: None },
            );
            b.edge(adj, p);
            let read = match inputs[j].len() {
                2 if rng.chance(0.7) => Some(inputs[j][1 - slot]),
                2 => None,
                _ => [Some(j), Some(i), None][rng.below(3)],
            };
            if let Some(f) = read {
                b.edge(f, p);
            }
            partials[i].push(p);
        }
    }
}

/// Appends nodes and edges to a [`DotGraph`].
#[derive(Default)]
struct Builder {
    graph: DotGraph,
}

impl Builder {
    fn node(&mut self, id: String, band: Band) -> usize {
        self.graph.nodes.push(DotNode {
            id,
            label: None,
            band,
        });
        self.graph.nodes.len() - 1
    }

    fn edge(&mut self, src: usize, dst: usize) {
        self.graph.edges.push(DotEdge {
            src,
            dst,
            label: None,
        });
    }

    /// `v̄ⱼ` as the sum of its partials: a single partial is pinned and renamed; several are
    /// added pairwise, the last add being `v̄ⱼ`.
    fn sum(&mut self, j: usize, parts: &[usize]) -> usize {
        let pinned = Band::Adjoint { column_of: Some(j) };
        let Some((&first, rest)) = parts.split_first() else {
            return self.node(format!("v{j}_bar"), pinned);
        };
        if rest.is_empty() {
            self.graph.nodes[first].band = pinned;
            self.graph.nodes[first].id = format!("v{j}_bar");
            return first;
        }
        let mut acc = first;
        for (k, &p) in rest.iter().enumerate() {
            let last = k + 1 == rest.len();
            let (id, band) = if last {
                (format!("v{j}_bar"), pinned)
            } else {
                (
                    format!("s{}", self.graph.nodes.len()),
                    Band::Adjoint { column_of: None },
                )
            };
            let s = self.node(id, band);
            self.edge(acc, s);
            self.edge(p, s);
            acc = s;
        }
        acc
    }
}
