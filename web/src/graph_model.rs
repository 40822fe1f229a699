//! The graph's model, apart from its drawing: how the trace's final graph is laid out (box
//! sizes from labels, forward and adjoint bands), and what a frame adds to the picture (the
//! adjoint or tangent written under each node, second names, the nodes to keep in view),
//! and the attribute strings that stay the same at every step ([`Drawn`]).
//! Pure functions of the trace and frame, tested natively.

use adjoint_engine::render::{number::rounded, text, Sym};
use adjoint_engine::{Frame, Mode, NodeKind, NodeView, StepKind, Trace};
use std::rc::Rc;

use adjoint_layout::{Band, Layout, LayoutInput, LayoutNode, LayoutOptions};

use yew::AttrValue;

use crate::components::graph_view::{CHUNK, EDGE_CHUNK};
use crate::cull::{node_box, ChunkBoxes};
use crate::edge_path::{arrowhead, rounded_pieces, ARROW_LEN};
use crate::geometry::{fmt, node_size, union, Keep, Pt, Rect};

/// The attribute value of a node kind (`input`, `forward`, …).
pub fn kind_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Input => "input",
        NodeKind::Forward => "forward",
        NodeKind::Seed => "seed",
        NodeKind::Adjoint => "adjoint",
        NodeKind::Partial => "partial",
        NodeKind::Aux => "aux",
    }
}

/// Does this mode write a per-node number (tangent or adjoint) under the forward nodes?
pub fn annotates(mode: Mode) -> bool {
    mode != Mode::Extended
}

/// The small lines drawn in a node: its op (left out for inputs named like the node) and
/// its rounded value, or for a tensor or structure its shape badge (`2×3`, `{cat,dog}`).
pub fn small_lines(n: &NodeView) -> (String, String) {
    let value = n
        .shaped
        .as_ref()
        .and_then(crate::tensor_view::badge)
        .unwrap_or_else(|| rounded(n.value));
    (n.op.clone(), value)
}

/// Lays out the final graph of `trace`: forward nodes in the forward band, created nodes
/// in the adjoint band pinned to their forward node's column. Box sizes follow the labels.
pub fn build_layout(trace: &Trace) -> Result<Layout, String> {
    let extra = usize::from(annotates(trace.mode));
    let nodes = trace
        .nodes
        .iter()
        .map(|n| {
            let (op, value) = small_lines(n);
            let forward = n.created_at.is_none() && n.id < trace.forward_count;
            let annot = if forward { extra } else { 0 };
            let (w, h) = node_size(&widest_label(n), &[&op, &value, "v̄ = -0.000"], annot);
            let band = if forward {
                Band::Forward
            } else {
                Band::Adjoint {
                    column_of: n.column_of.map(|c| c as usize),
                }
            };
            LayoutNode {
                width: w,
                height: h,
                band,
            }
        })
        .collect();
    let edges = trace.edges();
    adjoint_layout::layout(&LayoutInput { nodes, edges }, &LayoutOptions::default())
        .map_err(|e| e.to_string())
}

/// Per node: the tangent or adjoint value reached so far (the table's rows), as text.
pub fn annotations(trace: &Trace, frame: &Frame) -> Vec<Option<String>> {
    let mut out = vec![None; trace.nodes.len()];
    if !annotates(trace.mode) {
        return out;
    }
    let rows = crate::components::adjoint_table::table_rows(trace, frame);
    let mark = if trace.mode == Mode::Forward {
        "v̇"
    } else {
        "v̄"
    };
    for &r in &rows {
        if let Some(s) = trace.steps.get(r) {
            if let Some(slot) = out.get_mut(s.node as usize) {
                *slot = Some(format!("{mark} = {}", rounded(s.value)));
            }
        }
    }
    out
}

/// The boxes the automatic view keeps in sight: the nodes the current step created, else the
/// nodes it focuses on, else where the algorithm starts (the inputs in forward mode, the
/// output otherwise).
pub fn keep_box(t: &Trace, f: &Frame, layout: &Layout) -> Option<Keep> {
    let start = if t.mode == Mode::Forward { 0 } else { t.output };
    let ids: Vec<u32> = if !f.fresh.is_empty() {
        f.fresh.clone()
    } else if !f.focus.is_empty() {
        f.focus.clone()
    } else {
        vec![start]
    };
    let boxes: Vec<Rect> = ids
        .iter()
        .filter_map(|&i| node_box(layout, i as usize))
        .collect();
    Some(Keep {
        all: union(&boxes)?,
        first: *boxes.first()?,
    })
}

