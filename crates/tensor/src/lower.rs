//! Lowering: a parsed program and its input values become an evaluated tensor graph.
//! Inputs become `Input` nodes on first use (so unused inputs are left out), literals
//! `Const` nodes, and each statement names the node of its expression.

use std::collections::BTreeMap;

use adjoint_engine::Span;

use crate::array::Tensor;
use crate::error::TensorError;
use crate::graph::{Graph, NodeId};
use crate::op::Op;
use crate::syntax::ast::{BinOp, Expr, ExprKind, Key, Stmt};
use crate::value::Value;

/// A lowered program.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    /// The evaluated graph.
    pub graph: Graph,
    /// The last statement's node.
    pub output: NodeId,
    /// The inputs it reads, in order of first use.
    pub inputs: Vec<(String, NodeId)>,
}

/// The functions the language knows, for error messages.
pub const FUNCTIONS: &str = "exp, log (ln), tanh, relu, sigmoid, sum(x[, axis]), mean(x[, axis]), \
logsumexp(x[, axis]), reshape(x, [dims]), broadcast_to(x, [dims]), transpose(x)";

/// Lowers `stmts` with the given input values.
pub fn lower(stmts: &[Stmt], values: &BTreeMap<String, Value>) -> Result<Program, TensorError> {
    let mut l = Lowerer {
        g: Graph::new(),
        env: BTreeMap::new(),
        values,
        inputs: Vec::new(),
    };
    let mut output = None;
    for s in stmts {
        let id = l.expr(&s.expr)?;
        if let Some((name, _)) = &s.name {
            if l.g.node(id).name.is_none() {
                l.g.set_name(id, name);
            }
            l.env.insert(name.clone(), id);
        }
        output = Some(id);
    }
    Ok(Program {
        graph: l.g,
        output: output.ok_or(TensorError::EmptyProgram)?,
        inputs: l.inputs,
    })
}

struct Lowerer<'a> {
    g: Graph,
    env: BTreeMap<String, NodeId>,
    values: &'a BTreeMap<String, Value>,
    inputs: Vec<(String, NodeId)>,
}

/// A whole non-negative number written in the program (an axis or a dimension).
fn whole(e: &Expr, what: &str) -> Result<usize, TensorError> {
    match e.kind {
        ExprKind::Num(v) if v >= 0.0 && v.fract() == 0.0 && v < 1e9 => Ok(v as usize),
        _ => Err(TensorError::Parse {
            message: format!("{what} must be a whole number written here, like 1"),
            span: e.span,
        }),
    }
}

/// A shape written as a list literal `[2, 3]`.
fn shape_arg(e: &Expr) -> Result<Vec<usize>, TensorError> {
    let bad = || TensorError::Parse {
        message: "a shape is a list of whole numbers, like [2, 3]".into(),
        span: e.span,
    };
    match &e.kind {
        ExprKind::Array { shape, data } if shape.len() == 1 => data
            .iter()
            .map(|&v| {
                (v >= 0.0 && v.fract() == 0.0 && v < 1e9)
                    .then_some(v as usize)
                    .ok_or_else(bad)
            })
            .collect(),
        _ => Err(bad()),
    }
}

