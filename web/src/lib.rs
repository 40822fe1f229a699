//! The parts of the app that its two wasm modules share: the interface strings in both
//! languages ([`i18n`], with the lessons' texts and their catalogue, [`lessons`]), formula
//! rendering ([`math`]), the graph on the page as the SVG and PNG exports read it
//! ([`live_graph`]), and the numerical and symbolic
//! panels (§1.2–1.3) with their charts. The app (`main.rs`) uses all of it; the tensor
//! lab (`web/lab`), loaded on demand, mounts the two method panels, so the app's first
//! load carries neither them nor the symbolic engine behind them.
#![forbid(unsafe_code)]

pub mod chart;
pub mod i18n;
pub mod lessons;
pub mod live_graph;
pub mod math;

/// The method panels and the chart axes they draw on.
pub mod components {
    pub mod numeric_panel;
    pub mod plot_axes;
    pub mod symbolic_panel;
}
