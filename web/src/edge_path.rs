//! How an edge is drawn along its route: the SVG paths of the line ([`rounded_pieces`])
//! and of its arrowhead ([`arrowhead`]). No DOM here, so all of it is unit-tested natively.
//!
//! The layout routes every edge as a polyline that keeps out of the boxes: lane edges run
//! out of a box's side, along a leg in the gap between columns, along a track and back down
//! another leg; long edges run through their dummies. The line follows that polyline
//! exactly and only rounds its corners, each inside the two runs that meet there, so it
//! never leaves the route's bounding box and never cuts through a box the route avoids.
//!
//! (A spline through the points, Catmull–Rom as before, overshoots where a short segment
//! meets a long one: a 180-unit leg before a 20,000-unit track swung the line ~1,300 units
//! past its column, and a hook back into its box. Such a curve also cost the software
//! rasterizer ~0.2 ms per tile it crossed, in every tile of the graph that a step repainted.)

use crate::geometry::{bounds, fmt, union, Pt, Rect};

/// Length of the arrowhead along the edge, in user units.
pub const ARROW_LEN: f64 = 8.0;
/// Half the arrowhead's width.
pub const ARROW_HALF_WIDTH: f64 = 4.0;
/// The largest radius of a rounded corner, in user units; a corner between short segments
/// gets at most half the shorter one, so the curves of neighbouring corners never overlap.
pub const CORNER_RADIUS: f64 = 20.0;

/// Corners flatter than this (|sin| of the turn) are drawn as a straight join.
const STRAIGHT: f64 = 1e-3;
/// The most a piece of an edge spans, in user units (a raster tile is 256 pixels, and the
/// graph is never drawn larger than 1:1): see [`rounded_pieces`].
pub const PIECE_SPAN: f64 = 240.0;

/// One stretch of a drawn edge: a straight line from `from` to `to`, or with a `corner`, a
/// rounded corner (a quadratic Bézier pulled towards it).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Segment {
    from: Pt,
    corner: Option<Pt>,
    to: Pt,
}

impl Segment {
    /// Its length along the line (a corner's by 8 chords, well within a pixel).
    fn length(self) -> f64 {
        let Some(c) = self.corner else {
            return distance(self.from, self.to);
        };
        let (a, b) = (self.from, self.to);
        let at = |t: f64| {
            let u = 1.0 - t;
            Pt::new(
                u * u * a.x + 2.0 * u * t * c.x + t * t * b.x,
                u * u * a.y + 2.0 * u * t * c.y + t * t * b.y,
            )
        };
        (0..8)
            .map(|i| distance(at(f64::from(i) / 8.0), at(f64::from(i + 1) / 8.0)))
            .sum()
    }

    /// Its bounding box (a corner's curve lies inside its three points' box).
    fn bounds(self) -> Rect {
        let c = self.corner.unwrap_or(self.to);
        bounds(&[self.from, self.to, c]).unwrap_or((self.from, self.from))
    }

    /// Its path command, the pen being at its start.
    fn command(self) -> String {
        let to = format!("{},{}", fmt(self.to.x), fmt(self.to.y));
        match self.corner {
            Some(c) => format!("Q{},{} {to}", fmt(c.x), fmt(c.y)),
            None => format!("L{to}"),
        }
    }
}

