//! The root component: owns the state (a reducer), derives the frame and the layout from it,
//! and wires the keyboard, the player's interval, the URL and the theme to the page.

use std::rc::Rc;

use adjoint_engine::{frame_at, Mode};
use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::{Interval, Timeout};

/// How long the view must stay put before the URL is rewritten.
const URL_WRITE_DELAY_MS: u32 = 250;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::adjoint_table::{table_rows, AdjointTable};
use crate::components::controls::Controls;
use crate::components::editor::Editor;
use crate::components::graph_parts::Shared;
use crate::components::graph_view::GraphView;
use crate::components::inspector::Inspector;
use crate::components::mode_tabs::ModeTabs;
use crate::components::narration::Narration;
use crate::components::node_to_grad::NodeToGrad;
use crate::components::numeric_panel::NumericPanel;
use crate::components::pseudocode::Pseudocode;
use crate::components::symbolic_panel::SymbolicPanel;
use crate::graph_model::build_layout;
use crate::state::{Action, AppState, Method};
use crate::url;

/// Local storage key of the chosen theme.
const THEME_KEY: &str = "adjoint-theme";

/// The step action a key stands for, if any (`←/→`, PageUp/PageDown, Home/End, space).
pub fn key_action(key: &str) -> Option<Action> {
    Some(match key {
        "ArrowRight" | "PageDown" => Action::Next,
        "ArrowLeft" | "PageUp" => Action::Prev,
        "Home" => Action::First,
        "End" => Action::Last,
        " " | "Spacebar" => Action::TogglePlay,
        _ => return None,
    })
}

/// Steps with the keyboard unless focus is in a text field, a select or (for space) a button.
fn on_key(e: &KeyboardEvent, dispatch: &yew::UseReducerDispatcher<AppState>) {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
        return;
    }
    let Some(action) = key_action(&e.key()) else {
        return;
    };
    if let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        let tag = el.tag_name().to_ascii_uppercase();
        if matches!(tag.as_str(), "TEXTAREA" | "INPUT" | "SELECT") || el.is_content_editable() {
            return;
        }
        if tag == "BUTTON" && action == Action::TogglePlay {
            return;
        }
    }
    e.prevent_default();
    dispatch.dispatch(action);
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

fn stored_theme() -> Option<String> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage
        .get_item(THEME_KEY)
        .ok()?
        .filter(|t| t == "dark" || t == "light")
}

