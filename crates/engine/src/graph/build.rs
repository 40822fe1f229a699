//! Lowers a parsed program to a graph numbered the way the lecture numbers it.
//!
//! Numbering: inputs first (in order of first appearance), then op nodes by layer
//! (longest path from the inputs), ties in the order they were written. For
//! `ln(x1) + x1*x2 - sin(x2)` that gives v3 = ln v1, v4 = v1×v2, v5 = sin v2,
//! v6 = v3+v4, v7 = v6−v5. Lowering is iterative, so long programs cannot
//! overflow the stack.

use std::collections::BTreeMap;

use super::{Graph, NodeId, Op};
use crate::error::{EngineError, Span};
use crate::rules::eval::eval_scalar;
use crate::syntax::{BinOp, Expr, ExprKind, Func, Program};

/// The most nodes a program may produce.
pub const MAX_NODES: usize = 2_000_000;

/// A program as a graph, ready to evaluate.
#[derive(Clone, Debug, PartialEq)]
pub struct Lowered {
    /// The graph, numbered as in the lecture.
    pub graph: Graph,
    /// The output node (the last statement).
    pub output: NodeId,
    /// Where each input variable first appears, in variable order.
    pub variable_spans: Vec<Span>,
}

impl Lowered {
    /// Orders `values` by variable, failing on the first variable with no value. The first
    /// pair for a name wins. Looked up through a map, so 10⁵ variables with 10⁵ values
    /// (a long pasted program or URL) bind in milliseconds, not 10¹⁰ comparisons.
    pub fn bind(&self, values: &[(String, f64)]) -> Result<Vec<f64>, EngineError> {
        let mut by_name: BTreeMap<&str, f64> = BTreeMap::new();
        for (n, v) in values {
            by_name.entry(n.as_str()).or_insert(*v);
        }
        self.graph
            .variables()
            .iter()
            .zip(&self.variable_spans)
            .map(|(name, span)| {
                by_name
                    .get(name.as_str())
                    .copied()
                    .ok_or_else(|| EngineError::MissingValue {
                        name: name.clone(),
                        span: *span,
                    })
            })
            .collect()
    }
}

/// A lowered operand: a node, or a constant folded into a scalar op.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Operand {
    Node(NodeId),
    Const(f64),
}

/// Lowers a program (see the module docs for the numbering).
pub fn lower(program: &Program) -> Result<Lowered, EngineError> {
    let mut first_assigned: BTreeMap<&str, (usize, Span)> = BTreeMap::new();
    for (i, s) in program.stmts.iter().enumerate() {
        if let Some((name, span)) = &s.name {
            first_assigned.entry(name.as_str()).or_insert((i, *span));
        }
    }
    let mut lw = Lowerer {
        graph: Graph::new(),
        env: BTreeMap::new(),
        variable_spans: Vec::new(),
    };
    let mut last = Operand::Const(0.0);
    let mut last_span = Span::new(0, 0);
    for (i, stmt) in program.stmts.iter().enumerate() {
        let value = lw.expr(&stmt.expr, i, &first_assigned)?;
        if let (Some((name, _)), Operand::Node(id)) = (&stmt.name, value) {
            let is_input = matches!(lw.graph.node(id).op, Op::Input(_));
            if !is_input && lw.graph.name(id).is_none() {
                lw.graph.set_name(id, name.clone());
            }
        }
        if let Some((name, _)) = &stmt.name {
            lw.env.insert(name.clone(), value);
        }
        last = value;
        last_span = stmt.expr.span;
    }
    let Operand::Node(output) = last else {
        return Err(EngineError::ConstantOutput { span: last_span });
    };
    Ok(renumber(&lw.graph, output, lw.variable_spans))
}

struct Lowerer {
    graph: Graph,
    env: BTreeMap<String, Operand>,
    variable_spans: Vec<Span>,
}

