//! The forward-mode rule of every op, with numbers: the tangent ż of z = op(x₀, …) from
//! the inputs' tangents ẋ_k. Used to check the vjps through the dot-product identity
//! ⟨ż, v⟩ = Σ_k ⟨ẋ_k, x̄_k⟩ and for directional derivatives.

use crate::error::TensorError;
use crate::eval::eval;
use crate::kernels::reduce::keep_shape;
use crate::op::Op;
use crate::value::Value;

/// The tangent of `op` at inputs `x` (with value `z`) along input tangents `t`.
pub fn jvp<'a>(op: &Op, x: &[&'a Value], t: &[&'a Value], z: &Value) -> Result<Value, TensorError> {
    let ev = |op: Op, a: &[&Value]| eval(&op, a);
    let arg = |v: &[&'a Value], i: usize| -> Result<&'a Value, TensorError> {
        v.get(i)
            .copied()
            .ok_or_else(|| TensorError::structure(&op.label(), "missing argument"))
    };
    let (x0, t0) = (arg(x, 0), arg(t, 0));
    match op {
        Op::Input(_) | Op::Const => Err(TensorError::structure(&op.label(), "a leaf has no rule")),
        Op::Step => Ok(z.zeros_like()),
        // ż = ȧ ± ḃ
        Op::Add | Op::Sub => ev(op.clone(), &[t0?, arg(t, 1)?]),
        // ż = ȧ ⊙ b + a ⊙ ḃ
        Op::Mul => {
            let p = ev(Op::Mul, &[t0?, arg(x, 1)?])?;
            let q = ev(Op::Mul, &[x0?, arg(t, 1)?])?;
            ev(Op::Add, &[&p, &q])
        }
        // ż = (ȧ − z ⊙ ḃ) / b
        Op::Div => {
            let p = ev(Op::Mul, &[z, arg(t, 1)?])?;
            let q = ev(Op::Sub, &[t0?, &p])?;
            ev(Op::Div, &[&q, arg(x, 1)?])
        }
        // Linear ops: ż = op(ȧ)
        Op::Neg
        | Op::Transpose
        | Op::Reshape(_)
        | Op::BroadcastTo(_)
        | Op::SumTo(_)
        | Op::Sum(_)
        | Op::MakeTuple
        | Op::GetIndex(_)
        | Op::MakeDict(_)
        | Op::GetKey(_) => ev(op.clone(), t),
        // The template of a put only gives the shape: ż = put(ȧ, template)
        Op::PutIndex(_) | Op::PutKey(_) => ev(op.clone(), &[t0?, arg(x, 1)?]),
        // ż = c·a^(c−1) ⊙ ȧ
        Op::PowScalar(c) => {
            let d = x0?.map(&|a| c * a.powf(c - 1.0));
            ev(Op::Mul, &[&d, t0?])
        }
        // ż = z ⊙ ȧ
        Op::Exp => ev(Op::Mul, &[z, t0?]),
        // ż = ȧ / a
        Op::Log => ev(Op::Div, &[t0?, x0?]),
        // ż = (1 − z²) ⊙ ȧ
        Op::Tanh => ev(Op::Mul, &[&z.map(&|y| 1.0 - y * y), t0?]),
        // ż = 1[a > 0] ⊙ ȧ
        Op::Relu => ev(
            Op::Mul,
            &[&x0?.map(&|a| if a > 0.0 { 1.0 } else { 0.0 }), t0?],
        ),
        // ż = z(1 − z) ⊙ ȧ
        Op::Sigmoid => ev(Op::Mul, &[&z.map(&|y| y * (1.0 - y)), t0?]),
        // Ż = Ȧ B + A Ḃ
        Op::MatMul => {
            let p = ev(Op::MatMul, &[t0?, arg(x, 1)?])?;
            let q = ev(Op::MatMul, &[x0?, arg(t, 1)?])?;
            ev(Op::Add, &[&p, &q])
        }
        // ż = Σ_axis softmax(a) ⊙ ȧ
        Op::LogSumExp(axis) => {
            let a = x0?;
            let keep = keep_shape("logsumexp", &a.tensor("logsumexp")?.shape, *axis)?;
            let zk = ev(Op::Reshape(keep), &[z])?;
            let d = ev(Op::Sub, &[a, &zk])?;
            let soft = ev(Op::Exp, &[&d])?;
            let p = ev(Op::Mul, &[&soft, t0?])?;
            ev(Op::Sum(*axis), &[&p])
        }
    }
}

/// Forward mode over a whole graph: the tangent of every node up to `upto` when the
/// inputs move along `direction` (by input name; inputs not named stay still). The
/// last entry is the directional derivative of node `upto`.
pub fn graph_jvp(
    g: &crate::graph::Graph,
    upto: crate::graph::NodeId,
    direction: &std::collections::BTreeMap<String, Value>,
) -> Result<Vec<Value>, TensorError> {
    let mut tangents: Vec<Value> = Vec::with_capacity(upto.index() + 1);
    for n in g.nodes().iter().take(upto.index() + 1) {
        let t = match &n.op {
            Op::Input(name) => match direction.get(name) {
                Some(d) if d.same_form(&n.value) => d.clone(),
                Some(d) => {
                    return Err(TensorError::structure(
                        "direction",
                        format!(
                            "for `{name}` is {}, not {}",
                            d.describe(),
                            n.value.describe()
                        ),
                    ))
                }
                None => n.value.zeros_like(),
            },
            Op::Const => n.value.zeros_like(),
            op => {
                let x: Vec<&Value> = n.inputs.iter().map(|&i| g.value(i)).collect();
                let t: Vec<&Value> = n.inputs.iter().map(|i| &tangents[i.index()]).collect();
                jvp(op, &x, &t, &n.value)?
            }
        };
        tangents.push(t);
    }
    Ok(tangents)
}