pub fn sym_text(s: &Sym) -> String {
    text::text(&adjoint_engine::render::Term::Sym(s.clone()))
}

/// Per node: has a visit so far named it by its second name (`also`)?
pub fn named_so_far(t: &Trace, f: &Frame) -> Vec<bool> {
    let mut out = vec![false; t.nodes.len()];
    for s in t
        .steps
        .iter()
        .take(f.k)
        .filter(|s| s.kind == StepKind::Visit)
    {
        if let Some(r) = s.result.map(|r| r as usize) {
            if t.nodes.get(r).is_some_and(|n| n.also.is_some()) {
                out[r] = true;
            }
        }
    }
    out
}

/// The text the label line may grow to, for sizing the box.
pub fn widest_label(n: &NodeView) -> String {
    match &n.also {
        Some(also) => format!("{} = {}", n.label, sym_text(also)),
        None => n.label.clone(),
    }
}

/// What is drawn the same at every step of a trace, as attribute strings: each edge's path
/// and arrowhead, each node's box, text baselines and tooltip. Formatting these floats for
/// every element at every step was half of a step's wasm time on a 300-node graph.
pub struct Drawn {
    /// Each edge's paths, per `layout.edges` (shared, so the edge components compare them
    /// by pointer).
    pub edges: Vec<Rc<EdgePaths>>,
    /// Per node (`None` when the layout has no place for it).
    pub nodes: Vec<Option<Rc<NodeGeom>>>,
    /// The boxes of the drawing's chunks, to draw only those near the view (`cull`).
    pub chunks: ChunkBoxes,
}

/// One edge's fixed attributes: the pieces of its line (see `edge_path::rounded_pieces`)
/// and its arrowhead.
pub struct EdgePaths {
    /// `(d, stroke-dashoffset)` of each piece; no offset for the first.
    pub pieces: Vec<(AttrValue, Option<AttrValue>)>,
    /// `d` of the arrowhead.
    pub arrow: AttrValue,
}

/// One node's fixed attributes.
pub struct NodeGeom {
    /// Centre of the box (where another trace's layout of the node glides from).
    pub centre: Pt,
    /// Left edge of the box (`x`).
    pub left: AttrValue,
    /// Top edge of the box (`y`).
    pub top: AttrValue,
    /// Box width.
    pub width: AttrValue,
    /// Box height.
    pub height: AttrValue,
    /// Centre, where the text lines are anchored.
    pub cx: AttrValue,
    /// Baselines of the op, label, value and annotation lines.
    pub lines: [AttrValue; 4],
    /// The tooltip (`<title>`).
    pub tip: AttrValue,
}

impl Drawn {
    /// Formats everything for `t` laid out as `layout` (nothing when the layout failed).
    pub fn new(t: &Trace, layout: &Result<Layout, String>) -> Self {
        let Ok(layout) = layout else {
            return Self {
                edges: Vec::new(),
                nodes: Vec::new(),
                chunks: ChunkBoxes::default(),
            };
        };
        let edges = layout
            .edges
            .iter()
            .map(|e| {
                let pts: Vec<Pt> = e.points.iter().map(|p| Pt::new(p.x, p.y)).collect();
                let pieces = rounded_pieces(&pts, ARROW_LEN)
                    .into_iter()
                    .map(|p| {
                        let offset = (p.offset > 0.0).then(|| AttrValue::from(fmt(p.offset)));
                        (AttrValue::from(p.d), offset)
                    })
                    .collect();
                Rc::new(EdgePaths {
                    pieces,
                    arrow: AttrValue::from(arrowhead(&pts)),
                })
            })
            .collect();
        let nodes = t
            .nodes
            .iter()
            .map(|n| {
                let i = n.id as usize;
                let (c, size) = (layout.nodes.get(i)?, layout.sizes.get(i)?);
                let (w, h) = (size.width, size.height);
                let (left, top) = (c.x - w / 2.0, c.y - h / 2.0);
                let at = |v: f64| AttrValue::from(v.to_string());
                Some(Rc::new(NodeGeom {
                    centre: Pt::new(c.x, c.y),
                    left: at(left),
                    top: at(top),
                    width: at(w),
                    height: at(h),
                    cx: at(c.x),
                    lines: [14.0, 29.0, 45.0, 59.0].map(|dy| at(top + dy)),
                    tip: AttrValue::from(tooltip(n)),
                }))
            })
            .collect::<Vec<_>>();
        let placed: Vec<bool> = nodes.iter().map(Option::is_some).collect();
        Self {
            edges,
            nodes,
            chunks: ChunkBoxes::new(layout, &placed, CHUNK, EDGE_CHUNK),
        }
    }
}

