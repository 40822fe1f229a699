//! The expression arena: each distinct subexpression is stored once (hash-consing), and
//! ids are in creation order, so children always have smaller ids.

use std::collections::HashMap;

use crate::graph::{Graph, Op};
use crate::render::{Sym, Term};
use crate::rules::eval::{sigmoid, step};

/// An expression's id in its arena.
pub type SymId = u32;

/// One expression node.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SExpr {
    /// A number.
    Num(f64),
    /// The k-th variable.
    Var(u32),
    /// `−a`
    Neg(SymId),
    /// `a + b`
    Add(SymId, SymId),
    /// `a − b`
    Sub(SymId, SymId),
    /// `a · b`
    Mul(SymId, SymId),
    /// `a / b`
    Div(SymId, SymId),
    /// `a ^ b`
    Pow(SymId, SymId),
    /// `f(a)` for a named function (`ln`, `exp`, `sin`, `cos`, `tan`, `tanh`, `sqrt`,
    /// `sigmoid`, `relu`, `step`).
    Call(&'static str, SymId),
}

impl SExpr {
    /// The children, in order.
    pub fn children(&self) -> impl Iterator<Item = SymId> {
        let (a, b) = match *self {
            SExpr::Num(_) | SExpr::Var(_) => (None, None),
            SExpr::Neg(a) | SExpr::Call(_, a) => (Some(a), None),
            SExpr::Add(a, b)
            | SExpr::Sub(a, b)
            | SExpr::Mul(a, b)
            | SExpr::Div(a, b)
            | SExpr::Pow(a, b) => (Some(a), Some(b)),
        };
        a.into_iter().chain(b)
    }

    /// True for a multiplication-like node (`·`, `/`), what the lecture counts.
    pub fn is_mul(&self) -> bool {
        matches!(self, SExpr::Mul(..) | SExpr::Div(..))
    }
}

/// Hashable identity of a node (floats by their bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Key {
    Num(u64),
    Var(u32),
    Un(u8, SymId),
    Call(&'static str, SymId),
    Bin(u8, SymId, SymId),
}

fn key(e: &SExpr) -> Key {
    match *e {
        SExpr::Num(v) => Key::Num(v.to_bits()),
        SExpr::Var(k) => Key::Var(k),
        SExpr::Neg(a) => Key::Un(0, a),
        SExpr::Call(f, a) => Key::Call(f, a),
        SExpr::Add(a, b) => Key::Bin(0, a, b),
        SExpr::Sub(a, b) => Key::Bin(1, a, b),
        SExpr::Mul(a, b) => Key::Bin(2, a, b),
        SExpr::Div(a, b) => Key::Bin(3, a, b),
        SExpr::Pow(a, b) => Key::Bin(4, a, b),
    }
}

/// The arena.
#[derive(Clone, Debug, Default)]
pub struct SymGraph {
    nodes: Vec<SExpr>,
    index: HashMap<Key, SymId>,
    /// Variable names, by index.
    pub variables: Vec<String>,
}

impl SymGraph {
    /// Stores `e` once and returns its id.
    pub fn intern(&mut self, e: SExpr) -> SymId {
        let k = key(&e);
        if let Some(&id) = self.index.get(&k) {
            return id;
        }
        let id = self.nodes.len() as SymId;
        self.nodes.push(e);
        self.index.insert(k, id);
        id
    }

    /// A node.
    pub fn get(&self, id: SymId) -> SExpr {
        self.nodes[id as usize]
    }

