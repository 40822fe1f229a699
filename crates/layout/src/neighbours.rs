//! Sorted neighbour keys (positions and lane phantoms) of the vertices of one rank, and the pairwise crossing count
//! built on them: the inner loop of transposition and sifting.

use crate::layered::Layered;
use crate::order::Order;

/// Sorted neighbour keys of the vertices of one rank, on the left and right sides.
#[derive(Default)]
pub(crate) struct Ends {
    start: Vec<usize>,
    items: Vec<usize>,
}

impl Ends {
    /// Fills the lists for the vertices of `layer` (left or right neighbours), as keys
    /// (`Layered::key` of their positions, and the phantoms of lane edges).
    pub(crate) fn fill(&mut self, g: &Layered, order: &Order, layer: &[usize], left: bool) {
        self.start.clear();
        self.items.clear();
        self.start.push(0);
        let side = layer.first().and_then(|&v| {
            let r = g.rank[v];
            let other = if left { r.checked_sub(1) } else { Some(r + 1) };
            other
                .filter(|&o| o < g.ranks)
                .map(|o| (o, order.layers[o].len()))
        });
        for &v in layer {
            let from = self.items.len();
            let ids = if left { g.left_of(v) } else { g.right_of(v) };
            self.items.extend(ids.iter().map(|&id| {
                let (a, b) = g.segments[id];
                Layered::key(order.pos[if left { a } else { b }])
            }));
            if let Some((o, len)) = side {
                self.items.extend(
                    g.phantoms(v)
                        .iter()
                        .filter(|p| p.0 != left)
                        .map(|p| g.phantom_key(o, len, p.1)),
                );
            }
            adjoint_order::sort(&mut self.items[from..]);
            self.start.push(self.items.len());
        }
    }

    /// Sorted neighbour keys of the `i`-th vertex of the filled layer.
    pub(crate) fn of(&self, i: usize) -> &[usize] {
        &self.items[self.start[i]..self.start[i + 1]]
    }
}

/// For sorted `a`, `b`: pairs with `a > b` (crossings if a's owner is above) and `a < b`.
pub(crate) fn merge_count(a: &[usize], b: &[usize]) -> (u64, u64) {
    // Fast path: most vertices (dummies) have one neighbour per side.
    if let ([x], [y]) = (a, b) {
        return (u64::from(x > y), u64::from(x < y));
    }
    let mut greater = 0u64;
    let mut less = 0u64;
    let (mut j_le, mut j_lt) = (0, 0);
    for &x in a {
        while j_lt < b.len() && b[j_lt] < x {
            j_lt += 1;
        }
        while j_le < b.len() && b[j_le] <= x {
            j_le += 1;
        }
        greater += j_lt as u64;
        less += (b.len() - j_le) as u64;
    }
    (greater, less)
}
