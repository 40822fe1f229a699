//! How tensors and structures look in the app: the shape badge drawn in a graph node
//! (`2×3`, `(2)`, `{cat, dog}`), values written compactly in the table and the heatmap grid of a matrix (a diverging colour scale,
//! purple for negative and orange for positive, distinguishable by colour-blind viewers;
//! numbers in the cells when the grid is small). Pure functions, tested natively.

use adjoint_engine::render::number::rounded;
use adjoint_engine::{NodeKind, ShapedValue, Step, Trace};

/// The most rows and columns a heatmap draws (larger tensors show their top-left corner).
pub const MAX_SIDE: usize = 24;
/// Grids up to this many cells write the number in each cell.
pub const NUMBERS_UP_TO: usize = 64;

/// The badge of a tensor or structure (`2×3`, `(2)`, `{cat, dog}`: the tensor crate's, so
/// the app and the CLI agree); `None` for a scalar (the node shows the number).
pub fn badge(v: &ShapedValue) -> Option<String> {
    match v {
        ShapedValue::Tensor { shape, .. } if shape.is_empty() => None,
        _ => Some(shape_text(v)),
    }
}

/// The badge, or `scalar` for a rank-0 tensor (for shapes written next to each other).
pub fn shape_text(v: &ShapedValue) -> String {
    adjoint_tensor::export::badge(v)
}

/// Values with at most this many entries are written out in the table and in
/// `node_to_grad`; larger ones show their badge.
pub const WRITTEN_UP_TO: usize = 4;

/// A value as the table writes it: its entries when few (`[[1, 1], [1, 1]]`), else its
/// badge; `None` for a scalar.
pub fn compact(v: &ShapedValue) -> Option<String> {
    badge(v)?;
    if adjoint_tensor::export::entry_count(v) <= WRITTEN_UP_TO {
        Some(adjoint_tensor::export::shaped_text(v))
    } else {
        badge(v)
    }
}

/// What a step computed: the number, or for a tensor step its [`compact`] value.
pub fn step_value(t: &Trace, s: &Step) -> String {
    s.result
        .and_then(|r| t.nodes.get(r as usize))
        .and_then(|n| n.shaped.as_ref())
        .and_then(compact)
        .unwrap_or_else(|| rounded(s.value))
}

/// The gradient with respect to tensor input `name` as the result line writes it, or
/// `None` for scalar programs.
pub fn gradient_text(t: &Trace, name: &str) -> Option<String> {
    let input = t
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::Input && n.label == name)?;
    input.shaped.as_ref()?;
    let Some(adj) = adjoint_tensor::record::adjoint_node_of(t, input.id) else {
        // Nothing flowed into it: zeros of its shape.
        return input.shaped.as_ref().map(|v| match badge(v) {
            Some(b) => format!("0 ({b})"),
            None => "0".to_string(),
        });
    };
    let v = t.nodes.get(adj as usize)?.shaped.as_ref()?;
    Some(compact(v).unwrap_or_else(|| adjoint_tensor::export::shaped_text(v)))
}

/// One cell of a heatmap.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Row in the drawn grid.
    pub row: usize,
    /// Column in the drawn grid.
    pub col: usize,
    /// The entry.
    pub value: f64,
    /// Its fill colour (`#rrggbb`).
    pub fill: String,
    /// Light text on a dark fill?
    pub dark: bool,
}

/// A tensor drawn as a grid: rank 1 is one row, rank 2 a matrix, higher ranks are
/// flattened to (all leading axes) × (last axis).
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// Rows and columns of the whole tensor so viewed.
    pub rows: usize,
    /// Columns.
    pub cols: usize,
    /// The drawn cells (at most [`MAX_SIDE`]² of them), row-major.
    pub cells: Vec<Cell>,
    /// Write numbers in the cells?
    pub numbers: bool,
}

impl Grid {
    /// Rows and columns drawn.
    pub fn shown(&self) -> (usize, usize) {
        (self.rows.min(MAX_SIDE), self.cols.min(MAX_SIDE))
    }
}

/// The heatmap of a tensor of `shape` with row-major `data`.
pub fn grid(shape: &[usize], data: &[f64]) -> Grid {
    let cols = shape.last().copied().unwrap_or(1).max(1);
    let rows = (data.len() / cols).max(1);
    let (shown_rows, shown_cols) = (rows.min(MAX_SIDE), cols.min(MAX_SIDE));
    let scale = data
        .iter()
        .filter(|x| x.is_finite())
        .fold(0.0_f64, |m, x| m.max(x.abs()));
    let mut cells = Vec::with_capacity(shown_rows * shown_cols);
    for row in 0..shown_rows {
        for col in 0..shown_cols {
            let Some(&value) = data.get(row * cols + col) else {
                continue;
            };
            let t = if scale > 0.0 { value / scale } else { 0.0 };
            let (fill, dark) = colour(t);
            cells.push(Cell {
                row,
                col,
                value,
                fill,
                dark,
            });
        }
    }
    Grid {
        rows,
        cols,
        numbers: shown_rows * shown_cols <= NUMBERS_UP_TO,
        cells,
    }
}