fn os_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Sets or removes an attribute on `<html>`.
fn set_root_attr(name: &str, value: Option<&str>) {
    let Some(el) = root() else { return };
    // Failing to set a presentation attribute only loses the styling, never the content.
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

/// The app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState::from_url(&url::read()));
    let dispatcher = state.dispatcher();
    let theme = use_state(stored_theme);
    let presenter = use_state(|| false);
    let method = state.panel;

    // Keyboard stepping, installed while the step-through view is shown: with a numerical
    // or symbolic panel open, the keys would step a trace nobody can see.
    {
        let dispatcher = dispatcher.clone();
        use_effect_with(method, move |panel| {
            let listener = web_sys::window().filter(|_| panel.is_none()).map(|w| {
                // Not passive: the keys we handle must not also scroll the page.
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&w, "keydown", options, move |e| {
                    if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                        on_key(e, &dispatcher);
                    }
                })
            });
            move || drop(listener)
        });
    }
    // The player: an interval that lives exactly as long as `playing` is true.
    {
        let dispatcher = dispatcher.clone();
        use_effect_with((state.playing, state.delay_ms), move |&(playing, delay)| {
            let interval =
                playing.then(|| Interval::new(delay, move || dispatcher.dispatch(Action::Tick)));
            move || drop(interval)
        });
    }
    // The view in the URL.
    use_effect_with(
        (
            state.mode,
            state.step,
            state.wrt,
            state.program.clone(),
            state.values.clone(),
            state.panel,
        ),
        |(mode, step, wrt, program, values, panel)| {
            // Debounced: `history.replaceState` forces a style and layout pass (41–50 ms a
            // step on 300–800-node graphs), so the URL is written once stepping pauses.
            let query = url::format(*mode, *step, *wrt, program, values, *panel);
            let pending = Timeout::new(URL_WRITE_DELAY_MS, move || url::write(&query));
            move || drop(pending)
        },
    );
    use_effect_with((*theme).clone(), |t| {
        set_root_attr("data-theme", t.as_deref())
    });
    use_effect_with(*presenter, |p| {
        set_root_attr("data-presenter", p.then_some(""))
    });

    let layout = {
        let trace = state.trace.clone();
        use_memo(state.trace_id, move |_| {
            trace.map(|t| Rc::new(timed_layout(&t)))
        })
    };
    let frame = {
        let trace = state.trace.clone();
        use_memo((state.trace_id, state.step), move |&(_, k)| {
            trace.map(|t| Rc::new(frame_at(&t, k)))
        })
    };

    let dispatch = {
        let d = dispatcher.clone();
        Callback::from(move |a: Action| d.dispatch(a))
    };
    let on_program = dispatch.reform(Action::SetProgram);
    let on_values = dispatch.reform(Action::SetValues);
    let on_example = dispatch.reform(|(p, v)| Action::Load(p, v));
    // Picking a mode also leaves a method panel for the step-through view (the reducer).
    let on_mode = dispatch.reform(Action::SetMode);
    let on_method = dispatch.reform(Action::TogglePanel);
    let on_wrt = dispatch.reform(Action::SetWrt);
    // Stable across renders (compared by pointer), so the graph's nodes do not re-render.
    let on_inspect = {
        let d = dispatcher.clone();
        use_callback((), move |node: u32, _| {
            d.dispatch(Action::Inspect(Some(node)))
        })
    };
    let on_close_inspector = dispatch.reform(|()| Action::Inspect(None));
    let toggle_theme = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let dark = theme
                .as_deref()
                .map_or_else(os_prefers_dark, |t| t == "dark");
            let next = if dark { "light" } else { "dark" };
            if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
                // Not remembering the theme is harmless.
                let _ = s.set_item(THEME_KEY, next);
            }
            theme.set(Some(next.to_string()));
        })
    };
    let toggle_presenter = {
        let presenter = presenter.clone();
        Callback::from(move |_: MouseEvent| presenter.set(!*presenter))
    };

    let trace = state.trace.clone();
    let variables = trace
        .as_ref()
        .map(|t| t.variables.clone())
        .unwrap_or_default();
    let frame = (*frame).clone();
    let layout = (*layout).clone();
    let dark_label = if theme.as_deref() == Some("dark") || (theme.is_none() && os_prefers_dark()) {
        "☀ Light"
    } else {
        "☾ Dark"
    };
    html! {
        <div class="app">
            <header class="app-header">
                <div class="brand">{"Adjoint"}<small>{"watch automatic differentiation happen"}</small></div>
                <div class="header-actions">
                    <button id="theme" class="icon-button" title="Switch light / dark theme" onclick={toggle_theme}>{ dark_label }</button>
                    <button id="presenter" class="icon-button" title="Presenter mode: large type, high contrast"
                        aria-pressed={presenter.to_string()} onclick={toggle_presenter}>{"Presenter"}</button>
                </div>
            </header>
            <aside class="sidebar">
                <Editor program={AttrValue::from(state.program.clone())} values={AttrValue::from(state.values.clone())}
                    error={state.error.clone()} {on_program} {on_values} {on_example} tensor={state.tensor} />
                <div class={classes!("mode-tabs-wrap", method.is_some().then_some("is-elsewhere"))}>
                    <ModeTabs mode={state.mode} wrt={state.wrt} {variables} {on_mode} {on_wrt} extended_only={state.tensor} />
                </div>
                if !state.tensor {
                    { method_tabs(method, on_method) }
                }
            </aside>
            if let Some(m) = method {
                <main class="stage stage--methods">
                    if m == Method::Numeric {
                        <NumericPanel program={AttrValue::from(state.program.clone())} values={AttrValue::from(state.values.clone())} />
                    } else {
                        <SymbolicPanel program={AttrValue::from(state.program.clone())} values={AttrValue::from(state.values.clone())} />
                    }
                </main>
            } else {
            <main class="stage">
                <Controls step={state.step} total={state.total()} playing={state.playing}
                    delay_ms={state.delay_ms} dispatch={dispatch.clone()} />
                {
                    match (trace.clone(), frame.clone(), layout) {
                        (Some(t), Some(f), Some(l)) => html! {
                            <>
                                <Narration trace={Shared(t.clone())} current={f.current} />
                                <GraphView trace={Shared(t)} layout={Shared(l)} trace_id={state.trace_id} frame={Shared(f)} on_inspect={Some(on_inspect)} />
                                { legend(state.mode) }
                            </>
                        },
                        _ => html! {
                            <div class="panel graph-panel">
                                <p class="hint">{"No graph yet: fix the program above to draw it."}</p>
                            </div>
                        },
                    }
                }
            </main>
            <aside class="panels">
                if let (Some(t), Some(f)) = (trace, frame) {
                    if let Some(node) = state.inspect {
                        <Inspector trace={Shared(t.clone())} frame={Shared(f.clone())} {node} on_close={on_close_inspector} />
                    }
                    <AdjointTable trace={Shared(t.clone())} rows={table_rows(&t, &f)} current={f.current} />
                    if t.mode != Mode::Forward {
                        <NodeToGrad trace={Shared(t.clone())} lists={f.node_to_grad.clone()} current={f.current} />
                    }
                    <Pseudocode lines={t.pseudocode.clone()} current={f.line} />
                }
            </aside>
            }
        </div>
    }
}

