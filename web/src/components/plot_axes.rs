//! The frame, grid lines and tick labels of a plot, shared by the numerical and symbolic
//! panels (their scales come from `chart.rs`).

use yew::{html, Html};

use crate::chart::Tick;

/// Where the plotting area sits inside the SVG, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotArea {
    /// Left edge.
    pub left: f64,
    /// Right edge.
    pub right: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
}

/// Vertical grid lines with labels under the x axis, horizontal ones with labels left of
/// the y axis, and the frame around the area.
pub fn axes(area: PlotArea, x_ticks: Vec<Tick>, y_ticks: Vec<Tick>) -> Html {
    let PlotArea {
        left,
        right,
        top,
        bottom,
    } = area;
    html! {
        <g class="axes">
            { for x_ticks.into_iter().map(|t| html! {
                <g>
                    <line class="grid" x1={t.px.to_string()} x2={t.px.to_string()} y1={top.to_string()} y2={bottom.to_string()} />
                    if let Some(l) = t.label {
                        <text class="tick-label" x={t.px.to_string()} y={(bottom + 18.0).to_string()} text-anchor="middle">{ l }</text>
                    }
                </g>
            }) }
            { for y_ticks.into_iter().map(|t| html! {
                <g>
                    <line class="grid" x1={left.to_string()} x2={right.to_string()} y1={t.px.to_string()} y2={t.px.to_string()} />
                    if let Some(l) = t.label {
                        <text class="tick-label" x={(left - 6.0).to_string()} y={(t.px + 4.0).to_string()} text-anchor="end">{ l }</text>
                    }
                </g>
            }) }
            <rect class="frame" x={left.to_string()} y={top.to_string()}
                width={(right - left).to_string()} height={(bottom - top).to_string()} />
        </g>
    }
}
