//! The computational graph as SVG (`svg[data-testid=graph]`). The final graph of the trace
//! is laid out once (by `adjoint-layout`); stepping only reveals nodes, so nothing on screen
//! moves. Each visible node is a `g[data-testid=graph-node]` with `data-node-kind` and
//! `data-label`; created nodes not yet reached are faint outlines (`data-testid=pending-node`).
//! Wheel zooms about the pointer, dragging pans, and Fit shows the whole graph. The edges
//! and the nodes are drawn in chunks, each an svg of its own in a foreignObject ([`chunk`]),
//! so that a step repaints the chunks it changes, not the whole drawing.
//!
//! A new trace (another mode, an edited program) is laid out anew: the nodes it shares with
//! the old one glide from their old places to their new ones ([`glide_nodes`], a Web
//! Animation of each moved node group's `transform`, so no node carries a transform while
//! stepping), the view glides to its new box ([`ViewTween`]) and the edges fade in, all
//! skipped under `prefers-reduced-motion`. Following the steps (no manual zoom), a step that
//! moves the automatic view glides to it the same way. Nothing sets a `style` attribute (a strict
//! `style-src 'self'` policy blocks those): the size the drawing needs is set through the
//! CSSOM, which that policy allows.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adjoint_engine::{Frame, NodeKind, Trace};
use adjoint_layout::Layout;
use gloo_events::{EventListener, EventListenerOptions};
use gloo_render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Array, Object, Reflect};
use web_sys::{Element, KeyboardEvent, PointerEvent, ResizeObserver, WheelEvent};
use yew::prelude::*;

use crate::components::graph_parts::{EdgeChunk, EdgeLook, NodeChunk, NodeLook, Shared};
use crate::cull::Shown;
use crate::geometry::{auto_view, ease_in_out, Pt, ViewBox, MIN_SCALE};
use crate::graph_model::{annotations, keep_box, named_so_far, Drawn};
use crate::i18n::{Key, Lang};

/// Margin round the drawing in the fitted view.
const MARGIN: f64 = 24.0;
/// How far the adjoint band's shading runs past the drawing.
const BAND_OVERHANG: f64 = 10_000.0;

/// How long the view and the nodes glide to a new trace's places.
const TWEEN_MS: f64 = 450.0;
/// The glide's easing: cubic ease-in-out, as [`ease_in_out`] computes it for the view.
const TWEEN_EASING: &str = "cubic-bezier(0.65, 0, 0.35, 1)";

#[wasm_bindgen]
extern "C" {
    /// An element's inline style through the CSSOM (`ElementCSSInlineStyle`); bound here
    /// rather than through web-sys's `CssStyleDeclaration`, the only use of it.
    #[wasm_bindgen(extends = Element)]
    type StyledElement;
    /// Its `CSSStyleDeclaration`.
    type InlineStyle;
    #[wasm_bindgen(method, getter)]
    fn style(this: &StyledElement) -> InlineStyle;
    #[wasm_bindgen(method, js_name = setProperty)]
    fn set_property(this: &InlineStyle, name: &str, value: &str);
    /// `Element.animate(keyframes, options)` (Web Animations; its `Animation` is not kept).
    #[wasm_bindgen(method)]
    fn animate(this: &StyledElement, keyframes: &JsValue, options: &JsValue);
}

/// A JS object `{ key: value, … }`.
fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// Glides the node groups under `nodes` that another layout placed elsewhere from `old` to
/// where they are now: each moved group is animated from `translate(old − new)` to no
/// transform. The groups (`g.nodes > g`, in all the chunks) come in the order of
/// `drawn.nodes`' entries.
fn glide_nodes(nodes: &Element, old: &[Option<Pt>], drawn: &Drawn) {
    let options = object(&[
        ("duration", JsValue::from_f64(TWEEN_MS)),
        ("easing", JsValue::from_str(TWEEN_EASING)),
    ]);
    let Ok(groups) = nodes.query_selector_all("g.nodes > g") else {
        return;
    };
    let mut at = 0;
    for (i, geom) in drawn.nodes.iter().enumerate() {
        let Some(g) = geom else { continue };
        let Some(e) = groups.item(at).and_then(|n| n.dyn_into::<Element>().ok()) else {
            return;
        };
        at += 1;
        let Some(from) = old.get(i).copied().flatten() else {
            continue;
        };
        let (dx, dy) = (from.x - g.centre.x, from.y - g.centre.y);
        if dx.abs() + dy.abs() < 0.5 {
            continue;
        }
        let frames = Array::of2(
            &object(&[(
                "transform",
                JsValue::from_str(&format!("translate({dx}px, {dy}px)")),
            )]),
            &object(&[("transform", JsValue::from_str("none"))]),
        );
        e.unchecked_ref::<StyledElement>()
            .animate(&frames, &options);
    }
}

