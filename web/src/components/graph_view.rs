//! The computational graph as SVG (`svg[data-testid=graph]`). The final graph of the trace
//! is laid out once (by `adjoint-layout`); stepping only reveals nodes, so nothing on screen
//! moves. Each visible node is a `g[data-testid=graph-node]` with `data-node-kind` and
//! `data-label`; created nodes not yet reached are faint outlines (`data-testid=pending-node`).
//! Wheel zooms about the pointer, dragging pans, and Fit shows the whole graph.

use std::rc::Rc;

use adjoint_engine::{Frame, NodeKind, Trace};
use adjoint_layout::Layout;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent, ResizeObserver, WheelEvent};
use yew::prelude::*;

use crate::components::graph_parts::{GraphEdge, GraphNode, Shared};
use crate::geometry::{auto_view, ViewBox, MIN_SCALE};
use crate::graph_model::{annotations, keep_box, named_so_far, Drawn};

/// Margin round the drawing in the fitted view.
const MARGIN: f64 = 24.0;
/// How far the adjoint band's shading runs past the drawing.
const BAND_OVERHANG: f64 = 10_000.0;

/// Props of [`GraphView`].
#[derive(Properties, PartialEq)]
pub struct GraphViewProps {
    /// The trace on screen.
    pub trace: Rc<Trace>,
    /// Its layout (or why it failed).
    pub layout: Rc<Result<Layout, String>>,
    /// Changes whenever the trace does (resets zoom to fit).
    pub trace_id: u64,
    /// The frame at the current step.
    pub frame: Rc<Frame>,
}

/// A drag in progress: where it started and the view then.
#[derive(Clone, Copy)]
struct Drag {
    x: f64,
    y: f64,
    view: ViewBox,
}

fn element_size(el: &Element) -> (f64, f64) {
    let r = el.get_bounding_client_rect();
    (r.width().max(1.0), r.height().max(1.0))
}

