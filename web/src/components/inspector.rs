//! The inspector (`[data-testid=inspector]`): a clicked node's value and, once the current
//! step has computed it, its adjoint (or tangent) — tensors as heatmaps, dicts as key → value
//! rows (an entry nothing flowed into shows its 0), tuples as items, scalars as numbers —
//! and the formula of the adjoint with the shapes of its inputs written under it
//! (X̄ = Z̄·Wᵀ: 2×2 · 2×3 → 2×3), so a student can check that the shapes line up.

use adjoint_engine::render::number::rounded;
use adjoint_engine::render::text::text;
use adjoint_engine::{Frame, NodeKind, NodeView, ShapedValue, StepKind, Trace};
use yew::prelude::*;

use crate::components::graph_parts::Shared;
use crate::graph_model::kind_name;
use crate::i18n::{Key, Lang};
use crate::tensor_view::{entry_text, grid, shape_text, Grid};

/// Heatmap cell size in SVG units.
const CELL: f64 = 34.0;

/// Props of [`Inspector`].
#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    /// The trace on screen.
    pub trace: Shared<Trace>,
    /// The frame at the current step.
    pub frame: Shared<Frame>,
    /// The node shown.
    pub node: u32,
    /// Closes the inspector.
    pub on_close: Callback<()>,
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
}

/// What the current step has computed for a node: the step that did and the node that holds
/// it (extended mode), or just its number (the numeric modes).
struct Computed<'a> {
    /// `v̄3`, `v̇3` or the adjoint node's label.
    name: String,
    /// The adjoint's node (extended mode), for its shape and formula.
    node: Option<&'a NodeView>,
    /// The number (scalar programs).
    value: f64,
}

/// The adjoint (or tangent) of `node` as of frame `f`: the last Visit or Tangent step for
/// it that has been applied.
fn computed<'a>(t: &'a Trace, f: &Frame, node: u32) -> Option<Computed<'a>> {
    let step = t.steps[..f.k.min(t.steps.len())]
        .iter()
        .rev()
        .find(|s| matches!(s.kind, StepKind::Visit | StepKind::Tangent) && s.node == node)?;
    let held = step.result.and_then(|r| t.nodes.get(r as usize));
    let label = t.nodes.get(node as usize).map_or("", |n| n.label.as_str());
    let mark = if step.kind == StepKind::Tangent {
        "\u{307}"
    } else {
        "\u{304}"
    };
    let name = held.filter(|h| h.kind != NodeKind::Partial).map_or_else(
        || {
            let mut chars = label.chars();
            let first: String = chars.next().into_iter().collect();
            format!("{first}{mark}{}", chars.as_str())
        },
        |h| h.label.clone(),
    );
    Some(Computed {
        name,
        node: held,
        value: step.value,
    })
}

/// The inspector panel.
#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    let t = &*props.trace;
    let lang = props.lang;
    let Some(n) = t.nodes.get(props.node as usize) else {
        return html! {};
    };
    let on_close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let shown = props
        .frame
        .visible
        .get(props.node as usize)
        .copied()
        .unwrap_or(true);
    let own = value_view(lang, n.shaped.as_ref(), n.value);
    let adjoint = if n.kind == NodeKind::Input || n.created_at.is_none() {
        computed(t, &props.frame, props.node)
    } else {
        None
    };
    let is_forward = n.created_at.is_none();
    html! {
        <section class="panel inspector" data-testid="inspector" data-node={n.label.clone()}
            aria-labelledby="inspector-title">
            <div class="inspector-head">
                <h2 id="inspector-title">{ &n.label }
                    <small class="hint">{" "}{ kind_name(n.kind) }{" · "}{ shape_name(lang, n.shaped.as_ref()) }</small>
                </h2>
                <button type="button" id="inspector-close" class="icon-button" aria-label={lang.t(Key::InspCloseAria)} title={lang.t(Key::InspClose)} onclick={on_close}>{"×"}</button>
            </div>
            if !shown {
                <p class="hint">{ lang.t(Key::InspNotCreated) }</p>
            } else {
                <div class="inspector-part" data-testid="inspector-value"
                    data-shape={n.shaped.as_ref().map(shape_text)}>
                    <h3>{ lang.t(Key::InspValue) }{" "}<span class="math-text">{ &n.label }</span></h3>
                    { own }
                    if !is_forward {
                        { formula(lang, t, n) }
                    }
                </div>
                if is_forward {
                    { adjoint_part(lang, t, adjoint) }
                }
            }
        </section>
    }
}

