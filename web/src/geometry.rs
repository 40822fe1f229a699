//! Pure geometry for the graph view: points, node box sizes from label lengths, and the
//! view box arithmetic behind zoom, pan, fit and following the steps. (The edges' paths
//! are in `edge_path`.) No DOM here, so all of it is unit-tested natively.

/// A point in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pt {
    /// Horizontal coordinate.
    pub x: f64,
    /// Vertical coordinate.
    pub y: f64,
}

impl Pt {
    /// The point `(x, y)`.
    pub fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
}

/// A coordinate for an SVG attribute: rounded to 0.1, without a trailing `.0`.
pub(crate) fn fmt(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        "0".into()
    } else {
        format!("{r}")
    }
}

/// Characters that take visible width: combining marks (the bar of v̄) do not.
pub fn visible_chars(s: &str) -> usize {
    s.chars()
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
        .count()
}

/// Approximate width of one character of the 14px label font.
const LABEL_CHAR: f64 = 8.6;
/// Approximate width of one character of the 11px op/value font.
const SMALL_CHAR: f64 = 6.8;
/// Horizontal padding inside a node box.
const PAD_X: f64 = 22.0;
/// Narrowest node box.
const MIN_WIDTH: f64 = 64.0;
/// Height of a box with label, op and value.
pub const NODE_HEIGHT: f64 = 56.0;
/// Extra height when a box also shows an adjoint or tangent line.
pub const EXTRA_LINE: f64 = 14.0;

/// The size of a node box showing `label` (14px) over `small` lines (11px), plus
/// `extra_lines` more small lines.
pub fn node_size(label: &str, small: &[&str], extra_lines: usize) -> (f64, f64) {
    let label_w = visible_chars(label) as f64 * LABEL_CHAR;
    let small_w = small
        .iter()
        .map(|s| visible_chars(s) as f64 * SMALL_CHAR)
        .fold(0.0, f64::max);
    let width = (label_w.max(small_w) + PAD_X).max(MIN_WIDTH).ceil();
    (width, NODE_HEIGHT + EXTRA_LINE * extra_lines as f64)
}

/// An SVG view box: the user-space rectangle shown in the element.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// Zoom limits relative to the fitted view.
const MIN_ZOOM_W: f64 = 40.0;

impl ViewBox {
    /// Reads a `viewBox` attribute (`"x y w h"`, spaces or commas): `None` unless it is four
    /// finite numbers with a positive width and height.
    pub fn parse(attr: &str) -> Option<Self> {
        let mut it = attr
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .map(|p| p.parse::<f64>().ok().filter(|v| v.is_finite()));
        let (x, y, w, h) = (it.next()??, it.next()??, it.next()??, it.next()??);
        (it.next().is_none() && w > 0.0 && h > 0.0).then_some(Self { x, y, w, h })
    }

    /// The box that shows a `width × height` drawing with `margin` all round.
    pub fn fit(width: f64, height: f64, margin: f64) -> Self {
        Self {
            x: -margin,
            y: -margin,
            w: width.max(1.0) + 2.0 * margin,
            h: height.max(1.0) + 2.0 * margin,
        }
    }

    /// The `viewBox` attribute text.
    pub fn attr(self) -> String {
        format!(
            "{} {} {} {}",
            fmt(self.x),
            fmt(self.y),
            fmt(self.w),
            fmt(self.h)
        )
    }

    /// The `viewBox` text of this view when the drawing is shifted by [`ViewBox::shift_attr`]:
    /// its size at the origin. Panning then changes only the shift, a transform on the
    /// drawing's group: Chromium lays out every SVG text again whenever `viewBox` is set
    /// (even to the same box), 15–70 ms per pan at 300 nodes, and not for a transform.
    pub fn size_attr(self) -> String {
        format!("0 0 {} {}", fmt(self.w), fmt(self.h))
    }

    /// The `transform` that moves this view's top-left corner to the origin (see
    /// [`ViewBox::size_attr`]).
    pub fn shift_attr(self) -> String {
        format!("translate({} {})", fmt(-self.x), fmt(-self.y))
    }

