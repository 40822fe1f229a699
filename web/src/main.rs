//! Adjoint's browser app: mounts [`app::App`] on the page (or, started by the widget
//! loader, leaves mounting to [`widget::mount_widgets`]). Everything else lives in the
//! modules below; the engine does the math, these only draw its traces. A panic that
//! escapes anyway is shown by [`panic_report`] as a banner instead of a dead page. A
//! visitor who starts in Chinese gets the app once its strings have arrived
//! ([`zh_load::then_mount`]), so no English flashes first.
#![forbid(unsafe_code)]

mod app;
// Shared with the tensor lab (lib.rs); `crate::i18n` and friends keep working here.
use adjoint_web::{i18n, lessons, math};
mod components;
mod cull;
mod edge_path;
mod embed;
mod export;
mod geometry;
mod graph_model;
mod lab;
mod lesson_wiring;
mod offline;
mod panic_report;
mod permalink;
mod state;
mod tensor_view;
mod url;
mod widget;
mod zh_load;

/// How long after mounting `?panic_test=1` panics (the app has drawn its graph by then).
const TEST_PANIC_DELAY_MS: u32 = 1_500;

fn main() {
    panic_report::install();
    // Started by web/adjoint-widget.js on a host page: it mounts the widgets itself.
    if widget::requested() {
        return;
    }
    let lang = lesson_wiring::start_lang(&lesson_wiring::read_link());
    zh_load::then_mount(lang, || {
        yew::Renderer::<app::App>::new().render();
    });
    offline::register();
    if panic_report::test_panic_requested() {
        gloo_timers::callback::Timeout::new(TEST_PANIC_DELAY_MS, || {
            panic!("test panic requested by ?{}=1", panic_report::TEST_PARAM)
        })
        .forget();
    }
}
