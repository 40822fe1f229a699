//! Reverse AD's rule per op, building graph nodes: the partial adjoint v̄_{k→i} that
//! node i sends to its k-th input, made of ordinary ops (so it can be differentiated
//! again). `g` is the adjoint node v̄_i; `v` is the node i itself, reused where the
//! derivative is the value (exp) so no new exp node is made.

use crate::graph::{NodeId, Op};

/// Where new nodes go; the extended-graph builder records each push as an event.
pub trait NodeSink {
    /// Appends `op(inputs)` and returns its id.
    fn push(&mut self, op: Op, inputs: &[NodeId]) -> NodeId;
}

/// The partial adjoint for input `k` of node `v = op(a)` with adjoint `g`, or `None` when
/// it is identically zero. May return an existing node (`g` itself for +).
pub fn vjp(
    op: Op,
    k: usize,
    a: &[NodeId],
    v: NodeId,
    g: NodeId,
    s: &mut impl NodeSink,
) -> Option<NodeId> {
    let x = a.first().copied().unwrap_or(v);
    let y = a.get(1).copied().unwrap_or(v);
    Some(match op {
        Op::Input(_) | Op::Const(_) => return None,
        // v̄_{k→i} = v̄_i · 1
        Op::Id | Op::Add | Op::Sum | Op::AddScalar(_) | Op::SubScalar(_) => g,
        // v̄_{a→i} = v̄_i · (−1)
        Op::Neg | Op::RSubScalar(_) => s.push(Op::Neg, &[g]),
        // a − b: ā = g, b̄ = −g
        Op::Sub if k == 0 => g,
        Op::Sub => s.push(Op::Neg, &[g]),
        // ab: ā = g·b, b̄ = g·a
        Op::Mul if k == 0 => s.push(Op::Mul, &[g, y]),
        Op::Mul => s.push(Op::Mul, &[g, x]),
        // a/b: ā = g/b, b̄ = −(g·v)/b
        Op::Div if k == 0 => s.push(Op::Div, &[g, y]),
        Op::Div => {
            let gv = s.push(Op::Mul, &[g, v]);
            let q = s.push(Op::Div, &[gv, y]);
            s.push(Op::Neg, &[q])
        }
        // a^b: ā = g·(b·a^(b−1)), b̄ = g·(v·ln a)
        Op::Pow if k == 0 => {
            let e = s.push(Op::SubScalar(1.0), &[y]);
            let p = s.push(Op::Pow, &[x, e]);
            let d = s.push(Op::Mul, &[y, p]);
            s.push(Op::Mul, &[g, d])
        }
        Op::Pow => {
            let l = s.push(Op::Ln, &[x]);
            let d = s.push(Op::Mul, &[v, l]);
            s.push(Op::Mul, &[g, d])
        }
        // a·c: ā = g·c
        Op::MulScalar(c) => s.push(Op::MulScalar(c), &[g]),
        // a/c: ā = g/c
        Op::DivScalar(c) => s.push(Op::DivScalar(c), &[g]),
        // c/a: ā = −(g·v)/a
        Op::RDivScalar(_) => {
            let gv = s.push(Op::Mul, &[g, v]);
            let q = s.push(Op::Div, &[gv, x]);
            s.push(Op::Neg, &[q])
        }
        // a^c: ā = g·(c·a^(c−1)); c = 1 passes g through, c = 2 gives g·(2a)
        Op::PowScalar(1.0) => g,
        Op::PowScalar(2.0) => {
            let d = s.push(Op::MulScalar(2.0), &[x]);
            s.push(Op::Mul, &[g, d])
        }
        Op::PowScalar(c) => {
            let p = s.push(Op::PowScalar(c - 1.0), &[x]);
            let d = s.push(Op::MulScalar(c), &[p]);
            s.push(Op::Mul, &[g, d])
        }
        // c^a: ā = g·(v·ln c)
        Op::RPowScalar(c) => {
            let d = s.push(Op::MulScalar(c.ln()), &[v]);
            s.push(Op::Mul, &[g, d])
        }
        // ln a: ā = g/a
        Op::Ln => s.push(Op::Div, &[g, x]),
        // e^a: ā = g·v (reuses the forward node v = e^a)
        Op::Exp => s.push(Op::Mul, &[g, v]),
        // sin a: ā = g·cos a
        Op::Sin => {
            let c = s.push(Op::Cos, &[x]);
            s.push(Op::Mul, &[g, c])
        }
        // cos a: ā = g·(−sin a)
        Op::Cos => {
            let sn = s.push(Op::Sin, &[x]);
            let n = s.push(Op::Neg, &[sn]);
            s.push(Op::Mul, &[g, n])
        }
        // tan a: ā = g·(1 + v²)
        Op::Tan => {
            let sq = s.push(Op::PowScalar(2.0), &[v]);
            let d = s.push(Op::AddScalar(1.0), &[sq]);
            s.push(Op::Mul, &[g, d])
        }
        // tanh a: ā = g·(1 − v²)
        Op::Tanh => {
            let sq = s.push(Op::PowScalar(2.0), &[v]);
            let d = s.push(Op::RSubScalar(1.0), &[sq]);
            s.push(Op::Mul, &[g, d])
        }
        // √a: ā = g/(2v)
        Op::Sqrt => {
            let d = s.push(Op::MulScalar(2.0), &[v]);
            s.push(Op::Div, &[g, d])
        }
        // σ(a): ā = g·(v·(1 − v))
        Op::Sigmoid => {
            let m = s.push(Op::RSubScalar(1.0), &[v]);
            let d = s.push(Op::Mul, &[v, m]);
            s.push(Op::Mul, &[g, d])
        }
        // relu a: ā = g·[a > 0]
        Op::Relu => {
            let st = s.push(Op::Step, &[x]);
            s.push(Op::Mul, &[g, st])
        }
        // [a > 0] is flat: no adjoint flows.
        Op::Step => return None,
    })
}
