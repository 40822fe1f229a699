//! Coordinate assignment. x: every rank is a column as wide as its widest box, columns
//! separated by `layer_gap`. y: each band is placed on its own by Gauss–Seidel sweeps that
//! put every rank, exactly, at the weighted least-squares position towards its neighbours
//! (see `pav`), keeping order and gaps; long edges weigh more so they run straight. The
//! sweeps stop early once nothing moves. The adjoint band is then shifted below the forward band by `band_gap`.

use crate::layered::Layered;
use crate::order::Order;
use crate::pav::{place, Blocks};
use crate::LayoutOptions;

/// Weight of a segment between two real nodes, a real node and a dummy, two dummies.
const WEIGHTS: [f64; 3] = [1.0, 2.0, 8.0];
/// Weight that keeps a vertex without neighbours where it is.
const INERTIA: f64 = 1e-3;
/// Stop the sweeps once no vertex moves by more than this (in layout units).
const CONVERGED: f64 = 0.05;

/// x centre and half width of every rank, plus the total width.
pub(crate) struct Columns {
    /// Centre x of each rank.
    pub centre: Vec<f64>,
    /// Half the width of each rank's widest box.
    pub half: Vec<f64>,
    /// Total drawing width.
    pub width: f64,
}

/// Column positions from the widest real box in each rank; the gap after rank `r` is
/// `layer_gap + extra[r]` wide (`extra` may be shorter than the number of gaps).
pub(crate) fn columns(g: &Layered, widths: &[f64], layer_gap: f64, extra: &[f64]) -> Columns {
    let mut half = vec![0.0f64; g.ranks];
    for (v, w) in widths.iter().enumerate() {
        half[g.rank[v]] = half[g.rank[v]].max(w / 2.0);
    }
    let mut centre = Vec::with_capacity(g.ranks);
    let mut left = 0.0;
    for (r, h) in half.iter().enumerate() {
        if r > 0 {
            left += layer_gap + extra.get(r - 1).copied().unwrap_or(0.0);
        }
        centre.push(left + h);
        left += 2.0 * h;
    }
    Columns {
        centre,
        half,
        width: left,
    }
}

/// y centre of every vertex; returns them and the drawing height.
pub(crate) fn y_coordinates(g: &Layered, order: &Order, o: &LayoutOptions) -> (Vec<f64>, f64) {
    let groups = band_groups(g, order);
    let mut y = vec![0.0; g.len()];
    let mut p = Placer::default();
    for group in groups.iter().flatten() {
        p.separations(g, group, o);
        let total: f64 = p.sep.iter().sum();
        let mut at = -total / 2.0;
        for (i, &v) in group.iter().enumerate() {
            y[v] = at;
            at += p.sep.get(i).copied().unwrap_or(0.0);
        }
    }
    for pass in 0..o.placement_passes.max(1) * 2 {
        let down = pass % 2 == 0;
        let ranks: Vec<usize> = if down {
            (0..g.ranks).collect()
        } else {
            (0..g.ranks).rev().collect()
        };
        let mut moved = 0.0f64;
        for r in ranks {
            for group in &groups[r] {
                moved = moved.max(p.place_group(g, group, &mut y, o, pass == 0));
            }
        }
        if pass > 0 && moved < CONVERGED {
            break;
        }
    }
    let height = stack_bands(g, &mut y, o.band_gap);
    (y, height)
}

/// Per rank, the forward group and the adjoint group (each in order, possibly empty).
fn band_groups(g: &Layered, order: &Order) -> Vec<[Vec<usize>; 2]> {
    order
        .layers
        .iter()
        .map(|layer| {
            let mut groups = [Vec::new(), Vec::new()];
            for &v in layer {
                groups[usize::from(g.band[v])].push(v);
            }
            groups
        })
        .collect()
}

/// Scratch buffers for placing one group.
#[derive(Default)]
struct Placer {
    targets: Vec<(f64, f64)>,
    sep: Vec<f64>,
    out: Vec<f64>,
    blocks: Blocks,
}

impl Placer {
    fn separations(&mut self, g: &Layered, group: &[usize], o: &LayoutOptions) {
        self.sep.clear();
        for w in group.windows(2) {
            let (a, b) = (w[0], w[1]);
            let gap = if g.is_dummy(a) || g.is_dummy(b) {
                o.edge_gap
            } else {
                o.node_gap
            };
            self.sep.push((g.height[a] + g.height[b]) / 2.0 + gap);
        }
    }

    /// Places one group at the least-squares position towards same-band neighbours; on the
    /// first pass only left neighbours count (right ones are not placed yet). Returns the
    /// largest move.
    fn place_group(
        &mut self,
        g: &Layered,
        group: &[usize],
        y: &mut [f64],
        o: &LayoutOptions,
        first: bool,
    ) -> f64 {
        if group.is_empty() {
            return 0.0;
        }
        self.separations(g, group, o);
        self.targets.clear();
        for &v in group {
            let mut wsum = 0.0;
            let mut tsum = 0.0;
            let sides: &[bool] = if first { &[true] } else { &[true, false] };
            for &left in sides {
                let ids = if left { g.left_of(v) } else { g.right_of(v) };
                for &id in ids {
                    let (a, b) = g.segments[id];
                    let other = if left { a } else { b };
                    if g.band[other] != g.band[v] {
                        continue;
                    }
                    let w = WEIGHTS[usize::from(g.is_dummy(v)) + usize::from(g.is_dummy(other))];
                    wsum += w;
                    tsum += w * y[other];
                }
            }
            self.targets.push(if wsum > 0.0 {
                (tsum / wsum, wsum)
            } else {
                (y[v], INERTIA)
            });
        }
        place(&self.targets, &self.sep, &mut self.out, &mut self.blocks);
        let mut moved = 0.0f64;
        for (&v, &val) in group.iter().zip(&self.out) {
            moved = moved.max((y[v] - val).abs());
            y[v] = val;
        }
        moved
    }
}

/// Shifts the forward band to start at y = 0 and the adjoint band `band_gap` below it;
/// returns the total height.
fn stack_bands(g: &Layered, y: &mut [f64], band_gap: f64) -> f64 {
    let mut top = [f64::INFINITY; 2];
    let mut bottom = [f64::NEG_INFINITY; 2];
    for (v, &yv) in y.iter().enumerate() {
        let b = usize::from(g.band[v]);
        top[b] = top[b].min(yv - g.height[v] / 2.0);
        bottom[b] = bottom[b].max(yv + g.height[v] / 2.0);
    }
    let forward_height = if top[0].is_finite() {
        bottom[0] - top[0]
    } else {
        0.0
    };
    let adjoint_start = if top[0].is_finite() {
        forward_height + band_gap
    } else {
        0.0
    };
    let shift = [-top[0], adjoint_start - top[1]];
    for (v, yv) in y.iter_mut().enumerate() {
        *yv += shift[usize::from(g.band[v])];
    }
    if top[1].is_finite() {
        adjoint_start + bottom[1] - top[1]
    } else {
        forward_height.max(0.0)
    }
}