impl Lowerer<'_> {
    fn push(&mut self, op: Op, inputs: &[NodeId], span: Span) -> Result<NodeId, TensorError> {
        self.g.push(op, inputs).map_err(|e| e.at(span))
    }

    fn expr(&mut self, e: &Expr) -> Result<NodeId, TensorError> {
        match &e.kind {
            ExprKind::Num(v) => self.g.scalar(*v),
            ExprKind::Array { shape, data } => self.g.leaf(
                Op::Const,
                Value::Tensor(Tensor::new(shape.clone(), data.clone())?),
            ),
            ExprKind::Name(n) => self.name(n, e.span),
            ExprKind::Neg(a) => {
                let a = self.expr(a)?;
                self.push(Op::Neg, &[a], e.span)
            }
            ExprKind::Binary(BinOp::Pow, a, b) => {
                let ExprKind::Num(c) = b.kind else {
                    return Err(TensorError::Parse {
                        message: "the exponent of `^` must be a number, like x ^ 2".into(),
                        span: b.span,
                    });
                };
                let a = self.expr(a)?;
                self.push(Op::PowScalar(c), &[a], e.span)
            }
            ExprKind::Binary(op, a, b) => {
                let (a, b) = (self.expr(a)?, self.expr(b)?);
                let op = match op {
                    BinOp::Add => Op::Add,
                    BinOp::Sub => Op::Sub,
                    BinOp::Mul => Op::Mul,
                    BinOp::Div => Op::Div,
                    BinOp::MatMul | BinOp::Pow => Op::MatMul,
                };
                self.push(op, &[a, b], e.span)
            }
            ExprKind::Transpose(a) => {
                let a = self.expr(a)?;
                self.push(Op::Transpose, &[a], e.span)
            }
            ExprKind::Index(a, key) => {
                let a = self.expr(a)?;
                let op = match key {
                    Key::Index(i) => Op::GetIndex(*i),
                    Key::Name(k) => Op::GetKey(k.clone()),
                };
                self.push(op, &[a], e.span)
            }
            ExprKind::Tuple(items) => {
                let ids = items
                    .iter()
                    .map(|x| self.expr(x))
                    .collect::<Result<Vec<_>, _>>()?;
                self.push(Op::MakeTuple, &ids, e.span)
            }
            ExprKind::Dict(entries) => {
                let keys = entries.iter().map(|(k, _)| k.clone()).collect();
                let ids = entries
                    .iter()
                    .map(|(_, x)| self.expr(x))
                    .collect::<Result<Vec<_>, _>>()?;
                self.push(Op::MakeDict(keys), &ids, e.span)
            }
            ExprKind::Call(f, args) => self.call(f, args, e.span),
        }
    }

    fn name(&mut self, n: &str, span: Span) -> Result<NodeId, TensorError> {
        if let Some(&id) = self.env.get(n) {
            return Ok(id);
        }
        let Some(v) = self.values.get(n) else {
            return Err(TensorError::UnknownName {
                name: n.to_string(),
                span,
            });
        };
        let id = self.g.leaf(Op::Input(n.to_string()), v.clone())?;
        self.g.set_name(id, n);
        self.env.insert(n.to_string(), id);
        self.inputs.push((n.to_string(), id));
        Ok(id)
    }

    fn call(&mut self, f: &str, args: &[Expr], span: Span) -> Result<NodeId, TensorError> {
        let arity = |n: std::ops::RangeInclusive<usize>| {
            if n.contains(&args.len()) {
                Ok(())
            } else {
                Err(TensorError::Parse {
                    message: format!(
                        "`{f}` takes {} argument(s), got {}",
                        if n.start() == n.end() {
                            n.start().to_string()
                        } else {
                            format!("{} or {}", n.start(), n.end())
                        },
                        args.len()
                    ),
                    span,
                })
            }
        };
        let unary = match f {
            "exp" => Some(Op::Exp),
            "log" | "ln" => Some(Op::Log),
            "tanh" => Some(Op::Tanh),
            "relu" => Some(Op::Relu),
            "sigmoid" | "σ" => Some(Op::Sigmoid),
            "transpose" => Some(Op::Transpose),
            _ => None,
        };
        if let Some(op) = unary {
            arity(1..=1)?;
            let a = self.expr(&args[0])?;
            return self.push(op, &[a], span);
        }
        let axis = |args: &[Expr]| args.get(1).map(|e| whole(e, "the axis")).transpose();
        match f {
            "sum" | "mean" | "logsumexp" => {
                arity(1..=2)?;
                let ax = axis(args)?;
                let a = self.expr(&args[0])?;
                let op = if f == "logsumexp" {
                    Op::LogSumExp(ax)
                } else {
                    Op::Sum(ax)
                };
                let s = self.push(op, &[a], span)?;
                if f != "mean" {
                    return Ok(s);
                }
                // mean = sum / n, n the number of entries summed
                let (full, part) = match (self.g.value(a), self.g.value(s)) {
                    (Value::Tensor(x), Value::Tensor(y)) => (x.data.len(), y.data.len().max(1)),
                    _ => (1, 1),
                };
                let n = self.g.scalar(1.0 / (full / part).max(1) as f64)?;
                self.push(Op::Mul, &[s, n], span)
            }
            "reshape" | "broadcast_to" => {
                arity(2..=2)?;
                let shape = shape_arg(&args[1])?;
                let a = self.expr(&args[0])?;
                let op = if f == "reshape" {
                    Op::Reshape(shape)
                } else {
                    Op::BroadcastTo(shape)
                };
                self.push(op, &[a], span)
            }
            _ => Err(TensorError::Parse {
                message: format!("unknown function `{f}`; known: {FUNCTIONS}"),
                span,
            }),
        }
    }
}
