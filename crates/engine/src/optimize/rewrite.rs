//! The rewriting passes, one forward walk each (ids are a topological order, so a node's
//! inputs are already rewritten when it is reached). No recursion.

use std::collections::HashMap;
use std::mem::Discriminant;

use smallvec::SmallVec;

use super::Report;
use crate::graph::{Graph, NodeId, Op};
use crate::rules::eval::eval_scalar;

/// The identity of a node for common-subexpression elimination.
type Key = (Discriminant<Op>, u64, SmallVec<[NodeId; 2]>);

fn key(op: Op, inputs: &[NodeId]) -> Key {
    let constant = match op {
        Op::Input(k) => u64::from(k),
        Op::Const(c)
        | Op::AddScalar(c)
        | Op::SubScalar(c)
        | Op::RSubScalar(c)
        | Op::MulScalar(c)
        | Op::DivScalar(c)
        | Op::RDivScalar(c)
        | Op::PowScalar(c)
        | Op::RPowScalar(c) => c.to_bits(),
        _ => 0,
    };
    let mut ins: SmallVec<[NodeId; 2]> = SmallVec::from_slice(inputs);
    // a+b = b+a, ab = ba: order does not matter for these.
    if matches!(op, Op::Add | Op::Mul | Op::Sum) {
        adjoint_order::sort(&mut ins);
    }
    (std::mem::discriminant(&op), constant, ins)
}

/// What a node becomes: an existing node, or a (possibly changed) op to build.
enum Outcome {
    Alias(NodeId),
    Build(Op, SmallVec<[NodeId; 2]>),
}

fn const_of(g: &Graph, id: NodeId) -> Option<f64> {
    match g.node(id).op {
        Op::Const(c) => Some(c),
        _ => None,
    }
}

/// Algebraic identities: returns the input a node reduces to, if any.
fn identity(g: &Graph, op: Op, ins: &[NodeId]) -> Option<Outcome> {
    let c = |i: usize| ins.get(i).and_then(|&id| const_of(g, id));
    let alias = |i: usize| ins.get(i).map(|&id| Outcome::Alias(id));
    match op {
        Op::Id => alias(0),
        Op::MulScalar(k) | Op::DivScalar(k) | Op::PowScalar(k) if k == 1.0 => alias(0),
        Op::AddScalar(k) | Op::SubScalar(k) if k == 0.0 => alias(0),
        Op::Sum if ins.len() == 1 => alias(0),
        Op::Mul if c(0) == Some(1.0) => alias(1),
        Op::Mul | Op::Div if c(1) == Some(1.0) => alias(0),
        Op::Add if c(0) == Some(0.0) => alias(1),
        Op::Add | Op::Sub if c(1) == Some(0.0) => alias(0),
        Op::Neg => match ins.first().map(|&a| (a, g.node(a))) {
            Some((_, inner)) if inner.op == Op::Neg => {
                inner.inputs.first().map(|&x| Outcome::Alias(x))
            }
            _ => None,
        },
        // A constant times a node is a scalar op: 2·a → a×2.
        Op::Mul => match (c(0), c(1)) {
            (Some(k), None) => Some(Outcome::Build(
                Op::MulScalar(k),
                SmallVec::from_slice(&ins[1..2]),
            )),
            (None, Some(k)) => Some(Outcome::Build(
                Op::MulScalar(k),
                SmallVec::from_slice(&ins[..1]),
            )),
            _ => None,
        },
        _ => None,
    }
}

/// Removes identities, folds constants and merges duplicates in one walk.
/// Returns the new graph, the old→new id map and the counts.
pub fn simplify_and_merge(g: &Graph) -> (Graph, Vec<NodeId>, Report) {
    let mut out = Graph::new();
    let mut map: Vec<NodeId> = Vec::with_capacity(g.len());
    let mut seen: HashMap<Key, NodeId> = HashMap::new();
    let mut report = Report::default();
    let mut args: Vec<f64> = Vec::new();
    for (i, node) in g.nodes().iter().enumerate() {
        let ins: SmallVec<[NodeId; 2]> = node.inputs.iter().map(|j| map[j.index()]).collect();
        let mut outcome = Outcome::Build(node.op, ins);
        if let Outcome::Build(op, ins) = &outcome {
            if let Some(simpler) = identity(&out, *op, ins) {
                report.identities += usize::from(matches!(simpler, Outcome::Alias(_)));
                outcome = simpler;
            }
        }
        if let Outcome::Build(op, ins) = &outcome {
            let all_const = !ins.is_empty() && ins.iter().all(|&j| const_of(&out, j).is_some());
            if all_const {
                args.clear();
                args.extend(ins.iter().filter_map(|&j| const_of(&out, j)));
                report.folded += 1;
                outcome = Outcome::Build(Op::Const(eval_scalar(*op, &args)), SmallVec::new());
            }
        }
        let id = match outcome {
            Outcome::Alias(a) => a,
            Outcome::Build(op, ins) => {
                let k = key(op, &ins);
                match seen.get(&k) {
                    Some(&existing) => {
                        report.merged += 1;
                        existing
                    }
                    None => {
                        let id = match op {
                            Op::Input(v) => out.input(&g.variables()[v as usize]),
                            _ => out.push(op, &ins),
                        };
                        if let Some(name) = g.name(NodeId(i as u32)) {
                            out.set_name(id, name);
                        }
                        seen.insert(k, id);
                        id
                    }
                }
            }
        };
        map.push(id);
    }
    (out, map, report)
}

/// Keeps the inputs and the ancestors of `roots`; returns the graph and the id map.
pub fn drop_dead(g: &Graph, roots: &[NodeId]) -> (Graph, Vec<NodeId>) {
    let mut live = vec![false; g.len()];
    for r in roots {
        live[r.index()] = true;
    }
    for i in (0..g.len()).rev() {
        if live[i] || matches!(g.nodes()[i].op, Op::Input(_)) {
            live[i] = true;
            for j in &g.nodes()[i].inputs {
                live[j.index()] = true;
            }
        }
    }
    let mut out = Graph::new();
    let mut map = vec![NodeId(u32::MAX); g.len()];
    for (i, node) in g.nodes().iter().enumerate().filter(|(i, _)| live[*i]) {
        let id = match node.op {
            Op::Input(v) => out.input(&g.variables()[v as usize]),
            op => {
                let ins: Vec<NodeId> = node.inputs.iter().map(|j| map[j.index()]).collect();
                out.push(op, &ins)
            }
        };
        if let Some(name) = g.name(NodeId(i as u32)) {
            out.set_name(id, name);
        }
        map[i] = id;
    }
    (out, map)
}
