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
use crate::components::lesson_panel::LangSwitch;
use crate::components::method_host::MethodHost;
use crate::components::mode_tabs::ModeTabs;
use crate::components::narration::Narration;
use crate::components::node_to_grad::NodeToGrad;
use crate::components::pseudocode::Pseudocode;
use crate::components::share_menu::ShareMenu;
use crate::components::side_by_side::SideBySide;
use crate::embed::Part;
use crate::graph_model::build_layout;
use crate::lesson_wiring::{self, LessonCallbacks, LessonView};
use crate::lessons::progress;
use crate::state::{Action, AppState, Method};
use crate::url;
use crate::widget::Widget;

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

/// Steps with the keyboard unless focus is in a text field, a select or (for space) a
/// button; while `hold` (a question waits for an answer), → and End do not step.
fn on_key(e: &KeyboardEvent, dispatch: &yew::UseReducerDispatcher<AppState>, hold: bool) {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
        return;
    }
    let Some(action) = key_action(&e.key()) else {
        return;
    };
    if hold && matches!(action, Action::Next | Action::Last) {
        e.prevent_default();
        return;
    }
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

/// Where the page-wide attributes go: a widget's own root, else `<html>`.
fn root(widget_root: Option<&web_sys::Element>) -> Option<web_sys::Element> {
    match widget_root {
        Some(el) => Some(el.clone()),
        None => web_sys::window()?.document()?.document_element(),
    }
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

/// Sets or removes an attribute on `<html>` (on a widget's root in a widget).
fn set_root_attr(widget_root: Option<&web_sys::Element>, name: &str, value: Option<&str>) {
    let Some(el) = root(widget_root) else { return };
    // Failing to set a presentation attribute only loses the styling, never the content.
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

/// Props of [`App`]: none for the page's own app; a widget's set-up for a widget.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Set when mounted by [`crate::widget::mount_widgets`] into a host page.
    #[prop_or_default]
    pub widget: Option<Widget>,
}

/// The app.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let widget = props.widget.clone();
    let widget_root = widget.as_ref().map(|w| w.root.clone());
    // The link the page was opened with (a widget's data attributes): its embed flags and
    // theme stay for the session. A widget ignores the host page's URL.
    let link = {
        let start = widget.as_ref().map(|w| w.start.clone());
        use_memo((), move |_| start.unwrap_or_else(url::read))
    };
    let lesson_link = {
        let in_widget = widget.is_some();
        use_memo((), move |_| {
            if in_widget {
                Default::default()
            } else {
                lesson_wiring::read_link()
            }
        })
    };
    let state = {
        let link = link.clone();
        let ll = lesson_link.clone();
        use_reducer(move || {
            let mut st = AppState::from_url(&lesson_wiring::start_url(&link, &ll));
            st.side |= lesson_wiring::start_side(&link, &ll);
            st
        })
    };
    let lang = {
        let ll = lesson_link.clone();
        let from_widget = widget.as_ref().and_then(|w| w.lang);
        // Chinese only once its strings are here (src/zh_load.rs fetched them before mounting).
        use_state(move || {
            from_widget
                .unwrap_or_else(|| lesson_wiring::start_lang(&ll))
                .usable()
        })
    };
    let lesson = {
        let l = lesson_link.lesson;
        use_state(move || {
            l.or_else(|| {
                progress::load_last().and_then(|s| crate::lessons::by_slug(s).map(|(i, _)| i))
            })
            .unwrap_or(0)
        })
    };
    let lessons_open = {
        let l = lesson_link.lesson.is_some();
        use_state(move || l)
    };
    let lesson_progress = use_state(progress::load);
    let bug = {
        let b = lesson_link.bug;
        use_state(move || b)
    };
    let ask = {
        let a = lesson_link.ask;
        use_state(move || a)
    };
    // The step whose question has been answered (Next may pass it); `usize::MAX`: none.
    let answered = use_state(|| usize::MAX);
    let dispatcher = state.dispatcher();
    crate::lab::use_lab_loader(&state.lab, dispatcher.clone());
    // The question about the next step, while a predicting lesson is open.
    let predicting = lesson_wiring::shows(
        *lessons_open,
        *lesson,
        crate::lessons::scene::Widget::Predict,
    );
    let question = {
        let (trace, program, values) = (
            state.trace.clone(),
            state.program.clone(),
            state.values.clone(),
        );
        use_memo(
            (state.trace_id, state.step, predicting && !state.tensor),
            move |&(_, step, on)| {
                trace
                    .filter(|_| on)
                    .and_then(|t| lesson_wiring::question(&program, &values, &t, step))
            },
        )
    };
    // Next waits until the question about it is answered or revealed (`ask=1`).
    let held = *ask && question.is_some() && *answered != state.step;
    let hold = use_mut_ref(|| false);
    *hold.borrow_mut() = held;
    // Where a planted bug first diverges, while a bug-hunting lesson is open.
    let bug_run = {
        let on = lesson_wiring::shows(
            *lessons_open,
            *lesson,
            crate::lessons::scene::Widget::BugHunt,
        ) && !state.tensor;
        use_memo(
            (state.program.clone(), state.values.clone(), *bug, on),
            |(p, v, b, on)| lesson_wiring::bug_result(p, v, *b, *on),
        )
    };
    let diverge = lesson_wiring::divergence(*lang, &bug_run);
    let theme = {
        let from_link = link.theme.clone();
        use_state(move || from_link.or_else(stored_theme))
    };
    let sharing = use_state(|| false);
    let (embed, hidden) = (link.embed, link.hidden);
    let presenter = use_state(|| false);
    let method = state.panel;

    // Keyboard stepping, installed while the step-through view is shown: with a numerical
    // or symbolic panel open, the keys would step a trace nobody can see.
    {
        let (dispatcher, hold) = (dispatcher.clone(), hold.clone());
        // A widget listens on its own root: only the widget with focus steps.
        let target: Option<web_sys::EventTarget> = match widget_root.clone() {
            Some(el) => Some(el.into()),
            None => web_sys::window().map(Into::into),
        };
        use_effect_with(method, move |panel| {
            let listener = target.filter(|_| panel.is_none()).map(|w| {
                // Not passive: the keys we handle must not also scroll the page.
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&w, "keydown", options, move |e| {
                    if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                        on_key(e, &dispatcher, *hold.borrow());
                    }
                })
            });
            move || drop(listener)
        });
    }
    // The player: an interval that lives exactly as long as `playing` is true.
    {
        let (dispatcher, hold) = (dispatcher.clone(), hold.clone());
        use_effect_with((state.playing, state.delay_ms), move |&(playing, delay)| {
            // A held step waits for its answer; the player goes on after it.
            let interval = playing.then(|| {
                Interval::new(delay, move || {
                    if !*hold.borrow() {
                        dispatcher.dispatch(Action::Tick);
                    }
                })
            });
            move || drop(interval)
        });
    }
    // The view in the URL (the permalink format of `url`).
    let texts = url::use_texts(&state.program, &state.values);
    let view = url::UrlState {
        mode: Some(state.mode),
        step: Some(state.step),
        wrt: Some(state.wrt),
        panel: state.panel,
        side: state.side,
        theme: (*theme).clone(),
        embed,
        hidden,
        ..url::UrlState::default()
    };
    let query = url::format_with_texts(&view, &texts);
    let lesson_query = crate::lessons::link::LessonLink {
        lesson: lessons_open.then_some(*lesson),
        step: None,
        lang: (*lessons_open || *lang != crate::i18n::Lang::En).then_some(*lang),
        bug: *bug,
        ask: *ask,
    }
    .to_query();
    let query = if lesson_query.is_empty() {
        query
    } else if query.contains('?') {
        format!("{query}&{lesson_query}")
    } else {
        format!("?{lesson_query}")
    };
    let wr = widget_root.clone();
    use_effect_with(*lang, move |l| {
        set_root_attr(wr.as_ref(), "lang", Some(l.tag()))
    });
    let in_widget = widget.is_some();
    use_effect_with(query.clone(), move |query| {
        // Debounced: `history.replaceState` forces a style and layout pass (41–50 ms a
        // step on 300–800-node graphs), so the URL is written once stepping pauses. A
        // widget never writes: the host's URL belongs to the host.
        let query = query.clone();
        let pending =
            (!in_widget).then(|| Timeout::new(URL_WRITE_DELAY_MS, move || url::write(&query)));
        move || drop(pending)
    });
    let wr = widget_root.clone();
    use_effect_with((*theme).clone(), move |t| {
        set_root_attr(wr.as_ref(), "data-theme", t.as_deref())
    });
    let wr = widget_root.clone();
    use_effect_with(*presenter, move |p| {
        set_root_attr(wr.as_ref(), "data-presenter", p.then_some(""))
    });

    let layout = {
        let trace = state.trace.clone();
        let wr = widget_root.clone();
        use_memo(state.trace_id, move |_| {
            trace.map(|t| Rc::new(timed_layout(&t, wr.as_ref())))
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
    let toggle_sharing = {
        let sharing = sharing.clone();
        Callback::from(move |_: MouseEvent| sharing.set(!*sharing))
    };
    let close_sharing = {
        let sharing = sharing.clone();
        Callback::from(move |()| sharing.set(false))
    };
    let (on_lang, lang_load) = crate::zh_load::use_lang_switch(lang.clone());
    let on_show = {
        let d = dispatcher.clone();
        Callback::from(move |s: crate::lessons::scene::Scene| {
            for a in lesson_wiring::scene_actions(&s) {
                d.dispatch(a);
            }
        })
    };
    let lesson_callbacks = LessonCallbacks {
        on_select: {
            let (lesson, open, show) = (lesson.clone(), lessons_open.clone(), on_show.clone());
            Callback::from(move |i: usize| {
                if let Some(l) = crate::lessons::LESSONS.get(i) {
                    progress::save_last(l.slug);
                    lesson.set(i);
                    open.set(true);
                    show.emit(l.scene);
                }
            })
        },
        on_show: on_show.clone(),
        on_done: {
            let p = lesson_progress.clone();
            Callback::from(move |i: usize| {
                if let Some(l) = crate::lessons::LESSONS.get(i) {
                    let mut next = (*p).clone();
                    next.mark(l.slug);
                    progress::save(&next);
                    p.set(next);
                }
            })
        },
        on_bug: {
            let bug = bug.clone();
            Callback::from(move |b| bug.set(b))
        },
        on_next: dispatch.reform(|()| Action::Next),
        on_answer: {
            let (answered, step) = (answered.clone(), state.step);
            Callback::from(move |_right: bool| answered.set(step))
        },
        on_ask: {
            let ask = ask.clone();
            Callback::from(move |on: bool| ask.set(on))
        },
    };
    let on_side = dispatch.reform(Action::SetSide);
    let reveal = {
        let d = dispatcher.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Next))
    };
    let toggle_lessons = {
        let (open, lesson, show) = (lessons_open.clone(), *lesson, on_show.clone());
        Callback::from(move |_: MouseEvent| {
            if !*open {
                if let Some(l) = crate::lessons::LESSONS.get(lesson) {
                    show.emit(l.scene);
                }
            }
            open.set(!*open);
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
        lang.t(crate::i18n::Key::ThemeLight)
    } else {
        lang.t(crate::i18n::Key::ThemeDark)
    };
    let show_editor = !hidden.hides(Part::Editor);
    let app_class = classes!(
        "app",
        embed.then_some("is-embed"),
        widget.is_some().then_some("is-widget"),
        (!show_editor).then_some("hide-editor"),
        (hidden.hides(Part::Tables) && hidden.hides(Part::Pseudocode) && state.inspect.is_none())
            .then_some("hide-panels"),
    );
    html! {
        <div class={app_class}>
            if embed {
                <a id="open-full" class="open-full hint" href={format!("{}{}", widget.as_ref().map_or("./", |w| w.base.as_str()), url::format_with_texts(&url::UrlState { embed: false, hidden: Default::default(), ..view.clone() }, &texts))}
                    target="_blank" rel="noopener">{ lang.t(crate::i18n::Key::EmbedOpenFull) }</a>
                // An embed has no language switch, but a Chinese one whose strings could not
                // be fetched still says why it speaks English (in both languages).
                { crate::zh_load::status_view(&lang_load) }
            } else {
            <header class="app-header">
                <div class="brand">{ lang.t(crate::i18n::Key::AppBrand) }<small>{ lang.t(crate::i18n::Key::AppTagline) }</small></div>
                <div class="header-actions">
                    <LangSwitch lang={*lang} {on_lang} busy={lang_load == crate::zh_load::LangLoad::Loading} />
                    { crate::zh_load::status_view(&lang_load) }
                    <button id="lessons-toggle" class="icon-button" aria-pressed={lessons_open.to_string()}
                        onclick={toggle_lessons}>{ lang.t(crate::i18n::Key::LessonsTitle) }</button>
                    <button id="theme" class="icon-button" title={lang.t(crate::i18n::Key::ThemeTitle)} onclick={toggle_theme}>{ dark_label }</button>
                    <button id="presenter" class="icon-button" title={lang.t(crate::i18n::Key::PresenterTitle)}
                        aria-pressed={presenter.to_string()} onclick={toggle_presenter}>{ lang.t(crate::i18n::Key::PresenterLabel) }</button>
                    <button id="share" class="icon-button" title={lang.t(crate::i18n::Key::ShareButtonTitle)}
                        aria-pressed={sharing.to_string()} aria-controls="share-title" onclick={toggle_sharing}>{ lang.t(crate::i18n::Key::ShareButton) }</button>
                </div>
            </header>
            }
            if show_editor {
            <aside class="sidebar">
                if *lessons_open {
                    { lesson_wiring::lesson_area(&LessonView {
                        lang: *lang, current: *lesson, progress: (*lesson_progress).clone(), bug: *bug,
                        bug_run: Shared(bug_run.clone()),
                        question: (*question).clone(), ask: *ask,
                    }, &lesson_callbacks) }
                }
                <Editor program={AttrValue::from(state.program.clone())} values={AttrValue::from(state.values.clone())}
                    error={state.error.clone()} {on_program} {on_values} {on_example} tensor={state.tensor} lang={*lang}
                    lab={state.lab.clone()} />
                <div class={classes!("mode-tabs-wrap", method.is_some().then_some("is-elsewhere"))}>
                    <ModeTabs mode={state.mode} wrt={state.wrt} {variables} {on_mode} {on_wrt} extended_only={state.tensor} lang={*lang}
                        side={state.side} {on_side} />
                </div>
                if !state.tensor && !embed {
                    { method_tabs(*lang, method, on_method) }
                }
            </aside>
            }
            if let Some(m) = method {
                <main class="stage stage--methods">
                    <MethodHost method={m} program={AttrValue::from(state.program.clone())} values={AttrValue::from(state.values.clone())} lang={*lang} />
                </main>
            } else {
            <main class="stage">
                if let Some(problem) = link.problem.clone() {
                    <div class="parse-error" data-testid="link-problem" role="alert">{ problem }</div>
                }
                if !hidden.hides(Part::Controls) {
                <Controls step={state.step} total={state.total()} playing={state.playing}
                    delay_ms={state.delay_ms} dispatch={dispatch.clone()} lang={*lang} hold={held} />
                }
                if held {
                    <p class="ask-hold" data-testid="ask-hold" role="status">
                        { lang.t(crate::i18n::Key::AskHold) }{ " " }
                        <button type="button" id="ask-reveal" class="button" onclick={reveal}>{ lang.t(crate::i18n::Key::PredictReveal) }</button>
                    </p>
                }
                {
                    match (trace.clone(), frame.clone(), layout) {
                        (Some(t), Some(f), Some(_)) if state.side => html! {
                            <>
                                <Narration trace={Shared(t)} current={f.current} lang={*lang} />
                                <SideBySide program={AttrValue::from(state.program.clone())} values={AttrValue::from(state.values.clone())}
                                    step={state.step} lang={*lang} />
                            </>
                        },
                        (Some(t), Some(f), Some(l)) => {
                            let diverging = diverge.as_ref().and_then(|d| {
                                t.nodes.iter().find(|n| n.label == d.label).map(|n| n.id)
                            });
                            html! {
                            <>
                                <Narration trace={Shared(t.clone())} current={f.current} lang={*lang} />
                                <GraphView trace={Shared(t)} layout={Shared(l)} trace_id={state.trace_id} frame={Shared(f)} on_inspect={Some(on_inspect)}
                                    lang={*lang} {diverging} />
                                { legend(*lang, state.mode, diverge.as_ref().map(|d| d.legend.as_str())) }
                            </>
                            }
                        },
                        _ => html! {
                            <div class="panel graph-panel">
                                <p class="hint">{ lang.t(crate::i18n::Key::NoGraphYet) }</p>
                            </div>
                        },
                    }
                }
            </main>
            <aside class="panels">
                if let (Some(t), Some(f)) = (trace, frame) {
                    if *sharing && !embed {
                        <ShareMenu trace={Shared(t.clone())} step={state.step} program={AttrValue::from(state.trace_source.0.clone())}
                            values={AttrValue::from(state.trace_source.1.clone())} query={AttrValue::from(query.clone())}
                            tensor={state.tensor} on_close={close_sharing} lang={*lang} />
                    }
                    if let Some(node) = state.inspect {
                        <Inspector trace={Shared(t.clone())} frame={Shared(f.clone())} {node} on_close={on_close_inspector} lang={*lang} />
                    }
                    if !hidden.hides(Part::Tables) {
                        <AdjointTable trace={Shared(t.clone())} rows={table_rows(&t, &f)} current={f.current} lang={*lang}
                            diverging={diverge.as_ref().map(|d| AttrValue::from(d.label.clone()))} />
                        if t.mode != Mode::Forward {
                            <NodeToGrad trace={Shared(t.clone())} lists={f.node_to_grad.clone()} current={f.current} lang={*lang} />
                        }
                    }
                    if !hidden.hides(Part::Pseudocode) {
                        <Pseudocode lines={t.pseudocode.clone()} current={f.line} lang={*lang} />
                    }
                }
            </aside>
            }
        </div>
    }
}

/// The tabs `button[data-panel=numeric|symbolic]` opening the methods AD replaces; a second
/// click (or any mode tab) goes back to the step-through view.
fn method_tabs(lang: crate::i18n::Lang, active: Option<Method>, on_pick: Callback<Method>) -> Html {
    use crate::i18n::Key;
    html! {
        <div class="panel">
            <h2 id="method-title">{ lang.t(Key::CompareWithAd) }</h2>
            <div class="mode-tabs" role="group" aria-labelledby="method-title">
                { for Method::ALL.into_iter().map(|m| {
                    let on = active == Some(m);
                    let cb = on_pick.clone();
                    let (text, tip) = match m {
                        Method::Numeric => (lang.t(Key::MethodNumeric), lang.t(Key::MethodNumericTip)),
                        Method::Symbolic => (lang.t(Key::MethodSymbolic), lang.t(Key::MethodSymbolicTip)),
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

/// The colour key under the graph, with where a planted bug diverges when one is on.
fn legend(lang: crate::i18n::Lang, mode: Mode, diverging: Option<&str>) -> Html {
    use crate::i18n::Key;
    let mut items = vec![
        ("input", lang.t(Key::LegendInput)),
        ("forward", lang.t(Key::LegendForward)),
    ];
    if mode == Mode::Extended {
        items.extend([
            ("seed", lang.t(Key::LegendSeed)),
            ("partial", lang.t(Key::LegendPartial)),
            ("adjoint", lang.t(Key::LegendAdjoint)),
            ("aux", lang.t(Key::LegendAux)),
            ("pending", lang.t(Key::LegendPending)),
        ]);
    }
    items.push(("current", lang.t(Key::LegendCurrent)));
    html! {
        <div class="legend hide-when-presenting" aria-label={lang.t(Key::LegendLabel)}>
            { for items.into_iter().map(|(kind, text)| html! {
                <span class="legend-item"><span class={format!("swatch swatch--{kind}")}></span>{ text }</span>
            }) }
            if let Some(text) = diverging {
                <span class="legend-item" data-testid="legend-diverging"><span class="swatch swatch--diverging"></span>{ text }</span>
            }
            <span class="legend-item hint">{ lang.t(Key::LegendKeys) }</span>
        </div>
    }
}

/// Lays out the trace's graph and leaves the time it took (wasm, in ms) and the node count
/// on `<html>` as `data-layout-ms` / `data-layout-nodes`, for tests/perf/layout_wasm.cjs.
fn timed_layout(
    t: &adjoint_engine::Trace,
    widget_root: Option<&web_sys::Element>,
) -> Result<adjoint_layout::Layout, String> {
    let performance = web_sys::window().and_then(|w| w.performance());
    let started = performance.as_ref().map(|p| p.now());
    let layout = build_layout(t);
    if let (Some(p), Some(started)) = (performance, started) {
        let ms = format!("{:.3}", p.now() - started);
        set_root_attr(widget_root, "data-layout-ms", Some(&ms));
        set_root_attr(
            widget_root,
            "data-layout-nodes",
            Some(&t.nodes.len().to_string()),
        );
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