/// `v3 = ln(v1) = 0.693`, with the node's second name and its issue if any.
pub fn tooltip(n: &NodeView) -> String {
    let mut tip = format!(
        "{} = {} = {}",
        n.label,
        text::text(&n.definition),
        rounded(n.value)
    );
    if let Some(also) = &n.also {
        tip.push_str(&format!(" (also {})", sym_text(also)));
    }
    if let Some(issue) = &n.issue {
        tip.push_str(&format!("\n{issue}"));
    }
    tip
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawn_strings_cover_every_edge_and_node() {
        let t = adjoint_engine::run("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5", Mode::Extended, 0)
            .expect("runs");
        let layout = build_layout(&t);
        let d = Drawn::new(&t, &layout);
        let l = layout.as_ref().expect("lays out");
        assert_eq!(d.edges.len(), l.edges.len());
        assert!(d.edges.iter().all(|e| !e.pieces.is_empty()
            && e.pieces.iter().all(|p| p.0.starts_with('M'))
            && !e.arrow.is_empty()));
        assert_eq!(d.nodes.len(), t.nodes.len());
        let v2 = d.nodes[1].as_ref().expect("v2 is placed");
        assert!(v2.tip.starts_with("v2 = x2 = 5"), "{}", v2.tip);
        let (c, size) = (l.nodes[1], l.sizes[1]);
        assert_eq!((v2.centre.x, v2.centre.y), (c.x, c.y));
        assert_eq!(v2.left.as_str(), (c.x - size.width / 2.0).to_string());
        assert_eq!(v2.top.as_str(), (c.y - size.height / 2.0).to_string());
    }

    fn trace(mode: Mode) -> Trace {
        adjoint_engine::run("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5", mode, 0)
            .expect("the lecture example runs")
    }

    #[test]
    fn every_mode_lays_out_with_boxes_inside_the_drawing() {
        for mode in Mode::ALL {
            let t = trace(mode);
            let l = build_layout(&t).expect("layout");
            assert_eq!(l.nodes.len(), t.nodes.len());
            for (p, s) in l.nodes.iter().zip(&l.sizes) {
                assert!(
                    p.x - s.width / 2.0 >= -1e-6 && p.x + s.width / 2.0 <= l.width + 1e-6,
                    "{mode:?}"
                );
                assert!(
                    p.y - s.height / 2.0 >= -1e-6 && p.y + s.height / 2.0 <= l.height + 1e-6,
                    "{mode:?}"
                );
            }
        }
    }

    #[test]
    fn reverse_mode_annotates_visited_nodes_only() {
        let t = trace(Mode::Reverse);
        let f0 = adjoint_engine::frame_at(&t, 0);
        assert!(annotations(&t, &f0).iter().all(Option::is_none));
        let fl = adjoint_engine::frame_at(&t, t.steps.len());
        let a = annotations(&t, &fl);
        assert_eq!(a[1].as_deref(), Some("v̄ = 1.716"));
        assert_eq!(a[0].as_deref(), Some("v̄ = 5.5"));
        assert!(annotations(&trace(Mode::Extended), &fl)
            .iter()
            .all(Option::is_none));
    }

    #[test]
    fn kind_names_are_snake_case() {
        assert_eq!(kind_name(NodeKind::Input), "input");
        assert_eq!(kind_name(NodeKind::Partial), "partial");
    }

    #[test]
    fn a_lone_partial_is_named_as_the_adjoint_once_visited() {
        let t = trace(Mode::Extended);
        let lone = t
            .nodes
            .iter()
            .position(|n| n.also.is_some())
            .expect("v̄_{5→7} is also v̄5");
        assert!(!named_so_far(&t, &adjoint_engine::frame_at(&t, 0))[lone]);
        assert!(named_so_far(&t, &adjoint_engine::frame_at(&t, t.steps.len()))[lone]);
        assert!(
            widest_label(&t.nodes[lone]).ends_with("= v̄5"),
            "{}",
            widest_label(&t.nodes[lone])
        );
    }
}