/// The segments of the line along the polyline `points`: straight runs, each corner
/// rounded by a quadratic Bézier whose control point is the corner itself and whose ends
/// lie on the two runs, at most [`CORNER_RADIUS`] and half of either run away from it. The
/// last point is pulled back by `trim` along the final run, so the line ends at the base of
/// its arrowhead instead of poking through its tip.
fn segments(points: &[Pt], trim: f64) -> Vec<Segment> {
    let mut pts: Vec<Pt> = points.to_vec();
    pts.dedup();
    if pts.len() < 2 {
        return Vec::new();
    }
    let n = pts.len();
    let (tip, dir) = end_direction(&pts);
    let cut = trim.min(distance(pts[n - 2], tip));
    pts[n - 1] = Pt::new(tip.x - dir.x * cut, tip.y - dir.y * cut);
    let mut out = Vec::with_capacity(2 * n);
    // Where the pen is, so a corner that starts there needs no line to it.
    let mut at = pts[0];
    for i in 1..n - 1 {
        let (a, corner, b) = (pts[i - 1], pts[i], pts[i + 1]);
        let (ua, ub) = (unit(a, corner), unit(corner, b));
        let turn = (ua.x * ub.y - ua.y * ub.x).abs();
        let r = CORNER_RADIUS
            .min(distance(a, corner) / 2.0)
            .min(distance(corner, b) / 2.0);
        // Straight on (or straight back: a route never doubles back on itself).
        if turn < STRAIGHT || r < 0.05 {
            out.push(Segment {
                from: at,
                corner: None,
                to: corner,
            });
            at = corner;
            continue;
        }
        let enter = Pt::new(corner.x - ua.x * r, corner.y - ua.y * r);
        let leave = Pt::new(corner.x + ub.x * r, corner.y + ub.y * r);
        if distance(at, enter) > 0.05 {
            out.push(Segment {
                from: at,
                corner: None,
                to: enter,
            });
        }
        out.push(Segment {
            from: enter,
            corner: Some(corner),
            to: leave,
        });
        at = leave;
    }
    out.push(Segment {
        from: at,
        corner: None,
        to: pts[n - 1],
    });
    out
}

/// One `<path>` of an edge: its `d`, and how far along the edge it starts (its
/// `stroke-dashoffset`, so a dash pattern runs on across the pieces).
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// The path data.
    pub d: String,
    /// Length of the edge before this piece, in user units.
    pub offset: f64,
}

/// The line along the polyline `points` (see [`segments`]) as one or more pieces, each at
/// most [`PIECE_SPAN`] across, except a long straight run, which is a piece of its own.
///
/// Chromium rasters a tile by replaying every drawing whose bounds meet it, and Skia dashes
/// a path along its whole length before clipping it, except a single straight line, which
/// it dashes only inside the tile. One dashed 12,000-unit edge cost ~0.3 ms in every tile
/// it crossed; forty of them made a step's raster ~35 ms. In pieces, a tile replays only the
/// pieces over it, and a long run is a single line.
pub fn rounded_pieces(points: &[Pt], trim: f64) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    // The piece being drawn and its bounding box.
    let mut open: Option<(Piece, Rect)> = None;
    let mut along = 0.0;
    for seg in segments(points, trim) {
        let bounds = seg.bounds();
        let len = seg.length();
        let alone = seg.corner.is_none() && len > PIECE_SPAN;
        match open.take() {
            Some((mut piece, b)) if !alone => {
                let (lo, hi) = union(&[b, bounds]).unwrap_or(bounds);
                if (hi.x - lo.x).max(hi.y - lo.y) <= PIECE_SPAN {
                    piece.d = format!("{} {}", piece.d, seg.command());
                    open = Some((piece, (lo, hi)));
                } else {
                    pieces.push(piece);
                }
            }
            Some((piece, _)) => pieces.push(piece),
            None => {}
        }
        if open.is_none() {
            let d = format!("M{},{} {}", fmt(seg.from.x), fmt(seg.from.y), seg.command());
            open = Some((Piece { d, offset: along }, bounds));
        }
        along += len;
    }
    pieces.extend(open.map(|(piece, _)| piece));
    pieces
}

/// (`sqrt`, one wasm instruction; `hypot` would link libm's.)
fn distance(a: Pt, b: Pt) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    (dx * dx + dy * dy).sqrt()
}

/// The unit vector from `a` towards `b` (zero when they coincide).
fn unit(a: Pt, b: Pt) -> Pt {
    let len = distance(a, b);
    if len < 1e-9 {
        return Pt::new(0.0, 0.0);
    }
    Pt::new((b.x - a.x) / len, (b.y - a.y) / len)
}

/// The last point of a route and the unit direction of its final segment.
fn end_direction(pts: &[Pt]) -> (Pt, Pt) {
    let n = pts.len();
    let tip = pts[n - 1];
    let dir = unit(pts[n - 2], tip);
    if dir == Pt::new(0.0, 0.0) {
        return (tip, Pt::new(1.0, 0.0));
    }
    (tip, dir)
}

