//! The lessons panel (`[data-testid=lesson-panel]`): a table of contents with progress
//! marks, the current lesson's text, "Show me" buttons that hand the lesson's scene to
//! the app, previous/next, and "mark as done". Also the language switcher
//! (`[data-testid=lang-switch]`). No state of its own: everything comes in as props and
//! goes out through callbacks.

use yew::prelude::*;

use crate::i18n::{Key, Lang};
use crate::lessons::markup::{segments, Segment};
use crate::lessons::progress::Progress;
use crate::lessons::scene::Scene;
use crate::lessons::LESSONS;

/// Props of [`LessonPanel`].
#[derive(Properties, PartialEq)]
pub struct LessonPanelProps {
    /// The interface language.
    pub lang: Lang,
    /// The index of the open lesson in `LESSONS`.
    pub current: usize,
    /// Which lessons are done.
    pub progress: Progress,
    /// Called with a lesson index (table of contents, previous, next).
    pub on_select: Callback<usize>,
    /// Called with the scene to load ("Show me", "Show the other graph").
    pub on_show: Callback<Scene>,
    /// Called with the index of a lesson marked done.
    pub on_done: Callback<usize>,
    /// The lesson's widgets (predict, bug hunt, order meter), drawn under the text.
    #[prop_or_default]
    pub children: Html,
}

/// A paragraph with its `*emphasis*` and `` `code` `` (malformed markup shows as text).
pub fn paragraph(text: &str) -> Html {
    match segments(text) {
        Ok(parts) => html! {
            <p>{ for parts.into_iter().map(|s| match s {
                Segment::Text(t) => html! { { t.to_string() } },
                Segment::Emphasis(t) => html! { <em>{ t.to_string() }</em> },
                Segment::Code(t) => html! { <code>{ t.to_string() }</code> },
            }) }</p>
        },
        Err(_) => html! { <p>{ text.to_string() }</p> },
    }
}