/// The tabs `button[data-panel=numeric|symbolic]` opening the methods AD replaces; a second
/// click (or any mode tab) goes back to the step-through view.
fn method_tabs(active: Option<Method>, on_pick: Callback<Method>) -> Html {
    html! {
        <div class="panel">
            <h2 id="method-title">{"Compare with AD"}</h2>
            <div class="mode-tabs" role="group" aria-labelledby="method-title">
                { for Method::ALL.into_iter().map(|m| {
                    let on = active == Some(m);
                    let cb = on_pick.clone();
                    let (text, tip) = match m {
                        Method::Numeric => ("Numerical", "Finite differences against AD: error vs ε, gradient check (§1.2)"),
                        Method::Symbolic => ("Symbolic", "Symbolic derivatives and their size against AD (§1.3)"),
                    };
                    html! {
                        <button type="button" class={classes!("mode-tab", on.then_some("is-active"))}
                            data-panel={m.name()} aria-pressed={on.to_string()} title={tip}
                            onclick={Callback::from(move |_: MouseEvent| cb.emit(m))}>{ text }</button>
                    }
                }) }
            </div>
        </div>
    }
}

/// The colour key under the graph.
fn legend(mode: Mode) -> Html {
    let mut items = vec![("input", "input"), ("forward", "forward op")];
    if mode == Mode::Extended {
        items.extend([
            ("seed", "seed v̄ = 1"),
            ("partial", "partial adjoint"),
            ("adjoint", "adjoint (sum)"),
            ("aux", "helper"),
            ("pending", "not reached yet"),
        ]);
    }
    items.push(("current", "current step"));
    html! {
        <div class="legend hide-when-presenting" aria-label="Legend">
            { for items.into_iter().map(|(kind, text)| html! {
                <span class="legend-item"><span class={format!("swatch swatch--{kind}")}></span>{ text }</span>
            }) }
            <span class="legend-item hint">{"Keys: ← → step · Home/End · space plays · wheel zooms · drag pans"}</span>
        </div>
    }
}

/// Lays out the trace's graph and leaves the time it took (wasm, in ms) and the node count
/// on `<html>` as `data-layout-ms` / `data-layout-nodes`, for tests/perf/layout_wasm.cjs.
fn timed_layout(t: &adjoint_engine::Trace) -> Result<adjoint_layout::Layout, String> {
    let performance = web_sys::window().and_then(|w| w.performance());
    let started = performance.as_ref().map(|p| p.now());
    let layout = build_layout(t);
    if let (Some(p), Some(started)) = (performance, started) {
        let ms = format!("{:.3}", p.now() - started);
        set_root_attr("data-layout-ms", Some(&ms));
        set_root_attr("data-layout-nodes", Some(&t.nodes.len().to_string()));
    }
    layout
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_steps() {
        assert_eq!(key_action("ArrowRight"), Some(Action::Next));
        assert_eq!(key_action("PageUp"), Some(Action::Prev));
        assert_eq!(key_action("Home"), Some(Action::First));
        assert_eq!(key_action("End"), Some(Action::Last));
        assert_eq!(key_action(" "), Some(Action::TogglePlay));
        assert_eq!(key_action("a"), None);
    }
}
