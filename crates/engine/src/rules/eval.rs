//! Evaluation: the value of each op from its input values.

use crate::graph::{Graph, Op};

/// The value of `op` applied to `args` (as many as the op's arity).
#[inline]
pub fn eval_scalar(op: Op, args: &[f64]) -> f64 {
    let a = args.first().copied().unwrap_or(0.0);
    let b = args.get(1).copied().unwrap_or(0.0);
    match op {
        Op::Input(_) => a,
        Op::Const(c) => c,
        Op::Id => a,
        Op::Neg => -a,
        Op::Add => a + b,
        Op::Sub => a - b,
        Op::Mul => a * b,
        Op::Div => a / b,
        Op::Pow => a.powf(b),
        Op::AddScalar(c) => a + c,
        Op::SubScalar(c) => a - c,
        Op::RSubScalar(c) => c - a,
        Op::MulScalar(c) => a * c,
        Op::DivScalar(c) => a / c,
        Op::RDivScalar(c) => c / a,
        Op::PowScalar(c) => powc(a, c),
        Op::RPowScalar(c) => c.powf(a),
        Op::Ln => a.ln(),
        Op::Exp => a.exp(),
        Op::Sin => a.sin(),
        Op::Cos => a.cos(),
        Op::Tan => a.tan(),
        Op::Tanh => a.tanh(),
        Op::Sqrt => a.sqrt(),
        Op::Sigmoid => sigmoid(a),
        Op::Relu => a.max(0.0),
        Op::Step => step(a),
        Op::Sum => args.iter().sum(),
    }
}

/// `a^c` with an exact fast path for small integer powers (so `x^2` is `x*x`).
pub fn powc(a: f64, c: f64) -> f64 {
    if c == 2.0 {
        a * a
    } else if c == 1.0 {
        a
    } else if c == 0.0 {
        1.0
    } else {
        a.powf(c)
    }
}

/// The logistic function, written to avoid overflow for large |a|.
pub fn sigmoid(a: f64) -> f64 {
    if a >= 0.0 {
        1.0 / (1.0 + (-a).exp())
    } else {
        let e = a.exp();
        e / (1.0 + e)
    }
}

/// `[a > 0]`: 1 for positive a, else 0 (the derivative of relu; 0 at the kink).
pub fn step(a: f64) -> f64 {
    if a > 0.0 {
        1.0
    } else {
        0.0
    }
}

/// Evaluates every node in id (topological) order. `inputs` holds one value per variable.
pub fn eval_graph(graph: &Graph, inputs: &[f64]) -> Vec<f64> {
    let mut values = Vec::with_capacity(graph.len());
    let mut args: Vec<f64> = Vec::new();
    for node in graph.nodes() {
        // One and two inputs (every op but Sum) are read straight into an array on the
        // stack: building `args` for them cost about half the forward pass.
        let v = match (node.op, node.inputs.as_slice()) {
            (Op::Input(k), _) => inputs.get(k as usize).copied().unwrap_or(f64::NAN),
            (op, [a]) => eval_scalar(op, &[values[a.index()]]),
            (op, [a, b]) => eval_scalar(op, &[values[a.index()], values[b.index()]]),
            (op, many) => {
                args.clear();
                args.extend(many.iter().map(|j| values[j.index()]));
                eval_scalar(op, &args)
            }
        };
        values.push(v);
    }
    values
}
