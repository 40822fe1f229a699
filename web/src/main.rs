//! Adjoint's browser app: mounts [`app::App`] on the page. Everything else lives in the
//! modules below; the engine does the math, these only draw its traces.
#![forbid(unsafe_code)]

mod app;
mod chart;
mod components;
mod geometry;
mod graph_model;
mod math;
mod state;
mod url;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