/// Tells the stylesheet the size of the drawing `fit` (`.graph-box` in style.css, the svg's
/// parent, turns it into the svg's size): `--graph-aspect`, its width / height, and
/// `--graph-readable`, the height that shows it at [`MIN_SCALE`].
fn size_for(svg: &Element, fit: ViewBox) {
    let target = svg.parent_element().unwrap_or_else(|| svg.clone());
    let style = target.unchecked_ref::<StyledElement>().style();
    style.set_property("--graph-aspect", &format!("{:.0} / {:.0}", fit.w, fit.h));
    style.set_property("--graph-readable", &format!("{:.0}px", fit.h * MIN_SCALE));
}

/// Gives the svg its box's size in pixels. Sized in percent of its box, the svg was laid out
/// again, every node and edge of it, whenever the page around it was (the step counter and
/// the narration change at every step): 30–70 ms per step at 300 nodes, 0.2 ms once pinned.
fn pin_size(svg: &Element, (w, h): (f64, f64)) {
    let style = svg.unchecked_ref::<StyledElement>().style();
    style.set_property("width", &format!("{w}px"));
    style.set_property("height", &format!("{h}px"));
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// The latest view of the graph: (trace id, view box, widest zoom-out).
type Latest = Rc<RefCell<Option<(u64, ViewBox, f64)>>>;

/// Shows `view` on the graph's svg: its size as the `viewBox` (written only when it changes:
/// Chromium lays out every SVG text again whenever it is set), its corner as the transform
/// of the drawing's group (the svg's first child), and the whole box as `data-view`.
fn show(svg: &Element, view: ViewBox) {
    let size = view.size_attr();
    // Failing to write an attribute only skips a frame of the animation.
    if svg.get_attribute("viewBox").as_deref() != Some(size.as_str()) {
        let _ = svg.set_attribute("viewBox", &size);
    }
    let _ = svg.set_attribute("data-view", &view.attr());
    if let Some(g) = svg.first_element_child() {
        let _ = g.set_attribute("transform", &view.shift_attr());
    }
}

/// Where a [`ViewTween`] keeps its pending animation frame (dropping it cancels the frame).
type FrameSlot = Rc<RefCell<Option<AnimationFrame>>>;

/// The view gliding from one trace's box to the next one's: each animation frame [`show`]s
/// an eased in-between view straight on the svg (Yew has already written the target, and
/// leaves the attributes alone while its own values stay the same). It heads for the latest
/// view of that trace, so a resize or a zoom meanwhile changes where it lands, and stops at
/// the end, when the trace changes, or when dropped.
struct ViewTween {
    frame: FrameSlot,
}

impl ViewTween {
    fn start(svg: Element, from: ViewBox, latest: Latest, id: u64) -> Self {
        let frame: FrameSlot = Rc::new(RefCell::new(None));
        let started = Cell::new(None::<f64>);
        show(&svg, from);
        // One frame of the glide: false once it is over.
        let step = move |now: f64| {
            let t0 = started.get().unwrap_or(now);
            started.set(Some(t0));
            let t = (now - t0) / TWEEN_MS;
            match latest.borrow().filter(|l| l.0 == id).map(|l| l.1) {
                None => false,
                Some(to) if t >= 1.0 => {
                    show(&svg, to);
                    false
                }
                Some(to) => {
                    show(&svg, from.lerp(to, ease_in_out(t)));
                    true
                }
            }
        };
        next_frame(frame.clone(), Rc::new(step));
        Self { frame }
    }
}

/// Runs `step` in the next animation frame, and again in each one after while it returns
/// true; the pending frame lives in `slot`. (The frame's callback holds the slot, so the
/// last one empties it, and dropping a [`ViewTween`] does, to free them.)
fn next_frame(slot: FrameSlot, step: Rc<dyn Fn(f64) -> bool>) {
    let held = slot.clone();
    *slot.borrow_mut() = Some(request_animation_frame(move |now| {
        if step(now) {
            next_frame(held, step);
        } else {
            // gloo-render frees the running callback after it returns.
            held.borrow_mut().take();
        }
    }));
}

impl Drop for ViewTween {
    fn drop(&mut self) {
        // Cancels a frame still pending (a finished one is already gone).
        self.frame.borrow_mut().take();
    }
}

/// Props of [`GraphView`].
#[derive(Properties, PartialEq)]
pub struct GraphViewProps {
    /// The trace on screen. (Props shared for a trace compare by pointer: a deep compare
    /// of a 300-node trace and its layout at every step cost more than the step's diff.)
    pub trace: Shared<Trace>,
    /// Its layout (or why it failed).
    pub layout: Shared<Result<Layout, String>>,
    /// Changes whenever the trace does (resets zoom to fit).
    pub trace_id: u64,
    /// The frame at the current step.
    pub frame: Shared<Frame>,
    /// Called with a node's id when it is clicked (without dragging) or, focused, gets
    /// Enter: the inspector shows it. Must be a stable callback (compared by pointer).
    #[prop_or_default]
    pub on_inspect: Option<Callback<u32>>,
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// Show the zoom toolbar (its buttons have page-wide ids: one graph per page has it).
    #[prop_or(true)]
    pub toolbar: bool,
    /// The node where a planted bug first diverges (bug hunt), marked `is-diverging`.
    #[prop_or_default]
    pub diverging: Option<u32>,
}

/// A drag in progress: where it started and the view then.
#[derive(Clone, Copy)]
struct Drag {
    x: f64,
    y: f64,
    view: ViewBox,
    /// The node the drag started on, if any: released in place, it is a click on it.
    node: Option<u32>,
}

/// Nodes per chunk of the drawing (each chunk its own svg, see [`chunk`]). A class or text
/// change inside one svg made Chromium paint every node's text again: 6–11 ms per step at
/// 300 nodes, 0.6–2 ms in chunks of 16 (8 to 64 measured: 16 paints least, more chunks
/// cost more layers to lay out and commit).
pub(crate) const CHUNK: usize = 16;

/// Edges per chunk of the drawing (an edge is two paths, no text: cheaper than a node).
pub(crate) const EDGE_CHUNK: usize = 48;

/// Graphs with at most this many nodes put their nodes in the tab order.
const MAX_FOCUSABLE_NODES: usize = 60;

/// Drags shorter than this (px) are clicks.
const CLICK_SLOP: f64 = 4.0;

/// The id of the graph node `target` is inside (`data-node-id`), if any.
fn node_under(target: Option<web_sys::EventTarget>) -> Option<u32> {
    let el = target?.dyn_into::<Element>().ok()?;
    let node = el.closest("[data-node-id]").ok()??;
    node.get_attribute("data-node-id")?.parse().ok()
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
    // A ResizeObserver reports the size of the svg's box after the browser's own layout.
    // (Measuring after every render forced a synchronous layout of the whole page inside
    // each step's input task: 5–14 ms on the lecture example, ~35 ms on 800 nodes.) The svg
    // gets that size in pixels ([`pin_size`]).
    {
        let svg_ref = svg_ref.clone();
        let size = size.clone();
        use_effect_with((props.trace_id, props.layout.is_ok()), move |_| {
            let observer = svg_ref.cast::<Element>().and_then(|svg| {
                let el = svg.parent_element()?;
                let target = el.clone();
                let mut last = *size;
                let on_resize = Closure::<dyn FnMut()>::new(move || {
                    let now = element_size(&target);
                    pin_size(&svg, now);
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

    // The svg's size follows the drawing's (through the CSSOM, see the module doc); before
    // the glide below, which measures the new size.
    {
        let svg_ref = svg_ref.clone();
        let layout = props.layout.clone();
        use_effect_with((props.trace_id, props.layout.is_ok()), move |_| {
            if let (Some(svg), Ok(l)) = (svg_ref.cast::<Element>(), layout.as_ref()) {
                size_for(&svg, ViewBox::fit(l.width, l.height, MARGIN));
            }
        });
    }
    // The latest view, read by the wheel listener (installed outside Yew, see below) and by
    // the view's glide to a new trace.
    let latest: Latest = use_mut_ref(|| None::<(u64, ViewBox, f64)>);
    // The view of the trace before and the svg's size then, when this render is the first
    // of a new trace.
    let glide_from = use_mut_ref(|| None::<(ViewBox, Option<(f64, f64)>)>);
    // Following the steps: the view on screen when a step moved the automatic view, and
    // the glide from it (replacing one still under way; dropped, it stops).
    let follow_from = use_mut_ref(|| None::<ViewBox>);
    let follow_tween = use_mut_ref(|| None::<ViewTween>);
    {
        let (svg_ref, latest, id) = (svg_ref.clone(), latest.clone(), props.trace_id);
        let (follow_from, follow_tween) = (follow_from.clone(), follow_tween.clone());
        use_effect(move || {
            if let Some(from) = follow_from.borrow_mut().take() {
                let svg = svg_ref.cast::<Element>().filter(|_| !reduced_motion());
                *follow_tween.borrow_mut() = svg.map(|svg| ViewTween::start(svg, from, latest, id));
            }
        });
    }
    // Where the nodes of the trace before were (centres by node index).
    let placed = use_mut_ref(Vec::<Option<Pt>>::new);
    let nodes_ref = use_node_ref();
    // Attribute strings that are the same at every step of a trace, formatted once.
    let drawn = {
        let (trace, layout) = (props.trace.0.clone(), props.layout.0.clone());
        use_memo(props.trace_id, move |_| Drawn::new(&trace, &layout))
    };
    // Which chunks of the drawing are drawn (see `cull`), for the trace they belong to.
    let shown_chunks = use_mut_ref(|| (0u64, Shown::default()));
    // The glide to a new trace starts in a microtask queued by the render that first shows
    // it, not in an effect: Yew's scheduler may yield to the browser between a long render
    // and its effects (after 16 ms), and the frame painted then would show the nodes at
    // their new places before the glide moves them back (a jump). The microtask runs once
    // the DOM is patched and before any frame is painted. The view's tween lives here.
    let view_tween = use_mut_ref(|| None::<ViewTween>);
    let glide_to_new_trace = {
        let (svg_ref, nodes_ref) = (svg_ref.clone(), nodes_ref.clone());
        let (latest, glide_from, drawn) = (latest.clone(), glide_from.clone(), drawn.clone());
        let (layout, view_tween) = (props.layout.clone(), view_tween.clone());
        move |id: u64| {
            if let (Some(svg), Ok(l)) = (svg_ref.cast::<Element>(), layout.as_ref()) {
                size_for(&svg, ViewBox::fit(l.width, l.height, MARGIN));
            }
            let centres: Vec<Option<Pt>> = drawn
                .nodes
                .iter()
                .map(|g| g.as_ref().map(|g| g.centre))
                .collect();
            let old = std::mem::replace(&mut *placed.borrow_mut(), centres);
            let from = glide_from.borrow_mut().take();
            let motion = !reduced_motion();
            if let Some(nodes) = nodes_ref.cast::<Element>().filter(|_| motion) {
                glide_nodes(&nodes, &old, &drawn);
            }
            let tween =
                from.filter(|_| motion)
                    .zip(svg_ref.cast::<Element>())
                    .map(|((from, was), svg)| {
                        // The new drawing may have resized the svg: start from the same picture
                        // in the new size (measuring here is the layout the frame needs anyway).
                        // Its box has the new size already; the svg, pinned, gets it here.
                        let now = svg
                            .parent_element()
                            .map_or_else(|| element_size(&svg), |b| element_size(&b));
                        pin_size(&svg, now);
                        let from = was.map_or(from, |was| from.resized(was, now));
                        ViewTween::start(svg, from, latest, id)
                    });
            // Replacing a tween still under way stops it (dropped).
            *view_tween.borrow_mut() = tween;
        }
    };
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

    let lang = props.lang;
    let layout = match props.layout.as_ref() {
        Ok(l) => l,
        Err(e) => {
            return html! {
                <div class="panel graph-panel">
                    <p class="parse-error" role="alert">{ lang.f(Key::GraphLayoutFailed, &[e]) }</p>
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
    let before = latest.borrow_mut().replace((id, view, max_w));
    if before.is_none_or(|b| b.0 != id) {
        yew::platform::spawn_local(async move { glide_to_new_trace(id) });
    }
    if let Some((_, old_view, _)) = before.filter(|b| b.0 != id) {
        // The first render of another trace: glide from the view of the one before.
        *glide_from.borrow_mut() = Some((old_view, *size));
    }
    if let Some((_, old_view, _)) = before.filter(|b| b.0 == id && b.1 != view) {
        if manual.is_none() {
            // Following a step out of view: glide from what is on screen (a glide under
            // way has written an in-between box; reading an attribute forces no layout).
            let shown = svg_ref
                .cast::<Element>()
                .and_then(|svg| svg.get_attribute("data-view"))
                .and_then(|a| ViewBox::parse(&a));
            *follow_from.borrow_mut() = Some(shown.unwrap_or(old_view));
        }
    }

    // Only the chunks near the view are drawn (see `cull`), and those near where a glide
    // starts: the view on screen before a step moved it, or the last trace's view. Small
    // graphs are drawn whole: their nodes are in the tab order, which skips hidden ones.
    let culls = props.trace.nodes.len() > MAX_FOCUSABLE_NODES;
    let glide_start = (*follow_from.borrow()).or_else(|| glide_from.borrow().map(|(v, _)| v));
    if culls {
        let mut s = shown_chunks.borrow_mut();
        if s.0 != id {
            *s = (id, Shown::default());
        }
        s.1.update(&drawn.chunks, view, glide_start);
    }
    let on_chunks = &shown_chunks.borrow().1;
    // Whether the chunk `c` whose kind has the flags `on` is drawn.
    let is_drawn = |on: &[bool], c: usize| !culls || on.get(c).copied().unwrap_or(true);

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
                node: node_under(e.target()),
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
        let on_inspect = props.on_inspect.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(d) = drag.borrow_mut().take() else {
                return;
            };
            let moved =
                (f64::from(e.client_x()) - d.x).abs() + (f64::from(e.client_y()) - d.y).abs();
            if let (Some(node), Some(cb), true) = (d.node, &on_inspect, moved < CLICK_SLOP) {
                if e.type_() == "pointerup" {
                    cb.emit(node);
                }
            }
        })
    };
    let on_node_key = {
        let on_inspect = props.on_inspect.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" {
                return;
            }
            if let (Some(node), Some(cb)) = (node_under(e.target()), &on_inspect) {
                e.prevent_default();
                cb.emit(node);
            }
        })
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
    let trace = props.trace.clone();
    let visible = |i: usize| f.visible.get(i).copied().unwrap_or(true);
    let annots = annotations(t, f);
    // Small graphs put their nodes in the tab order (Enter inspects one); on big ones
    // hundreds of tab stops would bury the controls.
    let focusable = props.on_inspect.is_some() && t.nodes.len() <= MAX_FOCUSABLE_NODES;
    let named = named_so_far(t, f);
    // What the step shows of each placed node and each edge; the chunks compare these.
    let node_looks: Vec<NodeLook> = t
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let geom = drawn.nodes.get(i)?.as_ref()?;
            let shown = visible(i);
            Some(NodeLook {
                index: i,
                geom: Shared(geom.clone()),
                visible: shown,
                focus: shown && f.focus.contains(&n.id),
                fresh: shown && f.fresh.contains(&n.id),
                annot: annots
                    .get(i)
                    .cloned()
                    .flatten()
                    .filter(|_| shown)
                    .map(AttrValue::from),
                named: shown && named.get(i).copied().unwrap_or(false),
                diverging: shown && props.diverging == Some(n.id),
            })
        })
        .collect();
    // In the order edges are chunked (`cull`), None when not revealed yet, so an edge
    // keeps its chunk.
    let edge_looks: Vec<Option<EdgeLook>> = drawn
        .chunks
        .edge_order
        .iter()
        .filter_map(|&i| Some((i, layout.edges.get(i)?, drawn.edges.get(i)?)))
        .map(|(i, e, d)| {
            if !(visible(e.src) && visible(e.dst)) {
                return None;
            }
            let (src, dst) = (t.nodes.get(e.src), t.nodes.get(e.dst));
            let dst_kind = dst.map(|n| n.kind);
            let fresh = f.fresh.contains(&(e.dst as u32));
            let focus = f.focus.len() == 2
                && f.focus.contains(&(e.src as u32))
                && f.focus.contains(&(e.dst as u32));
            Some(EdgeLook {
                index: i,
                path: Shared(d.clone()),
                adjoint: matches!(dst_kind, Some(NodeKind::Adjoint | NodeKind::Seed)),
                partial: matches!(dst_kind, Some(NodeKind::Partial)),
                reads: src.is_some_and(|n| n.created_at.is_none())
                    && dst.is_some_and(|n| n.created_at.is_some()),
                current: fresh || focus,
                fresh,
            })
        })
        .collect();
    let layer = |c: usize, class: &'static str, near: bool, children: Html| {
        chunk(c, class, fit, near, children)
    };
    let summary = lang.f(
        Key::GraphSummary,
        &[
            &t.forward_count,
            &f.visible.iter().filter(|v| **v).count(),
            &t.nodes.len(),
        ],
    );
    html! {
        <div class="panel graph-panel">
            if props.toolbar {
            <div class="graph-toolbar controls" role="group" aria-label={lang.t(Key::ZoomGroup)}>
                <button id="zoom-in" class="icon-button" title={lang.t(Key::ZoomIn)} aria-label={lang.t(Key::ZoomIn)} onclick={zoom_by(1.0 / 1.25)}>{"+"}</button>
                <button id="zoom-out" class="icon-button" title={lang.t(Key::ZoomOut)} aria-label={lang.t(Key::ZoomOut)} onclick={zoom_by(1.25)}>{"−"}</button>
                <button id="fit" class="icon-button" title={lang.t(Key::FitTitle)} aria-label={lang.t(Key::FitTitle)} onclick={on_fit}>{lang.t(Key::FitLabel)}</button>
                if manual.is_some() {
                    <button id="follow" class="icon-button" title={lang.t(Key::FollowTitle)} aria-label={lang.t(Key::FollowAria)} onclick={on_follow}>{lang.t(Key::FollowLabel)}</button>
                }
            </div>
            }
            // The box is the flex item sized by style.css; the svg fills it. (A flex-sized svg
            // was laid out at its content-based size and again at its final one on every
            // change inside it, re-laying out every node and edge: ~60 ms per step at 300 nodes.)
            <div class="graph-box">
            // Panned by the group's transform, not the viewBox (see `show`).
            <svg ref={svg_ref} class="graph" data-testid="graph" viewBox={view.size_attr()} data-view={view.attr()}
                preserveAspectRatio="xMidYMid meet" role="img" aria-label={summary}
                onpointerdown={on_down} onpointermove={on_move}
                onpointerup={on_up.clone()} onpointercancel={on_up}>
                <g class="view" transform={view.shift_attr()}>
                { bands(t, layout, lang) }
                // Drawn anew (and faded in) for each trace: its routes are another layout's.
                // In chunks of EDGE_CHUNK in the order `cull` sorts them, each its own svg
                // (see CHUNK).
                <g class="edges" key={id.to_string()}>
                    { for edge_looks.chunks(EDGE_CHUNK).enumerate().map(|(c, part)| layer(c, "edge-chunk", is_drawn(&on_chunks.edges, c), html! {
                        // Keyed by the edge's index in the layout (revealing an edge inserts
                        // one element); each chunk and each edge is a component, so the
                        // unchanged ones are skipped.
                        <EdgeChunk edges={part.iter().flatten().cloned().collect::<Vec<_>>()} />
                    })) }
                </g>
                // The nodes in chunks of CHUNK (see there); `g.nodes > g` are all the nodes.
                <g class="node-chunks" ref={nodes_ref} onkeydown={on_node_key}>
                    { for node_looks.chunks(CHUNK).enumerate().map(|(c, part)| layer(c, "nodes", is_drawn(&on_chunks.nodes, c), html! {
                        // Keyed by node id inside; a chunk re-renders only when a node's look
                        // in it changes, and then only that node.
                        <NodeChunk trace={trace.clone()} nodes={part.to_vec()} {focusable} />
                    })) }
                </g>
                </g>
            </svg>
            </div>
        </div>
    }
}

/// One chunk of the drawing (key `c`): `children` in a `g.{class}` in an svg of its own, in
/// a foreignObject covering the fitted drawing `fit` (its svg maps user units one to one;
/// overflow stays visible, for the glides). An svg root is a paint layer, whose drawing
/// Chromium reuses when nothing in it changed, so a step repaints the chunks it touches.
/// A chunk not `near` the view is `is-off` (`display: none`): in the DOM, not drawn.
fn chunk(c: usize, class: &'static str, fit: ViewBox, near: bool, children: Html) -> Html {
    html! {
        <foreignObject key={c} class={if near { "chunk" } else { "chunk is-off" }} x={fit.x.to_string()} y={fit.y.to_string()}
            width={fit.w.to_string()} height={fit.h.to_string()}>
            <svg class="chunk-layer" viewBox={fit.attr()}>
                <g class={class}>{ children }</g>
            </svg>
        </foreignObject>
    }
}

/// The shaded forward and adjoint bands (extended mode only).
fn bands(t: &Trace, layout: &Layout, lang: Lang) -> Html {
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
            <text class="band-label" x={(8.0 - MARGIN).to_string()} y={(y + 15.0).to_string()}>{lang.t(Key::BandLabel)}</text>
        </g>
    }
}