/// The graph panel.
#[function_component(GraphView)]
pub fn graph_view(props: &GraphViewProps) -> Html {
    let svg_ref = use_node_ref();
    // The zoomed view, tagged with the trace it belongs to; another trace means "fit".
    let zoom = use_state(|| None::<(u64, ViewBox)>);
    let drag = use_mut_ref(|| None::<Drag>);
    // The svg's size in pixels, and the last automatic view, so following the steps only
    // pans when a step leaves the view.
    let size = use_state(|| None::<(f64, f64)>);
    let auto_prev = use_mut_ref(|| None::<(u64, ViewBox)>);
    // A ResizeObserver reports the size after the browser's own layout, when it changes.
    // (Measuring after every render forced a synchronous layout of the whole page inside
    // each step's input task: 5–14 ms on the lecture example, ~35 ms on 800 nodes.)
    {
        let svg_ref = svg_ref.clone();
        let size = size.clone();
        use_effect_with((props.trace_id, props.layout.is_ok()), move |_| {
            let observer = svg_ref.cast::<Element>().and_then(|el| {
                let target = el.clone();
                let mut last = *size;
                let on_resize = Closure::<dyn FnMut()>::new(move || {
                    let now = element_size(&target);
                    // Re-render only when the size really changed.
                    if last.is_none_or(|(w, h)| (w - now.0).abs() > 0.5 || (h - now.1).abs() > 0.5)
                    {
                        last = Some(now);
                        size.set(last);
                    }
                });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&el);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, _on_resize)) = observer {
                    observer.disconnect();
                }
            }
        });
    }

    // The latest view, read by the wheel listener (installed outside Yew, see below).
    let latest = use_mut_ref(|| None::<(u64, ViewBox, f64)>);
    // Wheel zoom needs preventDefault, so a non-passive listener on the svg itself (Yew
    // delegates `onwheel` to a root listener that Chromium treats as passive).
    {
        let svg_ref = svg_ref.clone();
        let zoom = zoom.clone();
        let latest = latest.clone();
        use_effect_with((props.trace_id, props.layout.is_ok()), move |_| {
            let listener = svg_ref.cast::<Element>().map(|el| {
                let target = el.clone();
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&el, "wheel", options, move |e| {
                    let Some(e) = e.dyn_ref::<WheelEvent>() else {
                        return;
                    };
                    let Some((id, view, max_w)) = *latest.borrow() else {
                        return;
                    };
                    e.prevent_default();
                    let r = target.get_bounding_client_rect();
                    let (cw, ch) = element_size(&target);
                    let factor = if e.delta_y() > 0.0 { 1.15 } else { 1.0 / 1.15 };
                    let (px, py) = (
                        f64::from(e.client_x()) - r.left(),
                        f64::from(e.client_y()) - r.top(),
                    );
                    zoom.set(Some((id, view.zoom_at(factor, px, py, cw, ch, max_w))));
                })
            });
            move || drop(listener)
        });
    }

    // Attribute strings that are the same at every step of a trace, formatted once.
    let drawn = {
        let (trace, layout) = (props.trace.clone(), props.layout.clone());
        use_memo(props.trace_id, move |_| Drawn::new(&trace, &layout))
    };

    let layout = match props.layout.as_ref() {
        Ok(l) => l,
        Err(e) => {
            return html! {
                <div class="panel graph-panel">
                    <p class="parse-error" role="alert">{ format!("The graph could not be laid out: {e}") }</p>
                </div>
            }
        }
    };
    let fit = ViewBox::fit(layout.width, layout.height, MARGIN);
    let id = props.trace_id;
    let manual = zoom.filter(|(zid, _)| *zid == id).map(|(_, v)| v);
    let view = match (manual, *size) {
        (Some(v), _) => v,
        (None, Some((cw, ch))) => {
            let prev = auto_prev
                .borrow()
                .filter(|(pid, _)| *pid == id)
                .map(|(_, v)| v);
            let v = auto_view(
                fit,
                cw,
                ch,
                keep_box(&props.trace, &props.frame, layout),
                prev,
            );
            *auto_prev.borrow_mut() = Some((id, v));
            v
        }
        (None, None) => fit,
    };
    let max_w = fit.w * 4.0;
    // As tall as the drawing needs at full width, and tall enough to show it at a readable
    // scale, within the viewport.
    let svg_style = format!(
        "aspect-ratio: {:.0} / {:.0}; height: auto; max-height: 78vh; min-height: max(24rem, min(78vh, {:.0}px))",
        fit.w,
        fit.h,
        fit.h * MIN_SCALE
    );
    *latest.borrow_mut() = Some((id, view, max_w));

    let on_down = {
        let drag = drag.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            if let Some(el) = svg_ref.cast::<Element>() {
                // Capture keeps the drag alive outside the element; failure only loses that.
                let _ = el.set_pointer_capture(e.pointer_id());
            }
            *drag.borrow_mut() = Some(Drag {
                x: f64::from(e.client_x()),
                y: f64::from(e.client_y()),
                view,
            });
        })
    };
    let on_move = {
        let drag = drag.clone();
        let zoom = zoom.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(d) = *drag.borrow() else { return };
            let Some(el) = svg_ref.cast::<Element>() else {
                return;
            };
            let (cw, ch) = element_size(&el);
            let (dx, dy) = (f64::from(e.client_x()) - d.x, f64::from(e.client_y()) - d.y);
            if dx.abs() + dy.abs() > 1.0 {
                zoom.set(Some((id, d.view.pan(dx, dy, cw, ch))));
            }
        })
    };
    let on_up = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    let zoom_by = |factor: f64| {
        let zoom = zoom.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |_: MouseEvent| {
            let (cw, ch) = svg_ref
                .cast::<Element>()
                .map_or((view.w, view.h), |el| element_size(&el));
            zoom.set(Some((
                id,
                view.zoom_at(factor, cw / 2.0, ch / 2.0, cw, ch, max_w),
            )));
        })
    };
    let on_fit = {
        let zoom = zoom.clone();
        Callback::from(move |_: MouseEvent| zoom.set(Some((id, fit))))
    };
    let on_follow = {
        let zoom = zoom.clone();
        Callback::from(move |_: MouseEvent| zoom.set(None))
    };

    let t = &props.trace;
    let f = &props.frame;
    let trace = Shared(props.trace.clone());
    let visible = |i: usize| f.visible.get(i).copied().unwrap_or(true);
    let annots = annotations(t, f);
    let named = named_so_far(t, f);
    let summary = format!(
        "Computational graph: {} forward nodes, {} of {} nodes shown",
        t.forward_count,
        f.visible.iter().filter(|v| **v).count(),
        t.nodes.len()
    );
    html! {
        <div class="panel graph-panel">
            <div class="graph-toolbar controls" role="group" aria-label="Zoom">
                <button id="zoom-in" class="icon-button" title="Zoom in" aria-label="Zoom in" onclick={zoom_by(1.0 / 1.25)}>{"+"}</button>
                <button id="zoom-out" class="icon-button" title="Zoom out" aria-label="Zoom out" onclick={zoom_by(1.25)}>{"−"}</button>
                <button id="fit" class="icon-button" title="Fit the whole graph" aria-label="Fit the whole graph" onclick={on_fit}>{"Fit"}</button>
                if manual.is_some() {
                    <button id="follow" class="icon-button" title="Follow the current step at a readable size" aria-label="Follow the current step" onclick={on_follow}>{"Follow"}</button>
                }
            </div>
            <svg ref={svg_ref} class="graph" data-testid="graph" viewBox={view.attr()}
                preserveAspectRatio="xMidYMid meet" style={svg_style} role="img" aria-label={summary}
                onpointerdown={on_down} onpointermove={on_move}
                onpointerup={on_up.clone()} onpointercancel={on_up}>
                { bands(t, layout) }
                <g class="edges">
                    // Keyed by the edge's index in the layout: revealing an edge then inserts
                    // one element instead of shifting (and rewriting) every edge after it.
                    // Each edge is a component, so the unchanged ones are skipped.
                    { for layout.edges.iter().zip(&drawn.edges).enumerate().filter(|(_, (e, _))| visible(e.src) && visible(e.dst)).map(|(i, (e, d))| {
                        let (src, dst) = (t.nodes.get(e.src), t.nodes.get(e.dst));
                        let dst_kind = dst.map(|n| n.kind);
                        let reads = src.is_some_and(|n| n.created_at.is_none())
                            && dst.is_some_and(|n| n.created_at.is_some());
                        let fresh = f.fresh.contains(&(e.dst as u32));
                        let focus = f.focus.len() == 2
                            && f.focus.contains(&(e.src as u32))
                            && f.focus.contains(&(e.dst as u32));
                        html! {
                            <GraphEdge key={i} path={Shared(d.clone())}
                                adjoint={matches!(dst_kind, Some(NodeKind::Adjoint | NodeKind::Seed))}
                                partial={matches!(dst_kind, Some(NodeKind::Partial))}
                                reads={reads} current={fresh || focus} fresh={fresh} />
                        }
                    }) }
                </g>
                <g class="nodes">
                    // Keyed by node id; a node re-renders only when its flags change.
                    { for t.nodes.iter().enumerate().filter_map(|(i, n)| Some((i, n, drawn.nodes.get(i)?.as_ref()?))).map(|(i, n, g)| {
                        let shown = visible(i);
                        html! {
                            <GraphNode key={n.id} trace={trace.clone()} index={i} geom={Shared(g.clone())}
                                visible={shown}
                                focus={shown && f.focus.contains(&n.id)}
                                fresh={shown && f.fresh.contains(&n.id)}
                                annot={annots.get(i).cloned().flatten().filter(|_| shown).map(AttrValue::from)}
                                named={shown && named.get(i).copied().unwrap_or(false)} />
                        }
                    }) }
                </g>
            </svg>
        </div>
    }
}

/// The shaded forward and adjoint bands (extended mode only).
fn bands(t: &Trace, layout: &Layout) -> Html {
    let fc = t.forward_count as usize;
    if t.nodes.len() <= fc {
        return html! {};
    }
    let top_of_adjoint = (fc..layout.nodes.len())
        .filter_map(|i| Some(layout.nodes.get(i)?.y - layout.sizes.get(i)?.height / 2.0))
        .fold(f64::INFINITY, f64::min);
    if !top_of_adjoint.is_finite() {
        return html! {};
    }
    let y = top_of_adjoint - 26.0;
    html! {
        <g class="bands" aria-hidden="true">
            // Wide enough to fill the element whatever its aspect or the zoom.
            <rect class="band" x={(-BAND_OVERHANG).to_string()} y={y.to_string()}
                width={(layout.width + 2.0 * BAND_OVERHANG).to_string()}
                height={(layout.height - y + BAND_OVERHANG).to_string()} />
            <text class="band-label" x={(8.0 - MARGIN).to_string()} y={(y + 15.0).to_string()}>{"adjoint graph ← reads right to left"}</text>
        </g>
    }
}
