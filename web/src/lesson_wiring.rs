//! The glue between the app and the lessons (issue #8): the language and lesson state
//! the app keeps, the start-up view a lesson deep link asks for, the actions that load a
//! lesson's scene, and the lesson panel with its widgets (predict, bug hunt, order meter).

use adjoint_engine::teach::Bug;
use adjoint_engine::Trace;
use yew::prelude::*;

use crate::components::bug_hunt::BugHunt;
use crate::components::lesson_panel::LessonPanel;
use crate::components::order_meter::OrderMeter;
use crate::components::predict::{next_question, Predict};
use crate::i18n::Lang;
use crate::lessons::link::LessonLink;
use crate::lessons::progress::{self, Progress};
use crate::lessons::scene::{Panel, Scene, Widget};
use crate::lessons::LESSONS;
use crate::state::{Action, Method};
use crate::url::UrlState;

/// The lesson part of the link the page was opened with.
pub fn read_link() -> LessonLink {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|q| LessonLink::parse(&q))
        .unwrap_or_default()
}

/// The language to start in: the link's, else the stored one, else the browser's, else English.
pub fn start_lang(link: &LessonLink) -> Lang {
    let navigator = web_sys::window().and_then(|w| w.navigator().language());
    link.lang
        .unwrap_or_else(|| progress::initial_lang(progress::load_lang(), navigator.as_deref()))
}

/// The start-up view: a lesson link without a program opens the lesson's scene (at the
/// link's step, else the scene's own); anything the link itself says wins.
pub fn start_url(url: &UrlState, link: &LessonLink) -> UrlState {
    let Some(lesson) = link.lesson.and_then(|i| LESSONS.get(i)) else {
        return url.clone();
    };
    if url.program.is_some() {
        return url.clone();
    }
    let s = lesson.scene;
    UrlState {
        program: Some(s.program.to_string()),
        values: Some(s.values.to_string()),
        mode: url.mode.or(Some(s.mode)),
        wrt: url.wrt.or(Some(s.wrt)),
        step: url.step.or_else(|| Some(s.opening_step())),
        panel: url.panel.or_else(|| s.panel.map(method)),
        ..url.clone()
    }
}

/// The app's method panel for a scene's panel.
fn method(p: Panel) -> Method {
    match p {
        Panel::Numeric => Method::Numeric,
        Panel::Symbolic => Method::Symbolic,
    }
}

/// The actions that load `scene` (`SetMode` closes any method panel first).
pub fn scene_actions(scene: &Scene) -> Vec<Action> {
    let mut out = vec![
        Action::Load(scene.program.to_string(), scene.values.to_string()),
        Action::SetMode(scene.mode),
        Action::SetWrt(scene.wrt),
        // `Goto` clamps, so a tensor scene's "end" (`usize::MAX`) lands on the last step.
        Action::Goto(scene.opening_step()),
    ];
    if let Some(p) = scene.panel {
        out.push(Action::TogglePanel(method(p)));
    }
    out
}

/// What the lessons area shows and reports.
#[derive(Clone)]
pub struct LessonView {
    /// The interface language.
    pub lang: Lang,
    /// The open lesson's index.
    pub current: usize,
    /// Lessons done.
    pub progress: Progress,
    /// The bug switch that is on.
    pub bug: Option<Bug>,
    /// The program shown.
    pub program: String,
    /// Its values.
    pub values: String,
    /// The scalar trace shown, if any.
    pub trace: Option<std::rc::Rc<Trace>>,
    /// Steps applied.
    pub step: usize,
    /// Forward mode's variable.
    pub wrt: usize,
}

/// The callbacks of the lessons area.
pub struct LessonCallbacks {
    /// A lesson was picked.
    pub on_select: Callback<usize>,
    /// A scene should be loaded.
    pub on_show: Callback<Scene>,
    /// A lesson was marked done.
    pub on_done: Callback<usize>,
    /// A bug switch changed.
    pub on_bug: Callback<Option<Bug>>,
    /// Apply the next step.
    pub on_next: Callback<()>,
}

/// The lesson panel with the open lesson's widgets.
pub fn lesson_area(v: &LessonView, cb: &LessonCallbacks) -> Html {
    let lang = v.lang;
    let lesson = &LESSONS[v.current.min(LESSONS.len() - 1)];
    let widgets = lesson.scene.widgets;
    let program = AttrValue::from(v.program.clone());
    let values = AttrValue::from(v.values.clone());
    let question = v
        .trace
        .as_ref()
        .filter(|_| widgets.contains(&Widget::Predict))
        .and_then(|t| next_question(&v.program, &v.values, t, v.step))
        .map(std::rc::Rc::new);
    html! {
        <LessonPanel {lang} current={v.current} progress={v.progress.clone()}
            on_select={cb.on_select.clone()} on_show={cb.on_show.clone()} on_done={cb.on_done.clone()}>
            { for widgets.iter().map(|w| match w {
                Widget::Predict => html! {
                    <Predict {lang} question={question.clone()} on_reveal={cb.on_next.clone()} />
                },
                Widget::BugHunt => html! {
                    <BugHunt {lang} program={program.clone()} values={values.clone()} bug={v.bug} on_bug={cb.on_bug.clone()} />
                },
                Widget::OrderMeter => html! {
                    <OrderMeter {lang} program={program.clone()} values={values.clone()} wrt={v.wrt} max_order={3} />
                },
            }) }
        </LessonPanel>
    }
}
