//! The graph's parts as small components: one node ([`GraphNode`]) and one edge
//! ([`GraphEdge`]). Their props are cheap to compare (data fixed for a trace is shared and
//! compared by pointer, plus the few flags a step changes), and the graph keys them, so a
//! step re-renders and diffs only the nodes and edges whose look it changes.

use std::ops::Deref;
use std::rc::Rc;

use adjoint_engine::render::{Accent, Sym};
use adjoint_engine::{NodeView, Trace};
use yew::prelude::*;

use crate::graph_model::{kind_name, small_lines, EdgePaths, NodeGeom};
use crate::tensor_view::badge;

/// Shared data that compares by pointer: equal when it is the very same allocation, which
/// for data built once per trace means "the same trace".
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Shared<T> {
    /// The allocation's address, naming "this very data" (a list's rows, in `row_window`);
    /// a later allocation may reuse it once this one is dropped.
    pub fn addr(&self) -> u64 {
        Rc::as_ptr(&self.0) as usize as u64
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Props of [`GraphNode`].
#[derive(Properties, PartialEq)]
pub struct GraphNodeProps {
    /// The trace the node belongs to.
    pub trace: Shared<Trace>,
    /// Which node, and what the current step makes of it.
    pub look: NodeLook,
    /// In the tab order (small graphs): Enter opens the inspector.
    #[prop_or_default]
    pub focusable: bool,
}

/// One node: `g[data-testid=graph-node]`, or `[data-testid=pending-node]` before it is
/// reached.
#[function_component(GraphNode)]
pub fn graph_node(props: &GraphNodeProps) -> Html {
    let look = &props.look;
    let Some(n) = props.trace.nodes.get(look.index) else {
        return html! {};
    };
    let g = &*look.geom;
    let rect = html! {
        <rect class="node-shape" x={g.left.clone()} y={g.top.clone()} width={g.width.clone()} height={g.height.clone()} rx="8" />
    };
    if !look.visible {
        return html! {
            <g class="node is-pending" data-testid="pending-node" data-node-kind={kind_name(n.kind)} aria-hidden="true">
                { rect }
            </g>
        };
    }
    let (focus, fresh) = (look.focus, look.fresh);
    let class = classes!(
        "node",
        focus.then_some("is-current"),
        fresh.then_some("is-new"),
        fresh.then_some("is-fresh"),
        look.annot.is_some().then_some("is-visited"),
        n.issue.is_some().then_some("has-issue"),
        look.diverging.then_some("is-diverging"),
    );
    let (op, value) = small_lines(n);
    let cx = &g.cx;
    html! {
        <g class={class} data-testid="graph-node" data-node-kind={kind_name(n.kind)} data-label={n.label.clone()}
            data-node-id={n.id.to_string()} data-shape={n.shaped.as_ref().and_then(badge)}
            tabindex={props.focusable.then_some("0")}>
            <title>{ g.tip.clone() }</title>
            { rect }
            <text class="node-op" x={cx.clone()} y={g.lines[0].clone()}>{ op }</text>
            <text class="node-label" x={cx.clone()} y={g.lines[1].clone()}>{ label_view(n, look.named) }</text>
            <text class="node-value num" x={cx.clone()} y={g.lines[2].clone()}>{ value }</text>
            if let Some(a) = look.annot.clone() {
                <text class="node-value node-annotation" x={cx.clone()} y={g.lines[3].clone()}>{ a }</text>
            }
        </g>
    }
}

/// Props of [`GraphEdge`].
#[derive(Properties, PartialEq)]
pub struct GraphEdgeProps {
    /// The edge and what the current step makes of it.
    pub look: EdgeLook,
}

/// One edge with its arrowhead.
#[function_component(GraphEdge)]
pub fn graph_edge(props: &GraphEdgeProps) -> Html {
    let look = &props.look;
    let class = classes!(
        "edge",
        look.adjoint.then_some("edge--adjoint"),
        look.partial.then_some("edge--partial"),
        look.reads.then_some("edge--reads"),
        look.current.then_some("is-current"),
        look.fresh.then_some("is-new"),
    );
    // A long edge is drawn in pieces (see `edge_path::rounded_pieces`); each carries the
    // edge's classes, and its dash pattern runs on from the piece before.
    let paths = &*look.path;
    html! {
        <g class="edge-group">
            { for paths.pieces.iter().map(|(d, offset)| html! {
                <path class={class.clone()} d={d.clone()} stroke-dashoffset={offset.clone()} />
            }) }
            <path class="edge-arrow" d={paths.arrow.clone()} />
        </g>
    }
}

fn accent_mark(a: Accent) -> &'static str {
    match a {
        Accent::None => "",
        Accent::Bar => "\u{0304}",
        Accent::Dot => "\u{0307}",
    }
}

/// A symbol as SVG text: stem with its accent, subscript lowered (and the baseline restored
/// after it, so more text can follow). An empty stem falls back to `fallback`.
fn sym_view(s: &Sym, fallback: &str) -> Html {
    if s.stem.is_empty() {
        return html! { { fallback.to_string() } };
    }
    let stem = format!("{}{}", s.stem, accent_mark(s.accent));
    if s.sub.is_empty() {
        return html! { { stem } };
    }
    html! {
        <>{ stem }<tspan class="node-sub" dy="4" font-size="0.75em">{ s.sub.clone() }</tspan><tspan dy="-4">{"\u{200B}"}</tspan></>
    }
}

/// The node's label, and once the algorithm has named it so, its second name
/// (v̄_{3→4} = v̄3: a lone partial adjoint is the adjoint).
fn label_view(n: &NodeView, named: bool) -> Html {
    match n.also.as_ref().filter(|_| named) {
        Some(also) => html! { <>{ sym_view(&n.sym, &n.label) }{" = "}{ sym_view(also, "") }</> },
        None => sym_view(&n.sym, &n.label),
    }
}

/// One node of a [`NodeChunk`]: which node, its geometry (fixed for the trace) and what
/// the current step makes of it.
#[derive(Clone, PartialEq)]
pub struct NodeLook {
    /// The node's index in `trace.nodes`.
    pub index: usize,
    /// Its geometry.
    pub geom: Shared<NodeGeom>,
    /// Reached yet?
    pub visible: bool,
    /// Highlighted by the current step.
    pub focus: bool,
    /// Created by the current step.
    pub fresh: bool,
    /// The tangent or adjoint written under it.
    pub annot: Option<AttrValue>,
    /// Named by its second name yet?
    pub named: bool,
    /// Where a planted bug first diverges.
    pub diverging: bool,
}

/// Props of [`NodeChunk`].
#[derive(Properties, PartialEq)]
pub struct NodeChunkProps {
    /// The trace the nodes belong to.
    pub trace: Shared<Trace>,
    /// The chunk's nodes, in drawing order.
    pub nodes: Vec<NodeLook>,
    /// In the tab order?
    pub focusable: bool,
}

/// A chunk of the graph's nodes as one component: a step that changes none of them costs
/// one compare of their looks, not a render and diff of each node.
#[function_component(NodeChunk)]
pub fn node_chunk(props: &NodeChunkProps) -> Html {
    html! {
        { for props.nodes.iter().map(|n| html! {
            <GraphNode key={props.trace.nodes.get(n.index).map_or(n.index as u32, |v| v.id)}
                trace={props.trace.clone()} look={n.clone()} focusable={props.focusable} />
        }) }
    }
}

/// One edge of an [`EdgeChunk`]: its index in the layout (its key), its path (fixed for
/// the trace) and what the current step makes of it.
#[derive(Clone, PartialEq)]
pub struct EdgeLook {
    /// Index in `layout.edges`.
    pub index: usize,
    /// The paths of the edge and of its arrowhead.
    pub path: Shared<EdgePaths>,
    /// Into an adjoint or the seed.
    pub adjoint: bool,
    /// Into a partial.
    pub partial: bool,
    /// From a forward node into a created one.
    pub reads: bool,
    /// Part of the current step.
    pub current: bool,
    /// Into a node the current step created.
    pub fresh: bool,
}

/// Props of [`EdgeChunk`].
#[derive(Properties, PartialEq)]
pub struct EdgeChunkProps {
    /// The chunk's visible edges, in layout order.
    pub edges: Vec<EdgeLook>,
}

/// A chunk of the graph's edges as one component (see [`NodeChunk`]).
#[function_component(EdgeChunk)]
pub fn edge_chunk(props: &EdgeChunkProps) -> Html {
    html! {
        { for props.edges.iter().map(|e| html! {
            <GraphEdge key={e.index} look={e.clone()} />
        }) }
    }
}