enum Work<'a> {
    Enter(&'a Expr),
    Exit(&'a Expr),
}

impl Lowerer {
    fn expr(
        &mut self,
        root: &Expr,
        stmt_index: usize,
        first_assigned: &BTreeMap<&str, (usize, Span)>,
    ) -> Result<Operand, EngineError> {
        let mut work = vec![Work::Enter(root)];
        let mut vals: Vec<Operand> = Vec::new();
        while let Some(w) = work.pop() {
            match w {
                Work::Enter(e) => {
                    work.push(Work::Exit(e));
                    match &e.kind {
                        ExprKind::Neg(a) | ExprKind::Call(_, a) => work.push(Work::Enter(a)),
                        ExprKind::Binary(_, a, b) => {
                            work.push(Work::Enter(b));
                            work.push(Work::Enter(a));
                        }
                        ExprKind::Num(_) | ExprKind::Var(_) => {}
                    }
                }
                Work::Exit(e) => {
                    let v = match &e.kind {
                        ExprKind::Num(v) => Operand::Const(*v),
                        ExprKind::Var(name) => {
                            self.var(name, e.span, stmt_index, first_assigned)?
                        }
                        ExprKind::Neg(_) => {
                            let a = pop(&mut vals)?;
                            self.unary(Op::Neg, a)
                        }
                        ExprKind::Call(f, _) => {
                            let a = pop(&mut vals)?;
                            self.unary(func_op(*f), a)
                        }
                        ExprKind::Binary(op, _, _) => {
                            let b = pop(&mut vals)?;
                            let a = pop(&mut vals)?;
                            self.binary(*op, a, b)
                        }
                    };
                    if self.graph.len() > MAX_NODES {
                        return Err(EngineError::Limit {
                            what: "the number of graph nodes",
                            limit: MAX_NODES,
                        });
                    }
                    vals.push(v);
                }
            }
        }
        pop(&mut vals)
    }

    fn var(
        &mut self,
        name: &str,
        span: Span,
        stmt_index: usize,
        first_assigned: &BTreeMap<&str, (usize, Span)>,
    ) -> Result<Operand, EngineError> {
        if let Some(v) = self.env.get(name) {
            return Ok(*v);
        }
        if first_assigned
            .get(name)
            .is_some_and(|(i, _)| *i >= stmt_index)
        {
            return Err(EngineError::UsedBeforeAssigned {
                name: name.to_string(),
                span,
            });
        }
        let id = self.graph.input(name);
        self.variable_spans.push(span);
        let v = Operand::Node(id);
        self.env.insert(name.to_string(), v);
        Ok(v)
    }

    fn unary(&mut self, op: Op, a: Operand) -> Operand {
        match a {
            Operand::Const(c) => Operand::Const(eval_scalar(op, &[c])),
            Operand::Node(n) => Operand::Node(self.graph.push(op, &[n])),
        }
    }

    fn binary(&mut self, op: BinOp, a: Operand, b: Operand) -> Operand {
        use Operand::{Const, Node};
        let (op, inputs) = match (a, b) {
            (Const(x), Const(y)) => return Const(eval_scalar(bin_op(op), &[x, y])),
            (Node(x), Node(y)) => (bin_op(op), vec![x, y]),
            (Node(x), Const(c)) => {
                let op = match op {
                    BinOp::Add => Op::AddScalar(c),
                    BinOp::Sub => Op::SubScalar(c),
                    BinOp::Mul => Op::MulScalar(c),
                    BinOp::Div => Op::DivScalar(c),
                    BinOp::Pow => Op::PowScalar(c),
                };
                (op, vec![x])
            }
            (Const(c), Node(y)) => {
                let op = match op {
                    BinOp::Add => Op::AddScalar(c),
                    BinOp::Sub => Op::RSubScalar(c),
                    BinOp::Mul => Op::MulScalar(c),
                    BinOp::Div => Op::RDivScalar(c),
                    BinOp::Pow => Op::RPowScalar(c),
                };
                (op, vec![y])
            }
        };
        Node(self.graph.push(op, &inputs))
    }
}

fn pop(vals: &mut Vec<Operand>) -> Result<Operand, EngineError> {
    vals.pop()
        .ok_or_else(|| EngineError::Invalid("internal: lowering stack underflow".into()))
}

fn bin_op(op: BinOp) -> Op {
    match op {
        BinOp::Add => Op::Add,
        BinOp::Sub => Op::Sub,
        BinOp::Mul => Op::Mul,
        BinOp::Div => Op::Div,
        BinOp::Pow => Op::Pow,
    }
}

fn func_op(f: Func) -> Op {
    match f {
        Func::Ln => Op::Ln,
        Func::Exp => Op::Exp,
        Func::Sin => Op::Sin,
        Func::Cos => Op::Cos,
        Func::Tan => Op::Tan,
        Func::Tanh => Op::Tanh,
        Func::Sqrt => Op::Sqrt,
        Func::Sigmoid => Op::Sigmoid,
        Func::Relu => Op::Relu,
    }
}

/// Keeps the inputs and the output's ancestors, ordered by (layer, creation order).
fn renumber(g: &Graph, output: NodeId, variable_spans: Vec<Span>) -> Lowered {
    let live = g.ancestors(output);
    let mut layer = vec![0u32; g.len()];
    for (i, n) in g.nodes().iter().enumerate() {
        layer[i] = n
            .inputs
            .iter()
            .map(|j| layer[j.index()] + 1)
            .max()
            .unwrap_or(0);
    }
    let mut order: Vec<usize> = (0..g.len())
        .filter(|&i| live[i] || matches!(g.nodes()[i].op, Op::Input(_)))
        .collect();
    // Inputs sort by their variable index (first appearance), ops by layer then creation.
    adjoint_order::sort_by_key(&mut order, |&i| match g.nodes()[i].op {
        Op::Input(k) => (0, k as usize),
        _ => (layer[i], i),
    });
    let mut new_id = vec![NodeId(u32::MAX); g.len()];
    let mut out = Graph::new();
    for &i in &order {
        let node = &g.nodes()[i];
        let id = match node.op {
            Op::Input(k) => out.input(&g.variables()[k as usize]),
            op => {
                let inputs: Vec<NodeId> = node.inputs.iter().map(|j| new_id[j.index()]).collect();
                out.push(op, &inputs)
            }
        };
        if let Some(name) = g.name(NodeId(i as u32)) {
            out.set_name(id, name);
        }
        new_id[i] = id;
    }
    Lowered {
        graph: out,
        output: new_id[output.index()],
        variable_spans,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn build(src: &str) -> Lowered {
        lower(&parse(src).expect("parses")).expect("lowers")
    }

    #[test]
    fn lecture_numbering() {
        let l = build("ln(x1) + x1*x2 - sin(x2)");
        let ops: Vec<Op> = l.graph.nodes().iter().map(|n| n.op).collect();
        assert_eq!(
            ops,
            vec![
                Op::Input(0),
                Op::Input(1),
                Op::Ln,
                Op::Mul,
                Op::Sin,
                Op::Add,
                Op::Sub
            ]
        );
        assert_eq!(
            l.graph.node(NodeId(5)).inputs.as_slice(),
            &[NodeId(2), NodeId(3)]
        );
        assert_eq!(l.output, NodeId(6));
    }

    #[test]
    fn literals_become_scalar_ops_and_names_stick() {
        let l = build("v2 = exp(x1); v3 = v2 + 1; v4 = v2 * v3");
        let ops: Vec<Op> = l.graph.nodes().iter().map(|n| n.op).collect();
        assert_eq!(
            ops,
            vec![Op::Input(0), Op::Exp, Op::AddScalar(1.0), Op::Mul]
        );
        assert_eq!(l.graph.name(NodeId(1)), Some("v2"));
        assert_eq!(l.graph.name(NodeId(3)), Some("v4"));
        let l = build("2 - x / 4 + 2^x");
        let ops: Vec<Op> = l.graph.nodes().iter().map(|n| n.op).collect();
        assert_eq!(
            ops[1..4],
            [Op::DivScalar(4.0), Op::RPowScalar(2.0), Op::RSubScalar(2.0)]
        );
    }

    #[test]
    fn errors() {
        let p = parse("y = a * 2; a = x").expect("parses");
        assert!(matches!(
            lower(&p),
            Err(EngineError::UsedBeforeAssigned { .. })
        ));
        let p = parse("x = 2; x * 3").expect("parses");
        assert!(matches!(lower(&p), Err(EngineError::ConstantOutput { .. })));
        let l = build("x1 * x2");
        let e = l.bind(&[("x1".into(), 1.0)]).expect_err("x2 missing");
        assert!(matches!(e, EngineError::MissingValue { ref name, .. } if name == "x2"));
    }

    #[test]
    fn a_long_sum_does_not_overflow_the_stack() {
        let src = vec!["x"; 50_000].join("+");
        let l = build(&src);
        assert_eq!(l.graph.len(), 50_000);
    }
}