/// The adjoint part of a forward node: its value and formula once computed.
fn adjoint_part(lang: Lang, t: &Trace, adjoint: Option<Computed<'_>>) -> Html {
    let Some(a) = adjoint else {
        return html! {
            <div class="inspector-part" data-testid="inspector-adjoint" data-state="pending">
                <h3>{ lang.t(Key::InspAdjoint) }</h3>
                <p class="hint">{ lang.t(Key::InspPending) }</p>
            </div>
        };
    };
    let shaped = a.node.and_then(|h| h.shaped.as_ref());
    html! {
        <div class="inspector-part" data-testid="inspector-adjoint" data-state="done"
            data-shape={shaped.map(shape_text)} data-label={a.name.clone()}>
            <h3>{ lang.t(Key::InspAdjoint) }{" "}<span class="math-text">{ &a.name }</span></h3>
            { value_view(lang, shaped, a.node.map_or(a.value, |h| h.value)) }
            if let Some(h) = a.node {
                { formula(lang, t, h) }
            }
        </div>
    }
}

/// `name = definition`, with the shapes of the definition's inputs and of the result:
/// `2×2 · 2×3 → 2×3`.
fn formula(lang: Lang, t: &Trace, n: &NodeView) -> Html {
    let def = text(&n.definition);
    let inputs: Vec<String> = n
        .inputs
        .iter()
        .filter_map(|&i| t.nodes.get(i as usize))
        .map(|x| shape_name(lang, x.shaped.as_ref()))
        .collect();
    let shapes = n
        .shaped
        .as_ref()
        .map(|s| format!("{} → {}", inputs.join(" · "), shape_text(s)));
    html! {
        <p class="inspector-formula" data-testid="inspector-formula">
            <span class="math-text">{ format!("{} = {def}", n.label) }</span>
            if let Some(s) = shapes {
                <span class="inspector-shapes" data-testid="inspector-shapes">{ s }</span>
            }
        </p>
    }
}

/// A shape as the inspector writes it: `2×3`, `{cat, dog}`, or "scalar" in `lang`.
fn shape_name(lang: Lang, v: Option<&ShapedValue>) -> String {
    match v {
        Some(ShapedValue::Tensor { shape, .. }) if shape.is_empty() => {
            lang.t(Key::InspScalar).into()
        }
        Some(s) => shape_text(s),
        None => lang.t(Key::InspScalar).into(),
    }
}

/// A value: a number, a heatmap, dict rows or tuple items.
fn value_view(lang: Lang, v: Option<&ShapedValue>, scalar: f64) -> Html {
    match v {
        None => {
            html! { <p class="inspector-number num" title={scalar.to_string()}>{ rounded(scalar) }</p> }
        }
        Some(ShapedValue::Tensor { shape, data }) if shape.is_empty() => {
            let x = data.first().copied().unwrap_or(scalar);
            html! { <p class="inspector-number num" title={x.to_string()}>{ rounded(x) }</p> }
        }
        Some(ShapedValue::Tensor { shape, data }) => heatmap(lang, &grid(shape, data), shape),
        Some(ShapedValue::Tuple { items }) => html! {
            <ol class="inspector-items" start="0">
                { for items.iter().map(|item| html! { <li>{ value_view(lang, Some(item), 0.0) }</li> }) }
            </ol>
        },
        Some(ShapedValue::Dict { entries }) => html! {
            <dl class="inspector-dict">
                { for entries.iter().map(|(k, item)| html! {
                    <div class="inspector-entry" data-testid="inspector-entry" data-key={k.clone()}>
                        <dt>{ format!("\"{k}\"") }</dt>
                        <dd>{ value_view(lang, Some(item), 0.0) }</dd>
                    </div>
                }) }
            </dl>
        },
    }
}

