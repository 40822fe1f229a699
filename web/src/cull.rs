//! Which chunks of the graph's drawing lie near the view. The graph view draws the others
//! with `display: none` (they stay in the DOM, with every node and edge), so a step's style,
//! layout, pre-paint, paint and layerize skip them: on an 800-node graph the drawing had
//! cost ~6 ms of each step's frame while ten of its nodes were on screen.
//!
//! A chunk of nodes is a run of them in index order; in a chain those sit side by side, so
//! its box is small and most chunks are far from any one view. Edges are chunked in the
//! order of their left ends ([`ChunkBoxes::edge_order`]): the long edges (from an input used
//! by every statement) then share a few chunks that are always drawn, and the short ones
//! are grouped by place. A chunk is drawn once it comes near the view and hidden again only
//! once it is far ([`Shown`]), so a view that swings between the forward and the adjoint
//! band of an extended graph does not draw and drop the same chunks at every step.

use adjoint_layout::{EdgeRoute, Layout};

use crate::geometry::{bounds, union, Pt, Rect, ViewBox};

/// How far past the view a chunk still counts as near, as a fraction of the view's width
/// (left and right) and height (above and below): a step that pans the view a little then
/// shows no chunk for the first time, and a resize or a quick drag rarely outruns it.
pub const NEAR: f64 = 0.5;

/// How far past the view a drawn chunk must be before it is hidden again (see [`NEAR`]).
pub const FAR: f64 = 2.0;

/// Room round an edge's route for its stroke and arrowhead, in layout units.
const EDGE_PAD: f64 = 12.0;

/// The boxes of a trace's chunks, fixed for its layout.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChunkBoxes {
    /// Per chunk of placed nodes (`node_chunk` of them, in node order).
    pub nodes: Vec<Option<Rect>>,
    /// The layout's edge indexes in the order they are chunked and drawn: by the left end
    /// of their boxes (edges without points last).
    pub edge_order: Vec<usize>,
    /// Per chunk of edges (`edge_chunk` of them, in `edge_order`).
    pub edges: Vec<Option<Rect>>,
}

impl ChunkBoxes {
    /// The chunks of `layout` as the graph view cuts it: the nodes `placed` (in index
    /// order) `node_chunk` at a time, the edges `edge_chunk` at a time.
    pub fn new(layout: &Layout, placed: &[bool], node_chunk: usize, edge_chunk: usize) -> Self {
        let boxes =
            |part: &[Option<Rect>]| union(&part.iter().flatten().copied().collect::<Vec<_>>());
        let nodes: Vec<Option<Rect>> = placed
            .iter()
            .enumerate()
            .filter(|(_, p)| **p)
            .map(|(i, _)| node_box(layout, i))
            .collect();
        let edge_boxes: Vec<Option<Rect>> = layout.edges.iter().map(edge_box).collect();
        // A stable sort (the workspace's one, `adjoint_order`, for the wasm's size): edges
        // with the same left end keep their layout order.
        let left = |i: usize| edge_boxes[i].map_or(f64::INFINITY, |(p, _)| p.x);
        let edge_order =
            adjoint_order::sorted_positions(edge_boxes.len(), &|a, b| left(a).total_cmp(&left(b)));
        let ordered: Vec<Option<Rect>> = edge_order.iter().map(|&i| edge_boxes[i]).collect();
        Self {
            nodes: nodes.chunks(node_chunk.max(1)).map(boxes).collect(),
            edges: ordered.chunks(edge_chunk.max(1)).map(boxes).collect(),
            edge_order,
        }
    }
}

/// Node `i`'s box in `layout` (also what the automatic view keeps in sight,
/// `graph_model::keep_box`).
pub fn node_box(layout: &Layout, i: usize) -> Option<Rect> {
    let (c, s) = (layout.nodes.get(i)?, layout.sizes.get(i)?);
    let (hw, hh) = (s.width / 2.0, s.height / 2.0);
    Some((Pt::new(c.x - hw, c.y - hh), Pt::new(c.x + hw, c.y + hh)))
}

