//! Gradient checks for every op: the vjp against central differences, and the vjp
//! against the jvp through the dot-product identity ⟨J u, r⟩ = ⟨u, Jᵀ r⟩. The sample
//! inputs come from an exhaustive `match` over [`Op`], so a new op does not compile
//! until it has a case; [`all_ops`] lists one op of each kind next to it.

use std::collections::BTreeMap;

use adjoint_rng::SplitMix64;

use crate::array::Tensor;
use crate::error::TensorError;
use crate::eval::eval;
use crate::graph::{Graph, NodeId};
use crate::jvp::jvp;
use crate::op::Op;
use crate::reverse::{adjoint_value, backward};
use crate::value::Value;

/// One op of every kind, with the parameters the checks use.
pub fn all_ops() -> Vec<Op> {
    vec![
        Op::Input("x".into()),
        Op::Const,
        Op::Add,
        Op::Sub,
        Op::Mul,
        Op::Div,
        Op::Neg,
        Op::PowScalar(2.5),
        Op::Exp,
        Op::Log,
        Op::Tanh,
        Op::Relu,
        Op::Sigmoid,
        Op::Step,
        Op::MatMul,
        Op::Transpose,
        Op::Reshape(vec![3, 2]),
        Op::BroadcastTo(vec![2, 3]),
        Op::SumTo(vec![3]),
        Op::Sum(Some(1)),
        Op::Sum(None),
        Op::LogSumExp(Some(1)),
        Op::LogSumExp(None),
        Op::MakeTuple,
        Op::GetIndex(1),
        Op::PutIndex(0),
        Op::MakeDict(vec!["cat".into(), "dog".into()]),
        Op::GetKey("cat".into()),
        Op::PutKey("dog".into()),
    ]
}

/// A random tensor of `shape` with entries in ±[0.2, 1.2) (away from relu's kink).
fn rand(rng: &mut SplitMix64, shape: &[usize]) -> Value {
    let n = shape.iter().product();
    let data = (0..n)
        .map(|_| {
            let x = rng.sym();
            x + 0.2 * x.signum()
        })
        .collect();
    Value::Tensor(Tensor {
        shape: shape.to_vec(),
        data,
    })
}

/// A random tensor with positive entries in [0.5, 1.5) (for log, division, powers).
fn positive(rng: &mut SplitMix64, shape: &[usize]) -> Value {
    rand(rng, shape).map(&|x| x.abs() + 0.3)
}

/// Sample inputs for `op` (leaves have none). Exhaustive: no wildcard arm.
pub fn sample_inputs(op: &Op, seed: u64) -> Vec<Value> {
    let r = &mut SplitMix64::new(seed);
    let pet = |r: &mut SplitMix64| {
        let (a, b) = (rand(r, &[]), rand(r, &[2]));
        Value::Dict(BTreeMap::from([
            ("cat".to_string(), a),
            ("dog".to_string(), b),
        ]))
    };
    match op {
        Op::Input(_) | Op::Const => vec![],
        // Broadcasting [2, 3] with [3] exercises the shared unbroadcast helper.
        Op::Add | Op::Sub | Op::Mul => vec![rand(r, &[2, 3]), rand(r, &[3])],
        Op::Div => vec![rand(r, &[2, 1]), positive(r, &[2, 3])],
        Op::Neg | Op::Exp | Op::Tanh | Op::Relu | Op::Sigmoid | Op::Step | Op::Transpose => {
            vec![rand(r, &[2, 3])]
        }
        Op::PowScalar(_) | Op::Log => vec![positive(r, &[2, 3])],
        Op::MatMul => vec![rand(r, &[2, 3]), rand(r, &[3, 4])],
        Op::Reshape(_) | Op::SumTo(_) | Op::Sum(_) | Op::LogSumExp(_) => vec![rand(r, &[2, 3])],
        Op::BroadcastTo(_) => vec![rand(r, &[3])],
        Op::MakeTuple => vec![rand(r, &[2]), rand(r, &[])],
        Op::GetIndex(_) => vec![Value::Tuple(vec![rand(r, &[2]), rand(r, &[2, 2])])],
        Op::PutIndex(_) => vec![
            rand(r, &[2]),
            Value::Tuple(vec![rand(r, &[2]), rand(r, &[])]),
        ],
        Op::MakeDict(_) => vec![rand(r, &[]), rand(r, &[2])],
        Op::GetKey(_) => vec![pet(r)],
        Op::PutKey(_) => vec![rand(r, &[2]), pet(r)],
    }
}

