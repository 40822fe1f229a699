//! The three benchmark workloads of `BENCH_WORKLOADS.md` — `chain`, `mlp` and `product` —
//! built op for op in the reference's creation order, so a reverse sweep in reverse id order
//! reproduces the reference tape's float64 numbers bit for bit. Also the SplitMix64
//! generator that draws the MLP's parameters and data.
//!
//! Each builder returns the graph, its output node and the values of its input leaves
//! (one per variable, in variable order), ready for `eval_graph`, `adjoints` or `extend`.
//! Everything is iterative, so graphs of millions of nodes are fine.

use crate::graph::{Graph, NodeId, Op};

/// The seeded generator that draws the MLP's parameters and data.
pub use adjoint_rng::SplitMix64;

/// `chain` of size `n` (n ops; n divisible by 4, a remainder is dropped):
///
/// ```text
/// y = x
/// repeat n/4 times:  s = sin y;  p = s·y;  q = 0.5·y;  y = p + q
/// ```
///
/// So y ← y·(sin y + 0.5) and dy/dx is the product of the steps' derivatives
/// sin y + y·cos y + 0.5. The graph has n + 1 nodes; the only input `x` takes `x0`.
pub fn chain(n: usize, x0: f64) -> (Graph, NodeId, Vec<f64>) {
    let mut g = Graph::new();
    let mut y = g.input("x");
    for _ in 0..n / 4 {
        let s = g.push(Op::Sin, &[y]);
        let p = g.push(Op::Mul, &[s, y]);
        let q = g.push(Op::MulScalar(0.5), &[y]);
        y = g.push(Op::Add, &[p, q]);
    }
    (g, y, vec![x0])
}

/// Width of the MLP's input and hidden layers.
pub const MLP_WIDTH: usize = 16;

/// Number of MLP parameters: 16·16 + 16 + 16 + 1.
pub const MLP_PARAMS: usize = MLP_WIDTH * MLP_WIDTH + MLP_WIDTH + MLP_WIDTH + 1;

/// Number of op nodes of `mlp(batch)`: 562 per sample, `batch − 1` adds, one scale.
pub fn mlp_ops(batch: usize) -> usize {
    563 * batch
}

/// The MLP's parameters and data, drawn from SplitMix64 seeded with 42, one `sym()`
/// each, in the order `for j: W1[j][0..16], b1[j]`, then `W2[0][0..16], b2[0]`, then
/// `for b: X[b][0..16]`.
#[derive(Clone, Debug, PartialEq)]
pub struct MlpData {
    /// Hidden weights, `w1[j][i]` from input i to hidden unit j.
    pub w1: [[f64; MLP_WIDTH]; MLP_WIDTH],
    /// Hidden biases.
    pub b1: [f64; MLP_WIDTH],
    /// Output weights (one output unit).
    pub w2: [f64; MLP_WIDTH],
    /// Output bias.
    pub b2: f64,
    /// The batch's inputs, one row per sample.
    pub x: Vec<[f64; MLP_WIDTH]>,
}

impl MlpData {
    /// Draws the parameters, then `batch` rows of inputs.
    pub fn draw(batch: usize) -> Self {
        let mut rng = SplitMix64::new(42);
        let mut w1 = [[0.0; MLP_WIDTH]; MLP_WIDTH];
        let mut b1 = [0.0; MLP_WIDTH];
        for (row, bias) in w1.iter_mut().zip(b1.iter_mut()) {
            row.iter_mut().for_each(|w| *w = rng.sym());
            *bias = rng.sym();
        }
        let mut w2 = [0.0; MLP_WIDTH];
        w2.iter_mut().for_each(|w| *w = rng.sym());
        let b2 = rng.sym();
        let x = (0..batch)
            .map(|_| {
                let mut row = [0.0; MLP_WIDTH];
                row.iter_mut().for_each(|v| *v = rng.sym());
                row
            })
            .collect();
        Self { w1, b1, w2, b2, x }
    }

