//! The forward rule of every op: its value from its inputs' values, with shapes checked.

use std::collections::BTreeMap;

use crate::error::TensorError;
use crate::kernels::broadcast::{broadcast_to, sum_to_shape, zip_with};
use crate::kernels::{linalg, reduce};
use crate::op::Op;
use crate::value::{dict_from, try_dict_from, Value};

/// The logistic function `σ(x) = 1/(1 + e^−x)`, computed without overflow.
pub fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// The `n` arguments of `op`, or an error.
fn args<'a, const N: usize>(op: &Op, a: &[&'a Value]) -> Result<[&'a Value; N], TensorError> {
    a.to_vec().try_into().map_err(|_| {
        TensorError::structure(
            &op.label(),
            format!("takes {N} argument(s), got {}", a.len()),
        )
    })
}

/// `f` entry by entry on one tensor argument.
fn unary(op: &Op, a: &[&Value], f: impl Fn(f64) -> f64) -> Result<Value, TensorError> {
    let [x] = args::<1>(op, a)?;
    Ok(Value::Tensor(x.tensor(&op.label())?.map(f)))
}

/// `f` entry by entry on two broadcast tensor arguments.
fn binary(op: &Op, a: &[&Value], f: impl Fn(f64, f64) -> f64) -> Result<Value, TensorError> {
    let [x, y] = args::<2>(op, a)?;
    let name = op.label();
    Ok(Value::Tensor(zip_with(
        &name,
        x.tensor(&name)?,
        y.tensor(&name)?,
        f,
    )?))
}

/// `a + b`: broadcast tensors, or two structures of the same form entry by entry.
fn add(a: &Value, b: &Value) -> Result<Value, TensorError> {
    match (a, b) {
        (Value::Tensor(x), Value::Tensor(y)) => {
            Ok(Value::Tensor(zip_with("+", x, y, |p, q| p + q)?))
        }
        (Value::Tuple(x), Value::Tuple(y)) if x.len() == y.len() => Ok(Value::Tuple(
            x.iter()
                .zip(y)
                .map(|(p, q)| add(p, q))
                .collect::<Result<_, _>>()?,
        )),
        (Value::Dict(x), Value::Dict(y)) if x.keys().eq(y.keys()) => {
            Ok(Value::Dict(try_dict_from(
                x.iter()
                    .zip(y.values())
                    .map(|((k, p), q)| Ok((k.clone(), add(p, q)?))),
            )?))
        }
        _ => Err(TensorError::structure(
            "+",
            format!("cannot add {} and {}", a.describe(), b.describe()),
        )),
    }
}