    /// Pixels per user unit when this box is drawn `meet` in a `cw × ch` pixel element,
    /// and the pixel offsets of the centred drawing.
    fn scale_offset(self, cw: f64, ch: f64) -> (f64, f64, f64) {
        let s = (cw / self.w).min(ch / self.h);
        let s = if s.is_finite() && s > 0.0 { s } else { 1.0 };
        (s, (cw - self.w * s) / 2.0, (ch - self.h * s) / 2.0)
    }

    /// The user-space point under the pixel `(px, py)` of a `cw × ch` element.
    pub fn to_user(self, px: f64, py: f64, cw: f64, ch: f64) -> Pt {
        let (s, ox, oy) = self.scale_offset(cw, ch);
        Pt::new(self.x + (px - ox) / s, self.y + (py - oy) / s)
    }

    /// Zooms by `factor` (< 1 zooms in) keeping the point under pixel `(px, py)` fixed.
    /// Refuses to zoom in past a width of `MIN_ZOOM_W` or out past `max_w`.
    pub fn zoom_at(self, factor: f64, px: f64, py: f64, cw: f64, ch: f64, max_w: f64) -> Self {
        let w = (self.w * factor).clamp(MIN_ZOOM_W, max_w.max(MIN_ZOOM_W));
        let f = w / self.w;
        let u = self.to_user(px, py, cw, ch);
        Self {
            x: u.x - (u.x - self.x) * f,
            y: u.y - (u.y - self.y) * f,
            w,
            h: self.h * f,
        }
    }

    /// The box a fraction `t` (0 → `self`, 1 → `to`) of the way to `to`, for animating a
    /// change of view.
    pub fn lerp(self, to: Self, t: f64) -> Self {
        let t = t.clamp(0.0, 1.0);
        let mix = |a: f64, b: f64| a + (b - a) * t;
        Self {
            x: mix(self.x, to.x),
            y: mix(self.y, to.y),
            w: mix(self.w, to.w),
            h: mix(self.h, to.h),
        }
    }

    /// The box that shows in a `to` (width, height) pixel element the same picture, at the
    /// same pixels counted from the top-left corner, as `self` showed in a `from` element:
    /// where a view change starts when the element is resized at the same time, so that its
    /// first frame does not jump.
    pub fn resized(self, from: (f64, f64), to: (f64, f64)) -> Self {
        let (s, ox, oy) = self.scale_offset(from.0, from.1);
        Self {
            x: self.x - ox / s,
            y: self.y - oy / s,
            w: to.0.max(1.0) / s,
            h: to.1.max(1.0) / s,
        }
    }

    /// Moves the view by a drag of `(dx, dy)` pixels in a `cw × ch` element.
    pub fn pan(self, dx: f64, dy: f64, cw: f64, ch: f64) -> Self {
        let (s, _, _) = self.scale_offset(cw, ch);
        Self {
            x: self.x - dx / s,
            y: self.y - dy / s,
            ..self
        }
    }
}

/// Ease-in-out (cubic) of an animation's linear progress `t` in `0..=1`: slow start, slow
/// end, the same curve as the nodes' CSS transition.
// e(t) = 4t³ for t < ½, 1 − (−2t + 2)³ / 2 after: e(0) = 0, e(½) = ½, e(1) = 1, e′(0) = e′(1) = 0.
pub fn ease_in_out(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

/// Pixels per user unit below which the 14px labels become too small to read.
pub const MIN_SCALE: f64 = 0.6;

/// An axis-aligned box in user units: (min corner, max corner).
pub type Rect = (Pt, Pt);

/// The smallest box holding all of `boxes`.
pub fn union(boxes: &[Rect]) -> Option<Rect> {
    boxes.iter().copied().reduce(|(a0, a1), (b0, b1)| {
        (
            Pt::new(a0.x.min(b0.x), a0.y.min(b0.y)),
            Pt::new(a1.x.max(b1.x), a1.y.max(b1.y)),
        )
    })
}

/// The smallest box holding all of `points`.
pub fn bounds(points: &[Pt]) -> Option<Rect> {
    union(&points.iter().map(|&p| (p, p)).collect::<Vec<_>>())
}

fn contains(v: ViewBox, r: Rect, margin: f64) -> bool {
    r.0.x >= v.x + margin
        && r.0.y >= v.y + margin
        && r.1.x <= v.x + v.w - margin
        && r.1.y <= v.y + v.h - margin
}

/// Places a window of length `len` on an axis so it stays inside the drawing `[lo, lo+span]`
/// (centred on the drawing when the drawing is shorter than the window).
fn clamp_axis(start: f64, len: f64, lo: f64, span: f64) -> f64 {
    if span <= len {
        lo + (span - len) / 2.0
    } else {
        start.clamp(lo, lo + span - len)
    }
}

/// What the automatic view keeps in sight: the boxes of the current step's nodes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Keep {
    /// All of them.
    pub all: Rect,
    /// The first alone: the node being visited, which matters most.
    pub first: Rect,
}