/// The lessons panel.
#[function_component(LessonPanel)]
pub fn lesson_panel(props: &LessonPanelProps) -> Html {
    let lang = props.lang;
    let index = props.current.min(LESSONS.len() - 1);
    let lesson = &LESSONS[index];
    let text = lesson.text(lang);
    let select = |i: usize| {
        let cb = props.on_select.clone();
        Callback::from(move |_: MouseEvent| cb.emit(i))
    };
    let show = |scene: Scene| {
        let cb = props.on_show.clone();
        Callback::from(move |_: MouseEvent| cb.emit(scene))
    };
    let other = lesson.scene.other.map(|o| Scene {
        program: o.program,
        values: o.values,
        mode: o.mode,
        other: None,
        side: false,
        ..lesson.scene
    });
    let on_done = {
        let cb = props.on_done.clone();
        Callback::from(move |_: MouseEvent| cb.emit(index))
    };
    let done = props.progress.is_done(lesson.slug);
    html! {
        <section class="panel lesson-panel" data-testid="lesson-panel" data-lesson={lesson.slug}
            lang={lang.tag()} aria-labelledby="lesson-title">
            <nav class="lesson-toc" aria-label={lang.t(Key::TocLabel)}>
                <h2>{ lang.t(Key::LessonsTitle) }</h2>
                <ol>
                    { for LESSONS.iter().enumerate().map(|(i, l)| {
                        let is_done = props.progress.is_done(l.slug);
                        html! {
                            <li class={classes!(
                                "lesson-toc-item",
                                (i == index).then_some("is-current"),
                                is_done.then_some("is-done"),
                            )}>
                                <button type="button" class="lesson-toc-link" data-testid="toc-item"
                                    data-lesson={l.slug} data-done={is_done.to_string()}
                                    aria-current={(i == index).then_some("page")}
                                    onclick={select(i)}>
                                    <span class="lesson-section">{ format!("§{}", l.section) }</span>
                                    { " " }{ l.text(lang).title }
                                    if is_done {
                                        <span class="lesson-done-mark" title={lang.t(Key::LessonDone)}
                                            aria-label={lang.t(Key::LessonDone)}>{ " ✓" }</span>
                                    }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
                <p class="hint" data-testid="lesson-progress">
                    { lang.f(Key::ProgressLine, &[&props.progress.count(), &LESSONS.len()]) }
                </p>
            </nav>
            <article class="lesson-body">
                <p class="hint lesson-count">{ lang.f(Key::LessonOf, &[&(index + 1), &LESSONS.len()]) }</p>
                <h2 id="lesson-title" data-testid="lesson-title">
                    <span class="lesson-section">{ format!("§{} ", lesson.section) }</span>{ text.title }
                </h2>
                <div class="lesson-text" data-testid="lesson-text">
                    { for text.paragraphs.iter().map(|p| paragraph(p)) }
                </div>
                if lesson.scene.tensor {
                    <p class="hint lesson-note">{ lang.t(Key::TensorSceneNote) }</p>
                }
                <div class="lesson-actions">
                    <button type="button" id="lesson-show" class="button primary" data-testid="lesson-show"
                        onclick={show(lesson.scene)}>{ lang.t(Key::ShowMe) }</button>
                    if let Some(o) = other {
                        <button type="button" id="lesson-show-other" class="button" data-testid="lesson-show-other"
                            onclick={show(o)}>{ lang.t(Key::ShowOther) }</button>
                    }
                </div>
                <div class="lesson-widgets">{ props.children.clone() }</div>
                <div class="lesson-nav">
                    <button type="button" id="lesson-prev" class="button" disabled={index == 0}
                        onclick={select(index.saturating_sub(1))}>{ lang.t(Key::PrevLesson) }</button>
                    <button type="button" id="lesson-done" class={classes!("button", done.then_some("is-done"))}
                        aria-pressed={done.to_string()} onclick={on_done}>
                        { if done { lang.t(Key::LessonDone) } else { lang.t(Key::MarkDone) } }
                    </button>
                    <button type="button" id="lesson-next" class="button" disabled={index + 1 >= LESSONS.len()}
                        onclick={select((index + 1).min(LESSONS.len() - 1))}>{ lang.t(Key::NextLesson) }</button>
                </div>
            </article>
        </section>
    }
}

/// Props of [`LangSwitch`].
#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    /// The language in use.
    pub lang: Lang,
    /// Called with the language picked.
    pub on_lang: Callback<Lang>,
    /// A language's strings are being fetched (`aria-busy` on the group).
    #[prop_or_default]
    pub busy: bool,
}

/// Two buttons, `English` and `中文` (`button[data-lang=en|zh]`, the active one
/// `aria-pressed="true"`).
#[function_component(LangSwitch)]
pub fn lang_switch(props: &LangSwitchProps) -> Html {
    html! {
        <div class="lang-switch" role="group" data-testid="lang-switch"
            aria-label={props.lang.t(Key::LanguageLabel)} aria-busy={props.busy.then_some("true")}>
            { for Lang::ALL.into_iter().map(|l| {
                let cb = props.on_lang.clone();
                let name = match l {
                    Lang::En => props.lang.t(Key::LangEn),
                    Lang::Zh => props.lang.t(Key::LangZh),
                };
                html! {
                    <button type="button" class={classes!("lang-button", (l == props.lang).then_some("is-active"))}
                        data-lang={l.code()} lang={l.tag()} aria-label={name} aria-pressed={(l == props.lang).to_string()}
                        onclick={Callback::from(move |_: MouseEvent| cb.emit(l))}>{ name }</button>
                }
            }) }
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::components::adjoint_table::render_tests::render;

    fn props(lang: Lang, current: usize, progress: Progress) -> LessonPanelProps {
        LessonPanelProps {
            lang,
            current,
            progress,
            on_select: Callback::noop(),
            on_show: Callback::noop(),
            on_done: Callback::noop(),
            children: Html::default(),
        }
    }

    #[tokio::test(flavor = "current_thread")]
    async fn every_lesson_renders_in_both_languages() {
        for lang in Lang::ALL {
            for (i, l) in LESSONS.iter().enumerate() {
                let html = render::<LessonPanel>(props(lang, i, Progress::default())).await;
                assert!(
                    html.contains(&format!(r#"data-lesson="{}""#, l.slug)),
                    "{html}"
                );
                assert!(html.contains(l.text(lang).title), "{}", l.slug);
                assert_eq!(html.matches(r#"data-testid="toc-item""#).count(), 12);
                assert_eq!(
                    html.matches("<p>").count(),
                    l.text(lang).paragraphs.len(),
                    "{}",
                    l.slug
                );
                assert!(html.contains(lang.t(Key::ShowMe)));
                assert_eq!(html.contains("lesson-show-other"), l.scene.other.is_some());
            }
        }
    }

    #[tokio::test(flavor = "current_thread")]
    async fn first_and_last_disable_the_ends_and_marks_show_progress() {
        let mut p = Progress::default();
        p.mark("why-gradients");
        let html = render::<LessonPanel>(props(Lang::Zh, 0, p.clone())).await;
        let prev = &html[html.find(r#"id="lesson-prev""#).expect("prev")..];
        assert!(prev[..prev.find('>').expect("tag")].contains("disabled"));
        assert!(html.contains("已完成 1 / 12 课"), "{html}");
        assert!(html.contains(r#"data-done="true""#));
        assert!(html.contains("<em>"), "markup becomes <em>: {html}");
        let html = render::<LessonPanel>(props(Lang::En, 11, p)).await;
        let next = &html[html.find(r#"id="lesson-next""#).expect("next")..];
        assert!(next[..next.find('>').expect("tag")].contains("disabled"));
        assert!(html.contains("§2.7"));
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_switch_marks_the_language_in_use() {
        let html = render::<LangSwitch>(LangSwitchProps {
            lang: Lang::Zh,
            on_lang: Callback::noop(),
            busy: false,
        })
        .await;
        assert!(html.contains("English") && html.contains("中文"));
        assert!(!html.contains("aria-busy"), "{html}");
        let zh = &html[html.find(r#"data-lang="zh""#).expect("zh")..];
        assert!(
            zh[..zh.find('>').expect("tag")].contains(r#"aria-pressed="true""#),
            "{html}"
        );
        let busy = render::<LangSwitch>(LangSwitchProps {
            lang: Lang::En,
            on_lang: Callback::noop(),
            busy: true,
        })
        .await;
        assert!(busy.contains(r#"aria-busy="true""#), "{busy}");
    }
}
