//! Sizes of expressions: as trees (every shared piece counted each time it is written)
//! and as DAGs (each distinct piece once). Counts are f64 so exponential swell cannot
//! overflow.

use serde::{Deserialize, Serialize};

use super::expr::{SymGraph, SymId};

/// A size: nodes and multiplications (`·` and `/`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cost {
    /// Nodes.
    pub nodes: f64,
    /// Multiplications and divisions.
    pub mults: f64,
}

/// The cost of writing each root out as a tree, summed over roots.
pub fn tree_cost(s: &SymGraph, roots: &[SymId]) -> Cost {
    let top = roots.iter().copied().max().map_or(0, |r| r as usize + 1);
    let mut per: Vec<Cost> = Vec::with_capacity(top);
    for i in 0..top {
        let e = s.get(i as SymId);
        let mut c = Cost {
            nodes: 1.0,
            mults: f64::from(u8::from(e.is_mul())),
        };
        for ch in e.children() {
            c.nodes += per[ch as usize].nodes;
            c.mults += per[ch as usize].mults;
        }
        per.push(c);
    }
    roots.iter().fold(Cost::default(), |acc, r| Cost {
        nodes: acc.nodes + per[*r as usize].nodes,
        mults: acc.mults + per[*r as usize].mults,
    })
}

/// The cost of the roots together as a DAG: each distinct node they reach, once.
pub fn dag_cost(s: &SymGraph, roots: &[SymId]) -> Cost {
    let top = roots.iter().copied().max().map_or(0, |r| r as usize + 1);
    let mut reached = vec![false; top];
    for r in roots {
        reached[*r as usize] = true;
    }
    let mut c = Cost::default();
    for i in (0..top).rev() {
        if !reached[i] {
            continue;
        }
        let e = s.get(i as SymId);
        c.nodes += 1.0;
        c.mults += f64::from(u8::from(e.is_mul()));
        for ch in e.children() {
            reached[ch as usize] = true;
        }
    }
    c
}