/// The automatic view of the drawing `fit` in a `cw × ch` pixel element: the whole drawing
/// when it is readable at that size; otherwise a window that fills the element along the
/// drawing's shorter side (at least [`MIN_SCALE`], at most 1:1) and shows `keep` (the current
/// step's nodes), staying where it was (`prev`) while `keep` is inside it, so the picture
/// only moves when the step walks out of view. When the step's nodes are too far apart for
/// one window (a partial adjoint for an input at the far end of a long chain), it keeps the
/// first of them in sight: centring on all of them showed the empty middle between them.
pub fn auto_view(
    fit: ViewBox,
    cw: f64,
    ch: f64,
    keep: Option<Keep>,
    prev: Option<ViewBox>,
) -> ViewBox {
    let fit_scale = (cw / fit.w).min(ch / fit.h);
    if !(fit_scale.is_finite() && fit_scale > 0.0) || fit_scale >= MIN_SCALE {
        return fit;
    }
    let s = (cw / fit.w).max(ch / fit.h).clamp(MIN_SCALE, 1.0);
    let (w, h) = (cw / s, ch / s);
    let fits = |(a, b): Rect| b.x - a.x <= w - 16.0 && b.y - a.y <= h - 16.0;
    let keep = keep.map(|k| if fits(k.all) { k.all } else { k.first });
    let place = |x: f64, y: f64| ViewBox {
        x: clamp_axis(x, w, fit.x, fit.w),
        y: clamp_axis(y, h, fit.y, fit.h),
        w,
        h,
    };
    if let (Some(p), Some(k)) = (prev, keep) {
        let p = place(p.x, p.y);
        if (p.w - w).abs() < 1e-6 && (p.h - h).abs() < 1e-6 && contains(p, k, 8.0) {
            return p;
        }
    }
    match keep {
        Some((a, b)) => place((a.x + b.x) / 2.0 - w / 2.0, (a.y + b.y) / 2.0 - h / 2.0),
        None => prev.map_or_else(|| place(fit.x, fit.y), |p| place(p.x, p.y)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A step that keeps one node's box in sight.
    fn keep_one(r: Rect) -> Keep {
        Keep { all: r, first: r }
    }

    #[test]
    fn a_resized_element_keeps_the_picture_under_each_pixel() {
        // A wide drawing letterboxed (meet) in a square element, which then gets shorter.
        let v = ViewBox::fit(600.0, 300.0, 0.0);
        let (from, to) = ((400.0, 400.0), (400.0, 250.0));
        let r = v.resized(from, to);
        for (px, py) in [(0.0, 100.0), (200.0, 200.0), (399.0, 249.0), (37.0, 180.5)] {
            let (a, b) = (
                v.to_user(px, py, from.0, from.1),
                r.to_user(px, py, to.0, to.1),
            );
            assert!(
                (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9,
                "{px},{py}"
            );
        }
        // The same element: nothing changes where the box already fills it.
        let same = ViewBox::fit(400.0, 400.0, 0.0).resized(from, from);
        assert_eq!(same, ViewBox::fit(400.0, 400.0, 0.0));
    }

    #[test]
    fn a_shifted_box_at_the_origin_shows_the_same_view() {
        let v = ViewBox {
            x: -24.0,
            y: 130.25,
            w: 640.0,
            h: 360.5,
        };
        assert_eq!(v.size_attr(), "0 0 640 360.5");
        assert_eq!(v.shift_attr(), "translate(24 -130.3)");
        // A point of the drawing lands where the full viewBox would put it: shifted by
        // (-x, -y), then mapped by the box at the origin of the same size.
        let at_origin = ViewBox {
            x: 0.0,
            y: 0.0,
            ..v
        };
        for (px, py) in [(0.0, 0.0), (320.0, 100.0), (799.0, 449.0)] {
            let (a, b) = (
                v.to_user(px, py, 800.0, 450.0),
                at_origin.to_user(px, py, 800.0, 450.0),
            );
            assert!((a.x - (b.x + v.x)).abs() < 1e-9 && (a.y - (b.y + v.y)).abs() < 1e-9);
        }
    }

    #[test]
    fn a_view_box_attribute_reads_back() {
        let v = ViewBox::fit(300.0, 120.0, 24.0);
        assert_eq!(ViewBox::parse(&v.attr()), Some(v));
        assert_eq!(
            ViewBox::parse("1,2 3.5 4"),
            Some(ViewBox {
                x: 1.0,
                y: 2.0,
                w: 3.5,
                h: 4.0
            })
        );
        for bad in ["", "1 2 3", "1 2 3 4 5", "0 0 0 4", "0 0 NaN 4", "a b c d"] {
            assert_eq!(ViewBox::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_view_change_is_interpolated_and_eased() {
        let a = ViewBox::fit(100.0, 50.0, 0.0);
        let b = ViewBox {
            x: 40.0,
            y: -10.0,
            w: 300.0,
            h: 150.0,
        };
        assert_eq!(a.lerp(b, 0.0), a);
        assert_eq!(a.lerp(b, 1.0), b);
        assert_eq!(a.lerp(b, 2.0), b, "clamped");
        let mid = a.lerp(b, 0.5);
        assert_eq!((mid.x, mid.y, mid.w, mid.h), (20.0, -5.0, 200.0, 100.0));
        assert_eq!(ease_in_out(0.0), 0.0);
        assert_eq!(ease_in_out(0.5), 0.5);
        assert_eq!(ease_in_out(1.0), 1.0);
        assert!(
            ease_in_out(0.1) < 0.1 && ease_in_out(0.9) > 0.9,
            "slow at both ends"
        );
        let mut last = 0.0;
        for i in 1..=100 {
            let e = ease_in_out(f64::from(i) / 100.0);
            assert!(e >= last, "monotonic");
            last = e;
        }
    }

    #[test]
    fn sizes_grow_with_labels_and_ignore_combining_marks() {
        assert_eq!(visible_chars("v̄_{2→4}"), 7);
        let (w_short, h) = node_size("v1", &["x1", "2"], 0);
        assert_eq!(h, NODE_HEIGHT);
        assert_eq!(w_short, 64.0);
        let (w_long, _) = node_size("v̄_{12→14}", &[], 0);
        assert!(w_long > w_short);
        let (_, h2) = node_size("v1", &[], 1);
        assert_eq!(h2, NODE_HEIGHT + EXTRA_LINE);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let vb = ViewBox {
            x: 0.0,
            y: 0.0,
            w: 400.0,
            h: 200.0,
        };
        // An 800×600 element: scale 2, the drawing is centred vertically (offset 100px).
        assert_eq!(
            vb.to_user(400.0, 300.0, 800.0, 600.0),
            Pt::new(200.0, 100.0)
        );
        let z = vb.zoom_at(0.5, 200.0, 150.0, 800.0, 600.0, 10_000.0);
        assert_eq!(z.w, 200.0);
        assert_eq!(
            vb.to_user(200.0, 150.0, 800.0, 600.0),
            z.to_user(200.0, 150.0, 800.0, 600.0)
        );
        let clamped = vb.zoom_at(0.0001, 0.0, 0.0, 800.0, 600.0, 10_000.0);
        assert_eq!(clamped.w, MIN_ZOOM_W);
    }

    #[test]
    fn pan_moves_against_the_drag_in_user_units() {
        let vb = ViewBox {
            x: 0.0,
            y: 0.0,
            w: 400.0,
            h: 300.0,
        };
        let p = vb.pan(40.0, -20.0, 800.0, 600.0);
        assert_eq!((p.x, p.y, p.w), (-20.0, 10.0, 400.0));
        assert_eq!(ViewBox::fit(100.0, 50.0, 10.0).attr(), "-10 -10 120 70");
    }

    #[test]
    fn auto_view_fits_small_drawings_and_follows_in_large_ones() {
        let small = ViewBox::fit(300.0, 200.0, 0.0);
        assert_eq!(auto_view(small, 600.0, 400.0, None, None), small);
        let big = ViewBox::fit(3000.0, 600.0, 0.0);
        // A 600×600 element: the drawing's height fits 1:1, so the window is 600×600 and
        // pans along the drawing.
        let keep = (Pt::new(2900.0, 100.0), Pt::new(2990.0, 150.0));
        let v = auto_view(big, 600.0, 600.0, Some(keep_one(keep)), None);
        assert_eq!(
            (v.x, v.y, v.w, v.h),
            (2400.0, 0.0, 600.0, 600.0),
            "clamped at the right end"
        );
        // A taller drawing still fills the height; a much taller one stops at the floor.
        let tall = auto_view(ViewBox::fit(3000.0, 900.0, 0.0), 600.0, 600.0, None, None);
        assert_eq!((tall.x, tall.y, tall.w, tall.h), (0.0, 0.0, 900.0, 900.0));
        let taller = auto_view(ViewBox::fit(3000.0, 1200.0, 0.0), 600.0, 600.0, None, None);
        assert_eq!((taller.w, taller.h), (1000.0, 1000.0));
        // The next step is still inside: the view does not move.
        let next = (Pt::new(2500.0, 100.0), Pt::new(2590.0, 150.0));
        assert_eq!(
            auto_view(big, 600.0, 600.0, Some(keep_one(next)), Some(v)),
            v
        );
        // A step out of view recentres on it.
        let far = (Pt::new(100.0, 100.0), Pt::new(190.0, 150.0));
        let moved = auto_view(big, 600.0, 600.0, Some(keep_one(far)), Some(v));
        assert_eq!(moved.x, 0.0);
        assert_eq!(
            union(&[keep, far]),
            Some((Pt::new(100.0, 100.0), Pt::new(2990.0, 150.0)))
        );
    }

    #[test]
    fn a_step_whose_nodes_are_too_far_apart_keeps_its_first_in_view() {
        let big = ViewBox::fit(3000.0, 600.0, 0.0);
        // The node visited at x ≈ 2500 and its input at the far left: no 600-wide window
        // holds both.
        let visited = (Pt::new(2500.0, 100.0), Pt::new(2590.0, 150.0));
        let input = (Pt::new(10.0, 100.0), Pt::new(100.0, 150.0));
        let both = Keep {
            all: (input.0, visited.1),
            first: visited,
        };
        let on_visited = auto_view(big, 600.0, 600.0, Some(keep_one(visited)), None);
        // Where the view already shows the visited node, it stays.
        assert_eq!(
            auto_view(big, 600.0, 600.0, Some(both), Some(on_visited)),
            on_visited
        );
        // From elsewhere it centres on the visited node, not on the middle of the two.
        let v = auto_view(big, 600.0, 600.0, Some(both), None);
        assert!(
            v.x <= 2500.0 && v.x + v.w >= 2590.0,
            "{v:?} shows the visited node"
        );
        // Nodes that fit together are all kept.
        let near = Keep {
            all: (Pt::new(2300.0, 100.0), visited.1),
            first: visited,
        };
        let v = auto_view(big, 600.0, 600.0, Some(near), None);
        assert!(v.x <= 2300.0 && v.x + v.w >= 2590.0, "{v:?} shows both");
    }
}