/// The value of `op` at `a`.
pub fn eval(op: &Op, a: &[&Value]) -> Result<Value, TensorError> {
    let name = op.label();
    match op {
        Op::Input(_) | Op::Const => Err(TensorError::structure(
            &name,
            "a leaf has no rule; its value is given",
        )),
        // z = a + b
        Op::Add => {
            let [x, y] = args::<2>(op, a)?;
            add(x, y)
        }
        Op::Sub => binary(op, a, |x, y| x - y),
        Op::Mul => binary(op, a, |x, y| x * y),
        Op::Div => binary(op, a, |x, y| x / y),
        Op::Neg => unary(op, a, |x| -x),
        // Squares are common (tanh′, σ′) and x·x is much cheaper than powf.
        Op::PowScalar(c) if *c == 2.0 => unary(op, a, |x| x * x),
        Op::PowScalar(c) => unary(op, a, |x| x.powf(*c)),
        Op::Exp => unary(op, a, f64::exp),
        Op::Log => unary(op, a, f64::ln),
        Op::Tanh => unary(op, a, f64::tanh),
        Op::Relu => unary(op, a, |x| x.max(0.0)),
        Op::Sigmoid => unary(op, a, sigmoid),
        Op::Step => unary(op, a, |x| if x > 0.0 { 1.0 } else { 0.0 }),
        Op::MatMul => {
            let [x, y] = args::<2>(op, a)?;
            Ok(Value::Tensor(linalg::matmul(
                x.tensor(&name)?,
                y.tensor(&name)?,
            )?))
        }
        Op::Transpose => {
            let [x] = args::<1>(op, a)?;
            Ok(Value::Tensor(linalg::transpose(x.tensor(&name)?)?))
        }
        Op::Reshape(s) => {
            let [x] = args::<1>(op, a)?;
            Ok(Value::Tensor(x.tensor("reshape")?.reshape(s)?))
        }
        Op::BroadcastTo(s) => {
            let [x] = args::<1>(op, a)?;
            Ok(Value::Tensor(broadcast_to(x.tensor("broadcast_to")?, s)?))
        }
        Op::SumTo(s) => {
            let [x] = args::<1>(op, a)?;
            Ok(Value::Tensor(sum_to_shape(x.tensor("sum_to_shape")?, s)?))
        }
        Op::Sum(axis) => {
            let [x] = args::<1>(op, a)?;
            Ok(Value::Tensor(reduce::sum(x.tensor("sum")?, *axis)?))
        }
        Op::LogSumExp(axis) => {
            let [x] = args::<1>(op, a)?;
            Ok(Value::Tensor(reduce::logsumexp(
                x.tensor("logsumexp")?,
                *axis,
            )?))
        }
        Op::MakeTuple => Ok(Value::Tuple(a.iter().map(|&v| v.clone()).collect())),
        Op::GetIndex(i) => {
            let [x] = args::<1>(op, a)?;
            match x {
                Value::Tuple(items) => items.get(*i).cloned().ok_or_else(|| {
                    TensorError::structure(
                        "index",
                        format!("index {i} is out of range for a tuple of {}", items.len()),
                    )
                }),
                other => Err(TensorError::structure(
                    "index",
                    format!("[{i}] needs a tuple, got {}", other.describe()),
                )),
            }
        }
        Op::PutIndex(i) => {
            let [x, like] = args::<2>(op, a)?;
            let Value::Tuple(items) = like else {
                return Err(TensorError::structure(
                    &name,
                    "needs a tuple to shape the result",
                ));
            };
            let mut out: Vec<Value> = items.iter().map(Value::zeros_like).collect();
            let slot = out.get_mut(*i).ok_or_else(|| {
                TensorError::structure(&name, format!("index {i} is out of range"))
            })?;
            *slot = x.clone();
            Ok(Value::Tuple(out))
        }
        Op::MakeDict(keys) => {
            if keys.len() != a.len() {
                return Err(TensorError::structure(&name, "one value per key"));
            }
            let mut d = BTreeMap::new();
            for (k, v) in keys.iter().zip(a) {
                if d.insert(k.clone(), (*v).clone()).is_some() {
                    return Err(TensorError::structure(
                        "dict",
                        format!("key \"{k}\" appears twice"),
                    ));
                }
            }
            Ok(Value::Dict(d))
        }
        Op::GetKey(k) => {
            let [x] = args::<1>(op, a)?;
            match x {
                Value::Dict(d) => d.get(k).cloned().ok_or_else(|| {
                    TensorError::structure(
                        "index",
                        format!(
                            "no key \"{k}\"; the dict has {}",
                            d.keys()
                                .map(|k| format!("\"{k}\""))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    )
                }),
                other => Err(TensorError::structure(
                    "index",
                    format!("[\"{k}\"] needs a dict, got {}", other.describe()),
                )),
            }
        }
        Op::PutKey(k) => {
            let [x, like] = args::<2>(op, a)?;
            let Value::Dict(d) = like else {
                return Err(TensorError::structure(
                    &name,
                    "needs a dict to shape the result",
                ));
            };
            let mut out = dict_from(d.iter().map(|(key, v)| (key.clone(), v.zeros_like())));
            let slot = out
                .get_mut(k)
                .ok_or_else(|| TensorError::structure(&name, format!("no key \"{k}\"")))?;
            *slot = x.clone();
            Ok(Value::Dict(out))
        }
    }
}