/// The box of an edge's route, with [`EDGE_PAD`] round it.
fn edge_box(e: &EdgeRoute) -> Option<Rect> {
    let points: Vec<Pt> = e.points.iter().map(|p| Pt::new(p.x, p.y)).collect();
    let (a, b) = bounds(&points)?;
    Some((
        Pt::new(a.x - EDGE_PAD, a.y - EDGE_PAD),
        Pt::new(b.x + EDGE_PAD, b.y + EDGE_PAD),
    ))
}

/// The region `view` and `also` (the view a glide starts from) cover, with `margin` of
/// the view's width and height round them ([`NEAR`], [`FAR`]).
pub fn near_region(view: ViewBox, also: Option<ViewBox>, margin: f64) -> Rect {
    let corners = |v: ViewBox| (Pt::new(v.x, v.y), Pt::new(v.x + v.w, v.y + v.h));
    let (a, b) = match also {
        Some(o) => union(&[corners(view), corners(o)]).unwrap_or(corners(view)),
        None => corners(view),
    };
    let (mx, my) = (view.w * margin, view.h * margin);
    (Pt::new(a.x - mx, a.y - my), Pt::new(b.x + mx, b.y + my))
}

/// Whether a chunk with box `chunk` meets `region`. A chunk without a box (nothing placed
/// in it) does: drawing it costs nothing, and hiding it would hide nothing.
pub fn is_near(chunk: Option<Rect>, region: Rect) -> bool {
    chunk.is_none_or(|(a, b)| {
        a.x <= region.1.x && b.x >= region.0.x && a.y <= region.1.y && b.y >= region.0.y
    })
}

/// Which chunks are drawn, kept from one render to the next.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    /// Per node chunk.
    pub nodes: Vec<bool>,
    /// Per edge chunk.
    pub edges: Vec<bool>,
}

