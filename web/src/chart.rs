//! The plot math behind the hand-drawn SVG charts of the numerical and symbolic panels:
//! logarithmic scales, decade ticks and their labels, SVG path strings and guide lines of
//! a given slope clipped to the plot. No DOM and no derivative math here, so all of it is
//! tested natively.

/// A logarithmic axis: maps `[10^lo, 10^hi]` onto the pixels `[px_lo, px_hi]`. For a y axis
/// pointing up, `px_hi` is smaller than `px_lo`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogScale {
    /// The lowest decade's exponent.
    pub lo: i32,
    /// The highest decade's exponent (always above `lo`).
    pub hi: i32,
    /// Pixel position of `10^lo`.
    pub px_lo: f64,
    /// Pixel position of `10^hi`.
    pub px_hi: f64,
}

impl LogScale {
    /// A scale over the decades `lo..=hi`, widened to one decade when `hi <= lo`.
    pub fn new(lo: i32, hi: i32, px_lo: f64, px_hi: f64) -> Self {
        Self {
            lo,
            hi: hi.max(lo + 1),
            px_lo,
            px_hi,
        }
    }

    /// The pixel of the exponent `l` (that is, of the value `10^l`).
    pub fn px_log(&self, l: f64) -> f64 {
        let t = (l - f64::from(self.lo)) / f64::from(self.hi - self.lo);
        self.px_lo + t * (self.px_hi - self.px_lo)
    }

    /// The pixel of a positive value; values at or below zero (or not finite) sit on the
    /// floor `10^lo`.
    pub fn px(&self, v: f64) -> f64 {
        self.px_log(self.log_or_floor(v))
    }

    /// `log10 v`, or the floor's exponent when `v` cannot be placed on a log axis.
    pub fn log_or_floor(&self, v: f64) -> f64 {
        if v > 0.0 && v.is_finite() {
            v.log10().clamp(f64::from(self.lo), f64::from(self.hi))
        } else {
            f64::from(self.lo)
        }
    }

    /// Every decade's exponent, lowest first.
    pub fn decades(&self) -> Vec<i32> {
        (self.lo..=self.hi).collect()
    }

    /// The decades that get a text label: every `step`-th counted from the top, so the top
    /// decade is always labelled and at most `max_labels` labels are drawn.
    pub fn labelled_decades(&self, max_labels: usize) -> Vec<i32> {
        let span = usize::try_from(self.hi - self.lo).unwrap_or(0) + 1;
        let step = span.div_ceil(max_labels.max(1)).max(1);
        self.decades()
            .into_iter()
            .rev()
            .step_by(step)
            .rev()
            .collect()
    }
}

/// A tick on an axis: its pixel and, if it is labelled, its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position along the axis, in pixels.
    pub px: f64,
    /// The text under (or beside) the tick, if any.
    pub label: Option<String>,
}

impl LogScale {
    /// A tick at every decade, labelled `10ⁿ` at most `max_labels` times.
    pub fn ticks(&self, max_labels: usize) -> Vec<Tick> {
        let labelled = self.labelled_decades(max_labels);
        self.decades()
            .into_iter()
            .map(|e| Tick {
                px: self.px_log(f64::from(e)),
                label: labelled.contains(&e).then(|| decade_label(e)),
            })
            .collect()
    }
}

/// The decades covering every positive finite value: `(floor(log10 min), ceil(log10 max))`.
/// `None` when there is no such value.
pub fn decade_range(values: impl IntoIterator<Item = f64>) -> Option<(i32, i32)> {
    let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.into_iter().filter(|v| *v > 0.0 && v.is_finite()) {
        min = min.min(v);
        max = max.max(v);
    }
    if min > max {
        return None;
    }
    // log10 of a finite positive double lies in [-324, 309]: the casts cannot overflow.
    let lo = min.log10().floor() as i32;
    let hi = max.log10().ceil() as i32;
    Some((lo, hi.max(lo + 1)))
}

/// `10` with the exponent as superscript digits: `10⁻¹⁵`, `10⁰`, `10³`.
pub fn decade_label(e: i32) -> String {
    let sup: String = e
        .to_string()
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            other => other,
        })
        .collect();
    format!("10{sup}")
}

/// An SVG path through the points (`M x y L x y …`), to one decimal; empty for no points.
pub fn polyline(points: &[(f64, f64)]) -> String {
    let mut out = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        let cmd = if i == 0 { 'M' } else { 'L' };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!("{cmd}{x:.1} {y:.1}"));
    }
    out
}

/// A straight guide line on log–log axes, in exponents: it passes through `anchor`
/// (log x, log y) with the given `slope` and spans log x over `x_span`, cut where it
/// leaves `y_span`. Returns its two end points, or `None` when nothing of it is inside.
pub fn guide(
    anchor: (f64, f64),
    slope: f64,
    x_span: (f64, f64),
    y_span: (f64, f64),
) -> Option<((f64, f64), (f64, f64))> {
    let (ax, ay) = anchor;
    let y_at = |x: f64| ay + slope * (x - ax);
    let (mut x0, mut x1) = (x_span.0.min(x_span.1), x_span.0.max(x_span.1));
    let (ylo, yhi) = (y_span.0.min(y_span.1), y_span.0.max(y_span.1));
    if slope != 0.0 {
        // x where the line meets each horizontal bound, sorted.
        let a = ax + (ylo - ay) / slope;
        let b = ax + (yhi - ay) / slope;
        x0 = x0.max(a.min(b));
        x1 = x1.min(a.max(b));
    } else if !(ylo..=yhi).contains(&ay) {
        return None;
    }
    (x0 < x1).then(|| ((x0, y_at(x0)), (x1, y_at(x1))))
}

