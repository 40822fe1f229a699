//! Differentiate again (`[data-testid=order-meter]`): the node count of the graph after
//! each derivative order, as horizontal bars (SVG, no inline styles), with backprop's
//! single, unchanging forward graph for contrast. The engine's `teach::orders` counts.

use adjoint_engine::render::number::rounded;
use adjoint_engine::teach::{order_counts, OrderCount};
use adjoint_engine::{compile, syntax::parse_values};
use yew::prelude::*;

use crate::i18n::{Key, Lang};

/// The counts for orders 0..=`max_order` with respect to variable `wrt`, with the
/// variable's name, or the error text.
pub fn counts(
    program: &str,
    values: &str,
    wrt: usize,
    max_order: usize,
) -> Result<(String, Vec<OrderCount>), String> {
    let values = parse_values(values).map_err(|e| e.to_string())?;
    let c = compile(program, &values).map_err(|e| e.to_string())?;
    let name = c.graph().variables().get(wrt).cloned().unwrap_or_default();
    Ok((
        name,
        order_counts(&c, wrt, max_order).map_err(|e| e.to_string())?,
    ))
}

/// Props of [`OrderMeter`].
#[derive(Properties, PartialEq)]
pub struct OrderMeterProps {
    /// The interface language.
    pub lang: Lang,
    /// The program (scalar).
    pub program: AttrValue,
    /// Its input values.
    pub values: AttrValue,
    /// The variable differentiated against each time (0-based).
    #[prop_or_default]
    pub wrt: usize,
    /// The highest order shown.
    #[prop_or(3)]
    pub max_order: usize,
}

const W: f64 = 420.0;
const LABEL: f64 = 120.0;
const ROW: f64 = 26.0;

/// The meter.
#[function_component(OrderMeter)]
pub fn order_meter(props: &OrderMeterProps) -> Html {
    let lang = props.lang;
    let result = use_memo(
        (
            props.program.clone(),
            props.values.clone(),
            props.wrt,
            props.max_order,
        ),
        |(p, v, w, m)| counts(p, v, *w, *m),
    );
    let body = match &*result {
        Err(e) => {
            html! { <p class="parse-error" role="alert">{ lang.f(Key::OrderCannot, &[e]) }</p> }
        }
        Ok((name, rows)) => {
            let forward = rows.first().map_or(0, |r| r.nodes);
            let max = rows.iter().map(|r| r.nodes).max().unwrap_or(1).max(1) as f64;
            let scale = |n: usize| (W - LABEL - 70.0) * n as f64 / max;
            // The backprop row, then one row per order of reverse AD.
            let height = ROW * (rows.len() + 1) as f64 + 4.0;
            html! {
                <>
                    <p class="hint">{ lang.f(Key::OrderWrt, &[name]) }</p>
                    <svg class="order-meter-chart" viewBox={format!("0 0 {W} {height}")} role="img"
                        aria-label={lang.t(Key::OrderAria)}>
                        <g class="order-row order-row--backprop" data-testid="order-backprop" data-nodes={forward.to_string()}>
                            <text x="0" y={(ROW * 0.65).to_string()} class="order-label">{ lang.t(Key::ModeBackprop) }</text>
                            <rect class="order-bar order-bar--backprop" x={LABEL.to_string()} y="4"
                                width={format!("{:.1}", scale(forward))} height={(ROW - 8.0).to_string()} />
                            <text class="order-count" x={format!("{:.1}", LABEL + scale(forward) + 6.0)} y={(ROW * 0.65).to_string()}>
                                { forward.to_string() }
                            </text>
                        </g>
                        { for rows.iter().enumerate().map(|(k, r)| {
                            let y = ROW * (k + 1) as f64;
                            let label = if r.order == 0 { lang.t(Key::OrderForward).to_string() } else { lang.f(Key::OrderN, &[&r.order]) };
                            html! {
                                <g class="order-row" data-testid="order-row" data-order={r.order.to_string()}
                                    data-nodes={r.nodes.to_string()} data-added={r.added.to_string()}>
                                    <title>{ format!("{} — {} — {}", label, lang.f(Key::OrderNodes, &[&r.nodes, &r.added]), lang.f(Key::OrderValue, &[&rounded(r.value)])) }</title>
                                    <text x="0" y={format!("{:.1}", y + ROW * 0.65)} class="order-label">{ label }</text>
                                    <rect class="order-bar order-bar--forward" x={LABEL.to_string()} y={format!("{:.1}", y + 4.0)}
                                        width={format!("{:.1}", scale(forward))} height={(ROW - 8.0).to_string()} />
                                    <rect class="order-bar order-bar--added" x={format!("{:.1}", LABEL + scale(forward))} y={format!("{:.1}", y + 4.0)}
                                        width={format!("{:.1}", scale(r.nodes) - scale(forward))} height={(ROW - 8.0).to_string()} />
                                    <text class="order-count" x={format!("{:.1}", LABEL + scale(r.nodes) + 6.0)} y={format!("{:.1}", y + ROW * 0.65)}>
                                        { r.nodes.to_string() }
                                    </text>
                                </g>
                            }
                        }) }
                    </svg>
                    <ol class="order-list" start="0">
                        <li data-testid="order-backprop-text">{ lang.f(Key::OrderBackprop, &[&forward]) }</li>
                        { for rows.iter().map(|r| html! {
                            <li data-testid="order-text">
                                { if r.order == 0 { lang.t(Key::OrderForward).to_string() } else { lang.f(Key::OrderN, &[&r.order]) } }
                                { ": " }{ lang.f(Key::OrderNodes, &[&r.nodes, &r.added]) }{ " · " }
                                { lang.f(Key::OrderValue, &[&rounded(r.value)]) }
                            </li>
                        }) }
                    </ol>
                </>
            }
        }
    };
    html! {
        <div class="order-meter" data-testid="order-meter">
            <h3>{ lang.t(Key::OrderTitle) }</h3>
            <p class="hint">{ lang.t(Key::OrderIntro) }</p>
            { body }
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::components::adjoint_table::render_tests::render;

    #[tokio::test(flavor = "current_thread")]
    async fn counts_grow_with_the_order() {
        let html = render::<OrderMeter>(OrderMeterProps {
            lang: Lang::En,
            program: "ln(x1) + x1*x2 - sin(x2)".into(),
            values: "x1=2, x2=5".into(),
            wrt: 1,
            max_order: 3,
        })
        .await;
        assert_eq!(
            html.matches(r#"data-testid="order-row""#).count(),
            4,
            "{html}"
        );
        assert!(
            html.contains(r#"data-testid="order-backprop" data-nodes="7""#),
            "{html}"
        );
        let (_, rows) = counts("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5", 1, 3).expect("counts");
        for w in rows.windows(2) {
            assert!(w[1].nodes > w[0].nodes);
            assert!(html.contains(&format!(r#"data-nodes="{}""#, w[1].nodes)));
        }
        // ∂y/∂x2 = 1.716, ∂²y/∂x2² = sin 5 = −0.959
        assert!(
            html.contains("value 1.716") && html.contains("value -0.959"),
            "{html}"
        );
        assert!(!html.contains("style="), "CSP: no inline styles");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn errors_are_shown_in_chinese() {
        let html = render::<OrderMeter>(OrderMeterProps {
            lang: Lang::Zh,
            program: "ln(x1)".into(),
            values: "x1=2".into(),
            wrt: 3,
            max_order: 2,
        })
        .await;
        assert!(html.contains("无法再次求导"), "{html}");
    }
}