/// The colour of `t` in [−1, 1] (NaN and ±∞ grey): white at 0, towards purple (#5e3c99)
/// below and orange (#e66101) above — the ends of ColorBrewer's PuOr scheme, which stays
/// apart for the common colour-vision deficiencies. Returns the fill and whether text on it
/// should be light.
pub fn colour(t: f64) -> (String, bool) {
    if !t.is_finite() {
        return ("#9e9e9e".to_string(), false);
    }
    let t = t.clamp(-1.0, 1.0);
    let end: [f64; 3] = if t < 0.0 {
        [94.0, 60.0, 153.0]
    } else {
        [230.0, 97.0, 1.0]
    };
    let a = t.abs();
    let mix = |c: f64| (247.0 + (c - 247.0) * a).round() as u8;
    (
        format!("#{:02x}{:02x}{:02x}", mix(end[0]), mix(end[1]), mix(end[2])),
        a > 0.6,
    )
}

/// An entry as the cells and titles write it.
pub fn entry_text(x: f64) -> String {
    rounded(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tensor(shape: &[usize], data: &[f64]) -> ShapedValue {
        ShapedValue::Tensor {
            shape: shape.to_vec(),
            data: data.to_vec(),
        }
    }

    #[test]
    fn badges_name_shapes_tuples_and_dict_keys() {
        assert_eq!(badge(&tensor(&[], &[1.0])), None);
        assert_eq!(badge(&tensor(&[2, 3], &[0.0; 6])).as_deref(), Some("2×3"));
        let pair = ShapedValue::Tuple {
            items: vec![tensor(&[], &[1.0]), tensor(&[2], &[1.0, 2.0])],
        };
        assert_eq!(badge(&pair).as_deref(), Some("(2)"));
        let d = ShapedValue::Dict {
            entries: vec![
                ("cat".into(), tensor(&[], &[1.0])),
                ("dog".into(), tensor(&[], &[0.0])),
            ],
        };
        assert_eq!(badge(&d).as_deref(), Some("{cat, dog}"));
        assert_eq!(shape_text(&tensor(&[], &[3.0])), "scalar");
        assert_eq!(
            compact(&tensor(&[2, 2], &[1.0, 1.0, 1.0, 1.0])).as_deref(),
            Some("[[1, 1], [1, 1]]")
        );
        assert_eq!(compact(&tensor(&[2, 3], &[0.0; 6])).as_deref(), Some("2×3"));
        assert_eq!(compact(&tensor(&[], &[2.0])), None);
    }

    #[test]
    fn a_matrix_grid_keeps_rows_and_columns_and_scales_colours_by_the_largest_entry() {
        let g = grid(&[2, 3], &[1.0, -2.0, 0.0, 0.5, 2.0, -1.0]);
        assert_eq!((g.rows, g.cols, g.cells.len()), (2, 3, 6));
        assert!(g.numbers);
        let at = |r, c| {
            g.cells
                .iter()
                .find(|x| x.row == r && x.col == c)
                .expect("cell")
        };
        assert_eq!(at(0, 1).value, -2.0);
        assert_eq!(
            at(0, 1).fill,
            "#5e3c99",
            "the most negative entry is full purple"
        );
        assert_eq!(at(1, 1).fill, "#e66101", "the most positive is full orange");
        assert_eq!(at(0, 2).fill, "#f7f7f7", "zero is white");
        assert!(at(0, 1).dark && !at(0, 2).dark);
    }

    #[test]
    fn big_and_high_rank_tensors_are_cut_to_a_corner_without_numbers() {
        let data: Vec<f64> = (0..2 * 30 * 40).map(f64::from).collect();
        let g = grid(&[2, 30, 40], &data);
        assert_eq!((g.rows, g.cols), (60, 40));
        assert_eq!(g.shown(), (MAX_SIDE, MAX_SIDE));
        assert_eq!(g.cells.len(), MAX_SIDE * MAX_SIDE);
        assert!(!g.numbers);
        assert_eq!(colour(f64::NAN).0, "#9e9e9e");
    }

    fn preset_trace(i: usize) -> Trace {
        let p = &adjoint_tensor::presets::all()[i];
        adjoint_tensor::run(p.program, &p.inputs, adjoint_engine::Mode::Extended)
            .expect("the preset runs")
    }

    #[test]
    fn tensor_steps_and_gradients_are_written_by_shape_or_entries_never_as_zero() {
        let t = preset_trace(0);
        assert_eq!(gradient_text(&t, "X").as_deref(), Some("2×3"));
        assert_eq!(gradient_text(&t, "W").as_deref(), Some("3×2"));
        let seeded = t
            .steps
            .iter()
            .find(|s| s.kind == adjoint_engine::StepKind::Partial)
            .expect("a partial");
        assert_eq!(
            step_value(&t, seeded),
            "[[1, 1], [1, 1]]",
            "v̄_{{v4→v}} is all ones"
        );
        let d = preset_trace(1);
        assert_eq!(
            gradient_text(&d, "a1").as_deref(),
            Some("0"),
            "nothing flows into dog"
        );
        assert_ne!(gradient_text(&d, "a0").as_deref(), Some("0"));
        let scalar = adjoint_engine::run("x*y", "x=2, y=3", adjoint_engine::Mode::Extended, 0)
            .expect("runs");
        assert_eq!(
            gradient_text(&scalar, "x"),
            None,
            "scalar programs keep their numbers"
        );
    }
}