/// The slope between two points on log–log axes; `None` unless all four numbers are
/// positive and finite.
pub fn log_slope((x0, y0): (f64, f64), (x1, y1): (f64, f64)) -> Option<f64> {
    let ok = |v: f64| v > 0.0 && v.is_finite();
    (ok(x0) && ok(y0) && ok(x1) && ok(y1) && x0 != x1)
        .then(|| (y1.log10() - y0.log10()) / (x1.log10() - x0.log10()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_scale_maps_decades_linearly_and_zero_to_the_floor() {
        // y axis: 10^-16 at the bottom (300 px), 10^0 at the top (20 px).
        let s = LogScale::new(-16, 0, 300.0, 20.0);
        assert_eq!(s.px(1.0), 20.0);
        assert_eq!(s.px(1e-16), 300.0);
        assert!((s.px(1e-8) - 160.0).abs() < 1e-9);
        assert_eq!(s.px(0.0), 300.0, "an exact zero sits on the floor");
        assert_eq!(s.px(f64::NAN), 300.0);
        assert_eq!(s.px(1e-30), 300.0, "below the floor is clamped");
        assert_eq!(s.decades().len(), 17);
        assert_eq!(LogScale::new(3, 3, 0.0, 1.0).hi, 4, "at least one decade");
    }

    #[test]
    fn labels_thin_out_but_keep_the_top_decade() {
        let s = LogScale::new(-15, -1, 0.0, 1.0);
        assert_eq!(s.labelled_decades(20).len(), 15);
        let few = s.labelled_decades(8);
        assert_eq!(few, vec![-15, -13, -11, -9, -7, -5, -3, -1]);
        assert_eq!(LogScale::new(0, 6, 0.0, 1.0).labelled_decades(7).len(), 7);
    }

    #[test]
    fn ticks_sit_on_decades() {
        let t = LogScale::new(0, 2, 0.0, 200.0).ticks(2);
        let px: Vec<f64> = t.iter().map(|t| t.px).collect();
        assert_eq!(px, vec![0.0, 100.0, 200.0]);
        assert_eq!(t[2].label.as_deref(), Some("10²"));
        assert_eq!(t[1].label, None);
    }

    #[test]
    fn decade_range_ignores_zeros_and_non_finite_values() {
        assert_eq!(decade_range([3e-11, 0.0, 0.25, f64::NAN]), Some((-11, 0)));
        assert_eq!(decade_range([1.0, 1000.0]), Some((0, 3)));
        assert_eq!(decade_range([10.0]), Some((1, 2)), "one decade at least");
        assert_eq!(decade_range([0.0, -1.0, f64::INFINITY]), None);
        assert_eq!(decade_range([999_000.0, 2.0]), Some((0, 6)));
    }

    #[test]
    fn labels_use_superscripts() {
        assert_eq!(decade_label(-15), "10⁻¹⁵");
        assert_eq!(decade_label(0), "10⁰");
        assert_eq!(decade_label(6), "10⁶");
    }

    #[test]
    fn polyline_is_a_move_then_lines() {
        assert_eq!(polyline(&[]), "");
        assert_eq!(
            polyline(&[(0.0, 1.0), (2.26, 3.0), (4.0, 5.04)]),
            "M0.0 1.0 L2.3 3.0 L4.0 5.0"
        );
    }

    #[test]
    fn slopes_on_log_log_axes() {
        let s = log_slope((1e-2, 3e-4), (1e-3, 3e-6)).expect("defined");
        assert!((s - 2.0).abs() < 1e-12, "{s}");
        assert_eq!(log_slope((1e-2, 0.0), (1e-3, 1e-6)), None);
        assert_eq!(log_slope((1e-2, 1.0), (1e-2, 2.0)), None);
    }

    #[test]
    fn guides_are_clipped_to_the_plot() {
        // slope 2 through (−2, −5): y = −5 + 2(x + 2); inside y ∈ [−16, −3] means x ≤ −1.
        let ((x0, y0), (x1, y1)) =
            guide((-2.0, -5.0), 2.0, (-6.0, 0.0), (-16.0, -3.0)).expect("partly inside");
        assert_eq!((x0, y0), (-6.0, -13.0));
        assert_eq!((x1, y1), (-1.0, -3.0));
        // Entirely below the plot.
        assert_eq!(guide((0.0, -20.0), 1.0, (-3.0, -1.0), (-16.0, 0.0)), None);
        // A flat line inside stays whole; outside it vanishes.
        assert_eq!(
            guide((0.0, -1.0), 0.0, (-2.0, 2.0), (-3.0, 0.0)),
            Some(((-2.0, -1.0), (2.0, -1.0)))
        );
        assert_eq!(guide((0.0, 5.0), 0.0, (-2.0, 2.0), (-3.0, 0.0)), None);
    }
}
