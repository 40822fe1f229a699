//! The reverse rule of every op as graph-building code: given node z = op(x₀, x₁, …) and
//! its adjoint node z̄, the partial adjoint x̄_k is made of new graph nodes, so the
//! extended graph can be differentiated again (gradient of a gradient).

use crate::error::TensorError;
use crate::graph::{Graph, NodeId};
use crate::kernels::reduce::keep_shape;
use crate::op::Op;
use crate::value::Value;

/// The one broadcasting helper of every vjp: `x` summed down to `shape` when a
/// broadcasting op stretched the input to a larger shape, or `x` itself when the shapes
/// already agree (structures always agree).
pub fn unbroadcast(g: &mut Graph, x: NodeId, like: NodeId) -> Result<NodeId, TensorError> {
    match (g.value(x), g.value(like)) {
        (Value::Tensor(t), Value::Tensor(target)) if t.shape != target.shape => {
            let shape = target.shape.clone();
            g.push(Op::SumTo(shape), &[x])
        }
        _ => Ok(x),
    }
}

/// The shape of tensor node `id` (empty for a structure; callers only ask tensors).
fn shape_of(g: &Graph, id: NodeId) -> Vec<usize> {
    match g.value(id) {
        Value::Tensor(t) => t.shape.clone(),
        _ => vec![],
    }
}