/// A tensor as a grid of coloured cells (`title` holds each exact entry).
fn heatmap(lang: Lang, g: &Grid, shape: &[usize]) -> Html {
    let (rows, cols) = g.shown();
    let (w, h) = (cols as f64 * CELL, rows as f64 * CELL);
    let cut = (rows, cols) != (g.rows, g.cols);
    html! {
        <figure class="heatmap" data-testid="heatmap" data-rows={g.rows.to_string()} data-cols={g.cols.to_string()}>
            <svg viewBox={format!("0 0 {w} {h}")} width={w.to_string()} height={h.to_string()} role="img"
                aria-label={lang.f(Key::InspMatrixAria, &[&shape.iter().map(usize::to_string).collect::<Vec<_>>().join("×")])}>
                { for g.cells.iter().map(|c| {
                    let (x, y) = (c.col as f64 * CELL, c.row as f64 * CELL);
                    html! {
                        <g class="heatmap-cell" data-testid="heatmap-cell" data-row={c.row.to_string()} data-col={c.col.to_string()} data-value={c.value.to_string()}>
                            <title>{ format!("[{}, {}] = {}", c.row, c.col, c.value) }</title>
                            <rect x={x.to_string()} y={y.to_string()} width={CELL.to_string()} height={CELL.to_string()} fill={c.fill.clone()} />
                            if g.numbers {
                                <text class={classes!("heatmap-number", c.dark.then_some("on-dark"))}
                                    x={(x + CELL / 2.0).to_string()} y={(y + CELL / 2.0 + 4.0).to_string()}>{ entry_text(c.value) }</text>
                            }
                        </g>
                    }
                }) }
            </svg>
            if cut {
                <figcaption class="hint">{ lang.f(Key::InspShowing, &[&rows, &cols, &g.rows, &g.cols]) }</figcaption>
            }
        </figure>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::components::adjoint_table::render_tests;
    use std::rc::Rc;

    fn matmul_trace() -> Trace {
        let p = &adjoint_tensor::presets::all()[0];
        adjoint_tensor::run(p.program, &p.inputs, adjoint_engine::Mode::Extended)
            .expect("the Z = XW preset runs")
    }

    async fn render(t: Trace, k: usize, label: &str) -> String {
        render_in(Lang::En, t, k, label).await
    }

    async fn render_in(lang: Lang, t: Trace, k: usize, label: &str) -> String {
        let node = t.nodes.iter().find(|n| n.label == label).expect("node").id;
        let frame = adjoint_engine::frame_at(&t, k);
        let props = InspectorProps {
            trace: Shared(Rc::new(t)),
            frame: Shared(Rc::new(frame)),
            node,
            on_close: Callback::noop(),
            lang,
        };
        render_tests::render::<Inspector>(props).await
    }

    #[tokio::test]
    async fn x_shows_its_value_and_after_the_last_step_x_bar_with_shapes_lining_up() {
        let t = matmul_trace();
        let end = t.steps.len();
        let html = render(t.clone(), 0, "X").await;
        assert!(html.contains(r#"data-rows="2" data-cols="3""#), "{html}");
        assert!(
            html.contains(r#"data-state="pending""#),
            "no adjoint at step 0"
        );
        let html = render(t, end, "X").await;
        assert!(
            html.contains(r#"data-testid="inspector-adjoint" data-state="done" data-shape="2×3""#),
            "{html}"
        );
        assert!(
            html.contains("2×2 · 2×3 → 2×3"),
            "X̄ = Z̄·Wᵀ lines up: {html}"
        );
        assert!(html.contains("Z̄·Wᵀ"), "{html}");
    }

    #[tokio::test]
    async fn the_dict_adjoint_shows_its_zero_entry() {
        let p = &adjoint_tensor::presets::all()[1];
        let t = adjoint_tensor::run(p.program, &p.inputs, adjoint_engine::Mode::Extended)
            .expect("the dict preset runs");
        let end = t.steps.len();
        let html = render(t, end, "d").await;
        assert!(html.contains(r#"data-key="dog""#), "{html}");
        let adjoint = html
            .split(r#"data-testid="inspector-adjoint""#)
            .nth(1)
            .expect("adjoint part");
        let dog = adjoint
            .split(r#"data-key="dog""#)
            .nth(1)
            .expect("dog entry");
        assert!(
            dog.contains(r#"title="0""#),
            "the adjoint's dog entry is 0: {adjoint}"
        );
    }

    #[tokio::test]
    async fn scalar_programs_show_the_number_and_its_adjoint() {
        let t = adjoint_engine::run(
            "ln(x1) + x1*x2 - sin(x2)",
            "x1=2, x2=5",
            adjoint_engine::Mode::Reverse,
            0,
        )
        .expect("the lecture example");
        let end = t.steps.len();
        // The lecture numbers its inputs v1 = x1 and v2 = x2: v̄1 = ∂y/∂x1 = 5.5, v̄2 = 1.716.
        let html = render(t.clone(), end, "v1").await;
        assert!(html.contains(">5.5<"), "v̄1 = 5.5: {html}");
        assert!(html.contains("v̄1"), "{html}");
        let html = render(t, end, "v2").await;
        assert!(html.contains(">1.716<"), "v̄2 = 1.716: {html}");
    }

    #[tokio::test]
    async fn chinese_headings_and_pending_note() {
        let t = matmul_trace();
        let html = render_in(Lang::Zh, t.clone(), 0, "X").await;
        assert!(html.contains(Lang::Zh.t(Key::InspPending)), "{html}");
        assert!(html.contains("形状为 2×3 的矩阵"), "{html}");
        assert!(!html.contains("Not computed yet"), "{html}");
        let html = render_in(Lang::Zh, t, 0, "v").await;
        assert!(
            html.contains(Lang::Zh.t(Key::InspScalar)),
            "v is a scalar: {html}"
        );
    }
}