    /// The 289 parameters in leaf order: `W1[0][*], b1[0], …, W1[15][*], b1[15], W2[0][*], b2[0]`.
    pub fn params(&self) -> Vec<f64> {
        let mut out = Vec::with_capacity(MLP_PARAMS);
        for (row, bias) in self.w1.iter().zip(&self.b1) {
            out.extend_from_slice(row);
            out.push(*bias);
        }
        out.extend_from_slice(&self.w2);
        out.push(self.b2);
        out
    }
}

/// `mlp` of batch size `batch` (≥ 1): a 16-16-1 network, tanh hidden layer, linear output,
/// mean squared error against targets T[b] = +1 (b even) or −1 (b odd):
///
/// ```text
/// h_j = tanh(b1_j + Σ_i W1_ji · X_bi)         (left fold from the bias)
/// o   = b2 + Σ_i W2_i · h_i                    (left fold from the bias)
/// L   = (1/B) · Σ_b (o_b − T_b)²
/// ```
///
/// The 289 parameters are input leaves (`W1_j_i`, `b1_j`, `W2_0_i`, `b2_0`); X and T are
/// constants folded into scalar ops: `W·X` is `MulScalar(X)` on W, `o − T` is
/// `AddScalar(−T)`, the square is `PowScalar(2)`. Returns the parameters' values too.
pub fn mlp(batch: usize) -> (Graph, NodeId, Vec<f64>) {
    let data = MlpData::draw(batch);
    let mut g = Graph::new();
    let mut w1 = [[NodeId(0); MLP_WIDTH]; MLP_WIDTH];
    let mut b1 = [NodeId(0); MLP_WIDTH];
    for (j, (row, bias)) in w1.iter_mut().zip(b1.iter_mut()).enumerate() {
        for (i, w) in row.iter_mut().enumerate() {
            *w = g.input(&format!("W1_{j}_{i}"));
        }
        *bias = g.input(&format!("b1_{j}"));
    }
    let w2: Vec<NodeId> = (0..MLP_WIDTH)
        .map(|i| g.input(&format!("W2_0_{i}")))
        .collect();
    let b2 = g.input("b2_0");

    let mut total: Option<NodeId> = None;
    for (b, xb) in data.x.iter().enumerate() {
        let mut h = [NodeId(0); MLP_WIDTH];
        for j in 0..MLP_WIDTH {
            let mut a = b1[j];
            for i in 0..MLP_WIDTH {
                let wx = g.push(Op::MulScalar(xb[i]), &[w1[j][i]]);
                a = g.push(Op::Add, &[a, wx]);
            }
            h[j] = g.push(Op::Tanh, &[a]);
        }
        let mut a = b2;
        for i in 0..MLP_WIDTH {
            let wh = g.push(Op::Mul, &[w2[i], h[i]]);
            a = g.push(Op::Add, &[a, wh]);
        }
        let target = if b % 2 == 0 { 1.0 } else { -1.0 };
        let d = g.push(Op::AddScalar(-target), &[a]);
        let sq = g.push(Op::PowScalar(2.0), &[d]);
        total = Some(match total {
            None => sq,
            Some(s) => g.push(Op::Add, &[s, sq]),
        });
    }
    // With batch = 0 there is no loss term; the loss is then the (zero-scaled) b2 leaf.
    let sum = total.unwrap_or(b2);
    let loss = g.push(Op::MulScalar(1.0 / batch.max(1) as f64), &[sum]);
    (g, loss, data.params())
}

/// θ_i = 1 + ((i mod 11) − 5)/1024: exact dyadic rationals near 1.
pub fn theta(i: usize) -> f64 {
    1.0 + ((i % 11) as f64 - 5.0) / 1024.0
}

/// `product` of `n` inputs (n − 1 ops): f = θ_0·θ_1·…·θ_{n−1} as a left fold, with
/// ∂f/∂θ_i = Π_{k≠i} θ_k. Inputs are named `theta_i`; returns their values θ_i.
pub fn product(n: usize) -> (Graph, NodeId, Vec<f64>) {
    let mut g = Graph::new();
    let leaves: Vec<NodeId> = (0..n.max(1))
        .map(|i| g.input(&format!("theta_{i}")))
        .collect();
    let mut f = leaves[0];
    for &t in &leaves[1..] {
        f = g.push(Op::Mul, &[f, t]);
    }
    (g, f, (0..n.max(1)).map(theta).collect())
}
