//! The glue between the app and the lessons (issue #8): the language and lesson state
//! the app keeps, the start-up view a lesson deep link asks for, the actions that load a
//! lesson's scene, the lesson panel with its widgets (predict, bug hunt), the question
//! that holds Next (`ask=1`) and where a planted bug first diverges.

use std::rc::Rc;

use adjoint_engine::render::number::rounded;
use adjoint_engine::teach::{Bug, Question};
use adjoint_engine::Trace;
use yew::prelude::*;

use crate::components::bug_hunt::{bug_run, BugHunt, BugResult};
use crate::components::graph_parts::Shared;
use crate::components::lesson_panel::LessonPanel;
use crate::components::predict::{next_question, Predict};
use crate::i18n::{Key, Lang};
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
        Action::SetSide(scene.side),
    ];
    if let Some(p) = scene.panel {
        out.push(Action::TogglePanel(method(p)));
    }
    out
}

/// Whether the start-up view is the side-by-side view: a lesson link to a scene that
/// has it, without a program of its own.
pub fn start_side(url: &UrlState, link: &LessonLink) -> bool {
    url.program.is_none()
        && link
            .lesson
            .and_then(|i| LESSONS.get(i))
            .is_some_and(|l| l.scene.side)
}

/// Whether lesson `current` (open or not) shows `widget`.
pub fn shows(open: bool, current: usize, widget: Widget) -> bool {
    open && LESSONS
        .get(current)
        .is_some_and(|l| l.scene.widgets.contains(&widget))
}

/// The question about the step after `step` of `trace` (run on `program` and `values`).
pub fn question(program: &str, values: &str, trace: &Trace, step: usize) -> Option<Rc<Question>> {
    next_question(program, values, trace, step).map(Rc::new)
}

/// Where a planted bug first diverges: the node's label and the legend's sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Divergence {
    /// The label of the node (`v2`).
    pub label: String,
    /// `diverges here: v2 (buggy 2 vs right 1.716)`, in the interface language.
    pub legend: String,
}

/// Runs `bug` on the program while `on` (a bug-hunting lesson is open).
pub fn bug_result(program: &str, values: &str, bug: Option<Bug>, on: bool) -> BugResult {
    bug.filter(|_| on).map(|b| bug_run(program, values, b))
}

/// The first node where a bug run parts from the right run, if it does.
pub fn divergence(lang: Lang, result: &BugResult) -> Option<Divergence> {
    let r = result.as_ref()?.as_ref().ok()?;
    let d = r.divergence.as_ref()?;
    let legend = if d.value_differs {
        lang.f(
            Key::LegendDiverges,
            &[&d.label, &rounded(d.buggy), &rounded(d.correct)],
        )
    } else {
        let rebuilt = crate::components::bug_hunt::recomputed_at(r, d.visit);
        lang.f(Key::LegendDivergesNodes, &[&d.label, &rebuilt])
    };
    Some(Divergence {
        label: d.label.clone(),
        legend,
    })
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
    /// The bug run of the switch that is on ([`bug_result`]).
    pub bug_run: Shared<BugResult>,
    /// The question about the next step, when the lesson predicts.
    pub question: Option<Rc<Question>>,
    /// Does Next wait for an answer?
    pub ask: bool,
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
    /// A prediction was checked (right or not).
    pub on_answer: Callback<bool>,
    /// "Ask me before each step" changed.
    pub on_ask: Callback<bool>,
}

/// The lesson panel with the open lesson's widgets.
pub fn lesson_area(v: &LessonView, cb: &LessonCallbacks) -> Html {
    let lang = v.lang;
    let lesson = &LESSONS[v.current.min(LESSONS.len() - 1)];
    let widgets = lesson.scene.widgets;
    html! {
        <LessonPanel {lang} current={v.current} progress={v.progress.clone()}
            on_select={cb.on_select.clone()} on_show={cb.on_show.clone()} on_done={cb.on_done.clone()}>
            { for widgets.iter().map(|w| match w {
                Widget::Predict => html! {
                    <Predict {lang} question={v.question.clone()} on_reveal={cb.on_next.clone()}
                        on_answer={cb.on_answer.clone()} ask={v.ask} on_ask={cb.on_ask.clone()} />
                },
                Widget::BugHunt => html! {
                    <BugHunt {lang} result={v.bug_run.clone()} bug={v.bug} on_bug={cb.on_bug.clone()} />
                },
            }) }
        </LessonPanel>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::{by_slug, EXTENDED_PROGRAM, LECTURE_PROGRAM, LECTURE_VALUES};

    #[test]
    fn each_bug_diverges_at_its_node_in_both_languages() {
        let at = |lang, program, values, bug| {
            divergence(lang, &bug_result(program, values, Some(bug), true))
                .expect("the bug diverges")
        };
        let d = at(
            Lang::En,
            LECTURE_PROGRAM,
            LECTURE_VALUES,
            Bug::OverwriteInsteadOfSum,
        );
        // v̄2 = v̄5·cos v2 + v̄4·v1 = 1.716; keeping only the last partial gives v̄4·v1 = 2.
        assert_eq!(d.label, "v2");
        assert_eq!(d.legend, "diverges here: v2 (buggy 2 vs right 1.716)");
        let d = at(Lang::Zh, LECTURE_PROGRAM, LECTURE_VALUES, Bug::WrongOrder);
        assert_eq!(d.label, "v1");
        assert!(d.legend.contains("v1") && crate::i18n::has_chinese(&d.legend));
        let d = at(Lang::En, EXTENDED_PROGRAM, "x1=1", Bug::NoReuse);
        assert_eq!(d.label, "v4");
        assert_eq!(d.legend, "diverges here: v4 (rebuilds v3, v2)");
        let none =
            |program, bug, on| divergence(Lang::En, &bug_result(program, LECTURE_VALUES, bug, on));
        assert_eq!(
            none(LECTURE_PROGRAM, Some(Bug::NoReuse), true),
            None,
            "the lecture example reuses nothing that no-reuse would rebuild"
        );
        assert_eq!(none("ln(", Some(Bug::WrongOrder), true), None);
        assert_eq!(
            none(LECTURE_PROGRAM, Some(Bug::WrongOrder), false),
            None,
            "off"
        );
        assert_eq!(none(LECTURE_PROGRAM, None, true), None);
    }

    #[test]
    fn the_backprop_lesson_opens_side_by_side() {
        let (i, lesson) = by_slug("backprop-vs-reverse-ad").expect("listed");
        let link = LessonLink {
            lesson: Some(i),
            ..LessonLink::default()
        };
        assert!(start_side(&UrlState::default(), &link));
        let own = UrlState {
            program: Some("x*x".into()),
            ..UrlState::default()
        };
        assert!(!start_side(&own, &link), "a link's own program wins");
        assert!(scene_actions(&lesson.scene).contains(&Action::SetSide(true)));
        let (j, other) = by_slug("reverse-mode").expect("listed");
        assert!(scene_actions(&other.scene).contains(&Action::SetSide(false)));
        let link = LessonLink {
            lesson: Some(j),
            ..LessonLink::default()
        };
        assert!(!start_side(&UrlState::default(), &link));
        assert!(shows(true, j, Widget::Predict) && !shows(false, j, Widget::Predict));
        assert!(!shows(true, i, Widget::BugHunt));
    }
}