/// A closed triangle path for the arrowhead at the end of `points` (empty if degenerate).
pub fn arrowhead(points: &[Pt]) -> String {
    let mut pts: Vec<Pt> = points.to_vec();
    pts.dedup();
    if pts.len() < 2 {
        return String::new();
    }
    let (tip, dir) = end_direction(&pts);
    let base = Pt::new(tip.x - dir.x * ARROW_LEN, tip.y - dir.y * ARROW_LEN);
    let normal = Pt::new(-dir.y, dir.x);
    let a = Pt::new(
        base.x + normal.x * ARROW_HALF_WIDTH,
        base.y + normal.y * ARROW_HALF_WIDTH,
    );
    let b = Pt::new(
        base.x - normal.x * ARROW_HALF_WIDTH,
        base.y - normal.y * ARROW_HALF_WIDTH,
    );
    format!(
        "M{},{} L{},{} L{},{} Z",
        fmt(tip.x),
        fmt(tip.y),
        fmt(a.x),
        fmt(a.y),
        fmt(b.x),
        fmt(b.y)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The numbers of a path `d` as points (every command here takes x,y pairs).
    fn path_points(d: &str) -> Vec<Pt> {
        d.split(|c: char| c.is_ascii_alphabetic() || c == ' ')
            .filter(|s| !s.is_empty())
            .map(|pair| {
                let (x, y) = pair.split_once(',').expect("x,y");
                Pt::new(x.parse().expect("x"), y.parse().expect("y"))
            })
            .collect()
    }

    /// A route through `(x, y)` points.
    fn polyline(xy: &[(f64, f64)]) -> Vec<Pt> {
        xy.iter().map(|&(x, y)| Pt::new(x, y)).collect()
    }

    /// The pieces' `d`s.
    fn ds(pieces: &[Piece]) -> Vec<&str> {
        pieces.iter().map(|p| p.d.as_str()).collect()
    }

    #[test]
    fn two_points_make_a_line_trimmed_for_the_arrow() {
        let p = rounded_pieces(&[Pt::new(0.0, 0.0), Pt::new(100.0, 0.0)], ARROW_LEN);
        assert_eq!(
            p,
            [Piece {
                d: "M0,0 L92,0".into(),
                offset: 0.0
            }]
        );
    }

    #[test]
    fn a_corner_is_rounded_inside_its_two_runs() {
        // Up a leg, then along a track: the corner at (0,0) starts 20 before it, on the
        // leg, and ends 20 after it, on the track. The track, longer than a piece may be,
        // is a line of its own, starting as far along the edge as the leg and corner run.
        let pts = polyline(&[(0.0, 180.0), (0.0, 0.0), (500.0, 0.0)]);
        let p = rounded_pieces(&pts, 0.0);
        assert_eq!(ds(&p), ["M0,180 L0,20 Q0,0 20,0", "M20,0 L500,0"]);
        // 160 of leg, then a quarter turn of radius ~20 (between its chord, 28.3, and its
        // control polygon, 40).
        assert_eq!(p[0].offset, 0.0);
        assert!((188.3..200.0).contains(&p[1].offset), "{}", p[1].offset);
    }

    #[test]
    fn short_runs_get_smaller_corners() {
        // A 10-unit jog: each corner's radius is half of it, so the two curves meet.
        let pts = polyline(&[(0.0, 0.0), (100.0, 0.0), (100.0, 10.0), (200.0, 10.0)]);
        assert_eq!(
            ds(&rounded_pieces(&pts, 0.0)),
            ["M0,0 L95,0 Q100,0 100,5 Q100,10 105,10 L200,10"]
        );
    }

    #[test]
    fn a_leg_next_to_a_long_track_stays_in_its_gap() {
        // The route that used to swing ~1,300 units left of its column: now no point of
        // the line is left of the leg, and the track is one straight line.
        let pts = polyline(&[
            (90.0, 180.0),
            (120.0, 180.0),
            (120.0, 0.0),
            (20_000.0, 0.0),
            (20_000.0, 300.0),
            (20_030.0, 300.0),
        ]);
        let p = rounded_pieces(&pts, ARROW_LEN);
        let xs: Vec<f64> = p
            .iter()
            .flat_map(|p| path_points(&p.d))
            .map(|p| p.x)
            .collect();
        assert!(xs.iter().all(|&x| (90.0..=20_030.0).contains(&x)), "{p:?}");
        assert!(ds(&p).contains(&"M140,0 L19980,0"), "{p:?}");
    }

    #[test]
    fn straight_runs_through_dummies_stay_lines() {
        let pts = polyline(&[(0.0, 5.0), (50.0, 5.0), (100.0, 5.0)]);
        assert_eq!(ds(&rounded_pieces(&pts, 0.0)), ["M0,5 L50,5 L100,5"]);
    }

    #[test]
    fn degenerate_routes_draw_nothing() {
        assert_eq!(rounded_pieces(&[], 0.0), []);
        assert_eq!(
            rounded_pieces(&[Pt::new(1.0, 1.0), Pt::new(1.0, 1.0)], 0.0),
            []
        );
        assert_eq!(arrowhead(&[Pt::new(1.0, 1.0)]), "");
    }

    #[test]
    fn arrowhead_points_along_the_last_segment() {
        let a = arrowhead(&[Pt::new(0.0, 0.0), Pt::new(100.0, 0.0)]);
        assert_eq!(a, "M100,0 L92,4 L92,-4 Z");
    }

    /// Routes as the layout makes them: axis-parallel and diagonal runs of any length.
    fn route() -> impl Strategy<Value = Vec<Pt>> {
        prop::collection::vec((-2_000.0..2_000.0f64, -500.0..500.0f64), 2..9)
            .prop_map(|v| v.into_iter().map(|(x, y)| Pt::new(x, y)).collect())
    }

    fn close(a: Pt, b: Pt, tolerance: f64) -> bool {
        distance(a, b) <= tolerance
    }

    proptest! {
        /// Every point of the line (its ends, corners and the ends of each curve, which
        /// bound the curve) lies in the route's bounding box, so the line goes nowhere the
        /// route does not. It starts where the route does, ends `trim` short of its tip,
        /// and its pieces join end to end, each no wider than a piece may be unless it is
        /// one straight line, each starting as far along as the ones before it run.
        #[test]
        fn the_line_never_leaves_the_routes_box(pts in route(), trim in 0.0..10.0f64) {
            let pieces = rounded_pieces(&pts, trim);
            let (lo_x, hi_x) = pts.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.x), b.max(p.x)));
            let (lo_y, hi_y) = pts.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.y), b.max(p.y)));
            let mut distinct = pts.clone();
            distinct.dedup();
            prop_assert_eq!(pieces.is_empty(), distinct.len() < 2);
            let mut end: Option<Pt> = None;
            for piece in &pieces {
                let drawn = path_points(&piece.d);
                for p in &drawn {
                    prop_assert!(p.x >= lo_x - 0.06 && p.x <= hi_x + 0.06 && p.y >= lo_y - 0.06 && p.y <= hi_y + 0.06, "{:?} outside in {}", p, piece.d);
                }
                let (x0, x1, y0, y1) = drawn.iter().fold((f64::MAX, f64::MIN, f64::MAX, f64::MIN), |(a, b, c, d), p| (a.min(p.x), b.max(p.x), c.min(p.y), d.max(p.y)));
                let (w, h) = (x1 - x0, y1 - y0);
                let one_line = piece.d.matches(['L', 'Q']).count() == 1 && piece.d.contains('L');
                prop_assert!(one_line || w.max(h) <= PIECE_SPAN + 0.2, "{} spans {}×{}", piece.d, w, h);
                if let Some(end) = end {
                    prop_assert!(close(end, drawn[0], 0.15), "a gap before {}", piece.d);
                }
                end = drawn.last().copied();
            }
            if let (Some(first), Some(end)) = (pieces.first(), end) {
                prop_assert!(close(path_points(&first.d)[0], distinct[0], 0.08));
                let (tip, before) = (distinct[distinct.len() - 1], distinct[distinct.len() - 2]);
                let short = distance(end, tip);
                prop_assert!((short - trim.min(distance(before, tip))).abs() < 0.15, "ends {} short, wanted {}", short, trim);
            }
            for pair in pieces.windows(2) {
                prop_assert!(pair[1].offset > pair[0].offset);
            }
        }
    }
}