    /// Number of distinct nodes stored.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Translates a computational graph to expressions; returns the id of each node.
    pub fn from_graph(g: &Graph) -> (Self, Vec<SymId>) {
        let mut s = SymGraph {
            variables: g.variables().to_vec(),
            ..Default::default()
        };
        let mut ids: Vec<SymId> = Vec::with_capacity(g.len());
        for n in g.nodes() {
            let x = n.inputs.first().map(|j| ids[j.index()]);
            let y = n.inputs.get(1).map(|j| ids[j.index()]);
            let (x, y) = (x.unwrap_or(0), y.unwrap_or(0));
            let e = match n.op {
                Op::Input(k) => SExpr::Var(k),
                Op::Const(c) => SExpr::Num(c),
                Op::Id => {
                    ids.push(x);
                    continue;
                }
                Op::Neg => SExpr::Neg(x),
                Op::Add => SExpr::Add(x, y),
                Op::Sub => SExpr::Sub(x, y),
                Op::Mul => SExpr::Mul(x, y),
                Op::Div => SExpr::Div(x, y),
                Op::Pow => SExpr::Pow(x, y),
                Op::AddScalar(c) => SExpr::Add(x, s.intern(SExpr::Num(c))),
                Op::SubScalar(c) => SExpr::Sub(x, s.intern(SExpr::Num(c))),
                Op::RSubScalar(c) => SExpr::Sub(s.intern(SExpr::Num(c)), x),
                Op::MulScalar(c) => SExpr::Mul(s.intern(SExpr::Num(c)), x),
                Op::DivScalar(c) => SExpr::Div(x, s.intern(SExpr::Num(c))),
                Op::RDivScalar(c) => SExpr::Div(s.intern(SExpr::Num(c)), x),
                Op::PowScalar(c) => SExpr::Pow(x, s.intern(SExpr::Num(c))),
                Op::RPowScalar(c) => SExpr::Pow(s.intern(SExpr::Num(c)), x),
                Op::Ln => SExpr::Call("ln", x),
                Op::Exp => SExpr::Call("exp", x),
                Op::Sin => SExpr::Call("sin", x),
                Op::Cos => SExpr::Call("cos", x),
                Op::Tan => SExpr::Call("tan", x),
                Op::Tanh => SExpr::Call("tanh", x),
                Op::Sqrt => SExpr::Call("sqrt", x),
                Op::Sigmoid => SExpr::Call("sigmoid", x),
                Op::Relu => SExpr::Call("relu", x),
                Op::Step => SExpr::Call("step", x),
                Op::Sum => {
                    let mut acc = ids[n.inputs[0].index()];
                    for j in &n.inputs[1..] {
                        acc = s.intern(SExpr::Add(acc, ids[j.index()]));
                    }
                    ids.push(acc);
                    continue;
                }
            };
            ids.push(s.intern(e));
        }
        (s, ids)
    }

    /// Evaluates every node up to `root` at `inputs` (one value per variable).
    pub fn eval(&self, root: SymId, inputs: &[f64]) -> f64 {
        let mut v = vec![0.0; root as usize + 1];
        for i in 0..=root as usize {
            let g = |j: SymId| v[j as usize];
            v[i] = match self.nodes[i] {
                SExpr::Num(c) => c,
                SExpr::Var(k) => inputs.get(k as usize).copied().unwrap_or(f64::NAN),
                SExpr::Neg(a) => -g(a),
                SExpr::Add(a, b) => g(a) + g(b),
                SExpr::Sub(a, b) => g(a) - g(b),
                SExpr::Mul(a, b) => g(a) * g(b),
                SExpr::Div(a, b) => g(a) / g(b),
                SExpr::Pow(a, b) => crate::rules::eval::powc(g(a), g(b)),
                SExpr::Call(f, a) => call(f, g(a)),
            };
        }
        v[root as usize]
    }

    /// The expression as a `Term` for printing, or `None` when its tree has more than
    /// `limit` nodes (printing would swamp the page). Built without recursion.
    pub fn to_term(&self, root: SymId, limit: f64) -> Option<Term> {
        if super::count::tree_cost(self, &[root]).nodes > limit {
            return None;
        }
        let mut done: HashMap<SymId, Term> = HashMap::new();
        let mut stack = vec![(root, false)];
        while let Some((id, expanded)) = stack.pop() {
            if done.contains_key(&id) {
                continue;
            }
            let e = self.get(id);
            if !expanded {
                stack.push((id, true));
                stack.extend(e.children().map(|c| (c, false)));
                continue;
            }
            let t = |c: SymId| done.get(&c).cloned().unwrap_or(Term::Num(f64::NAN));
            let term = match e {
                SExpr::Num(c) => Term::Num(c),
                SExpr::Var(k) => Term::sym(Sym::value(
                    self.variables.get(k as usize).map_or("x", String::as_str),
                )),
                SExpr::Neg(a) => Term::negate(t(a)),
                SExpr::Add(a, b) => Term::plus(t(a), t(b)),
                SExpr::Sub(a, b) => Term::minus(t(a), t(b)),
                SExpr::Mul(a, b) => Term::Mul(Box::new(t(a)), Box::new(t(b))),
                SExpr::Div(a, b) => Term::quotient(t(a), t(b)),
                SExpr::Pow(a, b) => Term::pow(t(a), t(b)),
                SExpr::Call(f, a) => Term::call(f, t(a)),
            };
            done.insert(id, term);
        }
        done.remove(&root)
    }
}

/// The value of a named function.
pub fn call(f: &str, a: f64) -> f64 {
    match f {
        "ln" => a.ln(),
        "exp" => a.exp(),
        "sin" => a.sin(),
        "cos" => a.cos(),
        "tan" => a.tan(),
        "tanh" => a.tanh(),
        "sqrt" => a.sqrt(),
        "sigmoid" => sigmoid(a),
        "relu" => a.max(0.0),
        "step" => step(a),
        _ => f64::NAN,
    }
}