/// The partial adjoint x̄_k of input `k` of node `z` whose adjoint node is `zbar`;
/// `None` when nothing flows (a zero derivative, or the shape template of a put).
pub fn vjp(
    g: &mut Graph,
    z: NodeId,
    k: usize,
    zbar: NodeId,
) -> Result<Option<NodeId>, TensorError> {
    // Only the op and the inputs: cloning the node would copy its value.
    let (op, inputs) = (g.node(z).op.clone(), g.node(z).inputs.clone());
    let x = |i: usize| inputs.get(i).copied().unwrap_or(z);
    let xk = x(k);
    let out = match &op {
        Op::Input(_) | Op::Const | Op::Step => return Ok(None),
        // z = a ± b (broadcast): ā = unbroadcast(z̄), b̄ = ±unbroadcast(z̄)
        Op::Add => unbroadcast(g, zbar, xk)?,
        Op::Sub if k == 0 => unbroadcast(g, zbar, xk)?,
        Op::Sub => {
            let n = g.push(Op::Neg, &[zbar])?;
            unbroadcast(g, n, xk)?
        }
        // z = a ⊙ b: ā = unbroadcast(z̄ ⊙ b), b̄ = unbroadcast(z̄ ⊙ a)
        Op::Mul => {
            let p = g.push(Op::Mul, &[zbar, x(1 - k)])?;
            unbroadcast(g, p, xk)?
        }
        // z = a / b: ā = unbroadcast(z̄ / b), b̄ = unbroadcast(−(z̄ ⊙ z) / b)
        Op::Div if k == 0 => {
            let p = g.push(Op::Div, &[zbar, x(1)])?;
            unbroadcast(g, p, xk)?
        }
        Op::Div => {
            let p = g.push(Op::Mul, &[zbar, z])?;
            let q = g.push(Op::Div, &[p, x(1)])?;
            let r = g.push(Op::Neg, &[q])?;
            unbroadcast(g, r, xk)?
        }
        // z = −a: ā = −z̄
        Op::Neg => g.push(Op::Neg, &[zbar])?,
        // z = a^c: ā = z̄ ⊙ c·a^(c−1)
        Op::PowScalar(c) => {
            let c = *c;
            // a^1 is a itself: x² gives the lecture's 2·a, not 2·a^1.
            let p = if c == 2.0 {
                xk
            } else {
                g.push(Op::PowScalar(c - 1.0), &[xk])?
            };
            let cn = g.scalar(c)?;
            let q = g.push(Op::Mul, &[cn, p])?;
            g.push(Op::Mul, &[zbar, q])?
        }
        // z = exp a: ā = z̄ ⊙ z
        Op::Exp => g.push(Op::Mul, &[zbar, z])?,
        // z = log a: ā = z̄ / a
        Op::Log => g.push(Op::Div, &[zbar, xk])?,
        // z = tanh a: ā = z̄ ⊙ (1 − z²) = z̄ − z̄ ⊙ z²
        Op::Tanh => {
            let sq = g.push(Op::PowScalar(2.0), &[z])?;
            let p = g.push(Op::Mul, &[zbar, sq])?;
            g.push(Op::Sub, &[zbar, p])?
        }
        // z = relu a: ā = z̄ ⊙ 1[a > 0]
        Op::Relu => {
            let s = g.push(Op::Step, &[xk])?;
            g.push(Op::Mul, &[zbar, s])?
        }
        // z = σ(a): ā = z̄ ⊙ z(1 − z) = z̄ ⊙ (z − z²)
        Op::Sigmoid => {
            let sq = g.push(Op::PowScalar(2.0), &[z])?;
            let d = g.push(Op::Sub, &[z, sq])?;
            g.push(Op::Mul, &[zbar, d])?
        }
        // Z = X W: X̄ = Z̄ Wᵀ, W̄ = Xᵀ Z̄ (lecture §2.6)
        Op::MatMul if k == 0 => {
            let wt = g.push(Op::Transpose, &[x(1)])?;
            g.push(Op::MatMul, &[zbar, wt])?
        }
        Op::MatMul => {
            let xt = g.push(Op::Transpose, &[x(0)])?;
            g.push(Op::MatMul, &[xt, zbar])?
        }
        // Z = Aᵀ: Ā = Z̄ᵀ
        Op::Transpose => g.push(Op::Transpose, &[zbar])?,
        // z = reshape(a): ā = reshape(z̄, shape of a)
        Op::Reshape(_) => {
            let s = shape_of(g, xk);
            g.push(Op::Reshape(s), &[zbar])?
        }
        // z = broadcast_to(a): ā = sum_to_shape(z̄, shape of a)
        Op::BroadcastTo(_) => unbroadcast(g, zbar, xk)?,
        // z = sum_to_shape(a): ā = broadcast_to(z̄, shape of a)
        Op::SumTo(_) => {
            let s = shape_of(g, xk);
            g.push(Op::BroadcastTo(s), &[zbar])?
        }
        // z = Σ_axis a: ā = broadcast_to(z̄ with the axis put back as size 1, shape of a)
        Op::Sum(None) => {
            let s = shape_of(g, xk);
            g.push(Op::BroadcastTo(s), &[zbar])?
        }
        Op::Sum(axis) => {
            let s = shape_of(g, xk);
            let kept = g.push(Op::Reshape(keep_shape("sum", &s, *axis)?), &[zbar])?;
            g.push(Op::BroadcastTo(s), &[kept])?
        }
        // z = log Σ_axis exp a: ā = z̄ ⊙ exp(a − z) = z̄ ⊙ softmax(a), z̄ and z broadcast
        // back along the axis
        Op::LogSumExp(axis) => {
            let keep = keep_shape("logsumexp", &shape_of(g, xk), *axis)?;
            let zk = g.push(Op::Reshape(keep.clone()), &[z])?;
            let d = g.push(Op::Sub, &[xk, zk])?;
            let soft = g.push(Op::Exp, &[d])?;
            let bk = g.push(Op::Reshape(keep), &[zbar])?;
            g.push(Op::Mul, &[bk, soft])?
        }
        // z = (a₀, a₁, …): ā_k = z̄[k]
        Op::MakeTuple => g.push(Op::GetIndex(k), &[zbar])?,
        // z = t[i]: t̄ = (0, …, z̄ at i, …, 0) (lecture §2.7: same structure as t)
        Op::GetIndex(i) => g.push(Op::PutIndex(*i), &[zbar, xk])?,
        // z = put_i(a, t): ā = z̄[i]; the template t only gives the shape
        Op::PutIndex(i) if k == 0 => g.push(Op::GetIndex(*i), &[zbar])?,
        // z = {"k": a_k}: ā_k = z̄["k"]
        Op::MakeDict(keys) => {
            let key = keys.get(k).cloned().unwrap_or_default();
            g.push(Op::GetKey(key), &[zbar])?
        }
        // b = d["cat"]: d̄ = {"cat": b̄, others: 0} (lecture §2.7)
        Op::GetKey(key) => g.push(Op::PutKey(key.clone()), &[zbar, xk])?,
        Op::PutKey(key) if k == 0 => g.push(Op::GetKey(key.clone()), &[zbar])?,
        Op::PutIndex(_) | Op::PutKey(_) => return Ok(None),
    };
    Ok(Some(out))
}