/// The result of checking one op.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// The op.
    pub op: Op,
    /// Largest |vjp − central difference| / max(1, |central difference|) over all
    /// entries of all inputs.
    pub vjp_error: f64,
    /// |⟨J u, r⟩ − ⟨u, Jᵀ r⟩| / max(1, |⟨J u, r⟩|) for random u and r.
    pub identity_error: f64,
}

/// Checks `op` at `inputs` with random cotangent and tangents from `seed`.
pub fn check_op(op: &Op, inputs: &[Value], seed: u64) -> Result<Check, TensorError> {
    let mut g = Graph::new();
    let ids: Vec<NodeId> = inputs
        .iter()
        .enumerate()
        .map(|(k, v)| g.leaf(Op::Input(format!("a{k}")), v.clone()))
        .collect::<Result<_, _>>()?;
    let z = g.push(op.clone(), &ids)?;
    let mut rng = SplitMix64::new(seed ^ 0x9e37_79b9);
    let zv = g.value(z).clone();
    let r = zv.with_flat(&(0..zv.flat().len()).map(|_| rng.sym()).collect::<Vec<_>>());
    let b = backward(&mut g, z, Some(r.clone()))?;
    let bars: Vec<Value> = ids.iter().map(|&i| adjoint_value(&g, &b, i)).collect();
    // Central differences of f(x) = ⟨r, op(x)⟩ in every entry of every input.
    let f = |args: &[Value]| -> Result<f64, TensorError> {
        let refs: Vec<&Value> = args.iter().collect();
        Ok(eval(op, &refs)?.dot(&r))
    };
    let h = 1e-6;
    let mut vjp_error: f64 = 0.0;
    for (k, x) in inputs.iter().enumerate() {
        let flat = x.flat();
        let bar = bars[k].flat();
        for e in 0..flat.len() {
            let mut args = inputs.to_vec();
            let mut up = flat.clone();
            up[e] += h;
            args[k] = x.with_flat(&up);
            let fp = f(&args)?;
            up[e] -= 2.0 * h;
            args[k] = x.with_flat(&up);
            let fm = f(&args)?;
            let num = (fp - fm) / (2.0 * h);
            let err = (bar.get(e).copied().unwrap_or(f64::NAN) - num).abs() / num.abs().max(1.0);
            vjp_error = vjp_error.max(if err.is_nan() { f64::INFINITY } else { err });
        }
    }
    // ⟨J u, r⟩ = Σ_k ⟨u_k, x̄_k⟩
    let us: Vec<Value> = inputs
        .iter()
        .map(|x| x.with_flat(&(0..x.flat().len()).map(|_| rng.sym()).collect::<Vec<_>>()))
        .collect();
    let xs: Vec<&Value> = inputs.iter().collect();
    let ts: Vec<&Value> = us.iter().collect();
    let lhs = jvp(op, &xs, &ts, &zv)?.dot(&r);
    let rhs: f64 = us.iter().zip(&bars).map(|(u, b)| u.dot(b)).sum();
    Ok(Check {
        op: op.clone(),
        vjp_error,
        identity_error: (lhs - rhs).abs() / lhs.abs().max(1.0),
    })
}

/// Checks every op of [`all_ops`] but the leaves.
pub fn check_all(seed: u64) -> Result<Vec<Check>, TensorError> {
    all_ops()
        .iter()
        .filter(|op| !op.is_leaf())
        .map(|op| check_op(op, &sample_inputs(op, seed), seed))
        .collect()
}