impl Shown {
    /// The chunks to draw for `view` (and `also`, where a glide starts): those near it
    /// ([`NEAR`]), and those drawn before that are not yet far from it ([`FAR`]).
    pub fn update(&mut self, boxes: &ChunkBoxes, view: ViewBox, also: Option<ViewBox>) {
        let (near, far) = (near_region(view, also, NEAR), near_region(view, also, FAR));
        let step = |was: &mut Vec<bool>, boxes: &[Option<Rect>]| {
            was.resize(boxes.len(), false);
            for (on, &b) in was.iter_mut().zip(boxes) {
                *on = is_near(b, near) || (*on && is_near(b, far));
            }
        };
        step(&mut self.nodes, &boxes.nodes);
        step(&mut self.edges, &boxes.edges);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adjoint_layout::{Point, Size};

    /// Nodes 40 × 20 at x = 0, 100, 200, …, all at y = 0, each joined to the next.
    fn row(n: usize) -> Layout {
        Layout {
            nodes: (0..n)
                .map(|i| Point {
                    x: 100.0 * i as f64,
                    y: 0.0,
                })
                .collect(),
            sizes: vec![
                Size {
                    width: 40.0,
                    height: 20.0
                };
                n
            ],
            layers: (0..n).collect(),
            edges: (1..n)
                .map(|i| EdgeRoute {
                    src: i - 1,
                    dst: i,
                    points: vec![
                        Point {
                            x: 100.0 * (i - 1) as f64 + 20.0,
                            y: 0.0,
                        },
                        Point {
                            x: 100.0 * i as f64 - 20.0,
                            y: 0.0,
                        },
                    ],
                })
                .collect(),
            width: 100.0 * n as f64,
            height: 20.0,
            crossings: 0,
        }
    }

    /// [`row`] of 100 nodes, in chunks of 10 nodes and 10 edges.
    fn hundred() -> (Layout, ChunkBoxes) {
        let l = row(100);
        let b = ChunkBoxes::new(&l, &[true; 100], 10, 10);
        (l, b)
    }

    /// A 400 × 200 view whose left edge is at `x`.
    fn view_at(x: f64) -> ViewBox {
        ViewBox {
            x,
            y: -100.0,
            w: 400.0,
            h: 200.0,
        }
    }

    #[test]
    fn chunk_boxes_hold_their_nodes_and_edges() {
        let l = row(10);
        let b = ChunkBoxes::new(&l, &[true; 10], 4, 3);
        assert_eq!(b.nodes.len(), 3, "10 nodes in chunks of 4");
        assert_eq!(
            b.nodes[0],
            Some((Pt::new(-20.0, -10.0), Pt::new(320.0, 10.0))),
            "nodes 0–3"
        );
        assert_eq!(
            b.nodes[2],
            Some((Pt::new(780.0, -10.0), Pt::new(920.0, 10.0)))
        );
        assert_eq!(b.edges.len(), 3, "9 edges in chunks of 3");
        // Edges 0–2 run from x = 20 to 280, padded by 12.
        assert_eq!(
            b.edges[0],
            Some((Pt::new(8.0, -12.0), Pt::new(292.0, 12.0)))
        );
        assert_eq!(
            b.edge_order,
            (0..9).collect::<Vec<_>>(),
            "already left to right"
        );
    }

    #[test]
    fn edges_are_chunked_by_their_left_ends() {
        let mut l = row(5);
        // A long edge from node 0 to node 4, last in layout order.
        l.edges.push(EdgeRoute {
            src: 0,
            dst: 4,
            points: vec![Point { x: 20.0, y: 10.0 }, Point { x: 380.0, y: 10.0 }],
        });
        let b = ChunkBoxes::new(&l, &[true; 5], 2, 2);
        // Left ends: 20, 120, 220, 320, and 20 for the long one (after edge 0, stable).
        assert_eq!(b.edge_order, vec![0, 4, 1, 2, 3]);
        assert_eq!(b.edges.len(), 3);
        assert_eq!(
            b.edges[1],
            Some((Pt::new(108.0, -12.0), Pt::new(292.0, 12.0)))
        );
    }

    #[test]
    fn a_drawn_chunk_is_hidden_only_once_it_is_far() {
        let (_, b) = hundred();
        let mut shown = Shown::default();
        shown.update(&b, view_at(3000.0), None);
        let on = |s: &Shown| (0..10).filter(|&c| s.nodes[c]).collect::<Vec<_>>();
        assert_eq!(on(&shown), vec![2, 3]);
        // 600 to the right: chunks 3 and 4 are near; 2 (x ≤ 2920) is within FAR (800) of
        // the view at 3600 and stays drawn.
        shown.update(&b, view_at(3600.0), None);
        assert_eq!(on(&shown), vec![2, 3, 4]);
        // Far away: only what is near there.
        shown.update(&b, view_at(8000.0), None);
        assert_eq!(on(&shown), vec![7, 8]);
    }

    #[test]
    fn nodes_not_placed_are_left_out_of_the_chunks() {
        let l = row(6);
        let placed = [true, false, true, true, false, true];
        let b = ChunkBoxes::new(&l, &placed, 2, 10);
        // Placed nodes 0, 2 | 3, 5.
        assert_eq!(b.nodes.len(), 2);
        assert_eq!(
            b.nodes[0],
            Some((Pt::new(-20.0, -10.0), Pt::new(220.0, 10.0)))
        );
        assert_eq!(
            b.nodes[1],
            Some((Pt::new(280.0, -10.0), Pt::new(520.0, 10.0)))
        );
    }

    #[test]
    fn only_chunks_near_the_view_are_drawn() {
        let (l, b) = hundred();
        // A view 400 wide over x = 3000..3400: near means x = 2800..3600.
        let view = view_at(3000.0);
        let region = near_region(view, None, NEAR);
        let near: Vec<usize> = (0..b.nodes.len())
            .filter(|&c| is_near(b.nodes[c], region))
            .collect();
        // Chunk 2 is nodes 20–29 (x ≤ 2920), chunk 3 nodes 30–39 (x ≥ 2980).
        assert_eq!(near, vec![2, 3]);
        // A glide from x = 6000 also draws the chunks there.
        let from = ViewBox { x: 6000.0, ..view };
        let region = near_region(view, Some(from), NEAR);
        assert!(is_near(b.nodes[6], region) && is_near(b.nodes[4], region));
        assert!(!is_near(b.nodes[0], region) && !is_near(b.nodes[9], region));
        // The fitted view draws everything; a chunk with nothing placed is drawn.
        let fit = ViewBox::fit(l.width, l.height, 24.0);
        assert!(b
            .nodes
            .iter()
            .all(|&c| is_near(c, near_region(fit, None, NEAR))));
        assert!(is_near(None, region));
    }
}
