//! Predict, then reveal (`[data-testid=predict]`): before the next step is shown, the
//! student types the value it will compute; the engine's `teach::predict` judges it and
//! names the rule a wrong answer missed. "Reveal" asks the app to apply the step.

use std::rc::Rc;

use adjoint_engine::render::number::rounded;
use adjoint_engine::render::Term;
use adjoint_engine::teach::{judge_text_for, question, Mistake, Question, Slip, Verdict};
use adjoint_engine::{compile, syntax::parse_values, Trace};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{fill, Key, Lang};

/// The question for the step about to be applied (`step` = steps applied so far), from
/// the program and values the trace was run on; `None` when there is nothing to ask.
pub fn next_question(program: &str, values: &str, trace: &Trace, step: usize) -> Option<Question> {
    let values = parse_values(values).ok()?;
    let c = compile(program, &values).ok()?;
    question(&c, trace, step)
}

/// The interface string explaining `m`.
pub fn mistake_key(m: Mistake) -> Key {
    match m {
        Mistake::OnePath => Key::MistakeOnePath,
        Mistake::ForgotChainFactor => Key::MistakeForgotChain,
        Mistake::SeedIsOne => Key::MistakeSeedIsOne,
        Mistake::WrongLocal(Slip::SinCos) => Key::SlipSinCos,
        Mistake::WrongLocal(Slip::DroppedMinus) => Key::SlipDroppedMinus,
        Mistake::WrongLocal(Slip::OtherFactor) => Key::SlipOtherFactor,
        Mistake::WrongLocal(Slip::Reciprocal) => Key::SlipReciprocal,
        Mistake::WrongLocal(Slip::ExpIsItself) => Key::SlipExpIsItself,
        Mistake::WrongLocal(Slip::PowerRule) => Key::SlipPowerRule,
    }
}

/// The short name of a mistake (`data-rule`, for tests).
pub fn mistake_name(m: Mistake) -> &'static str {
    match m {
        Mistake::OnePath => "one_path",
        Mistake::ForgotChainFactor => "forgot_chain_factor",
        Mistake::SeedIsOne => "seed_is_one",
        Mistake::WrongLocal(Slip::SinCos) => "sin_cos",
        Mistake::WrongLocal(Slip::DroppedMinus) => "dropped_minus",
        Mistake::WrongLocal(Slip::OtherFactor) => "other_factor",
        Mistake::WrongLocal(Slip::Reciprocal) => "reciprocal",
        Mistake::WrongLocal(Slip::ExpIsItself) => "exp_is_itself",
        Mistake::WrongLocal(Slip::PowerRule) => "power_rule",
    }
}

/// `template` with its first `{}` replaced by the quantity drawn in MathML and the
/// others filled with `rest`, in order.
pub fn with_math(template: &str, q: &Question, rest: &[&dyn std::fmt::Display]) -> Html {
    let math = crate::math::chain_lines(&[Term::Sym(q.sym.clone())]);
    match template.split_once("{}") {
        Some((before, after)) => html! {
            <>{ before.to_string() }<span class="formula">{ math }</span>{ fill(after, rest) }</>
        },
        None => html! { { template.to_string() } },
    }
}

/// What the last check said.
#[derive(Clone, Debug, PartialEq)]
pub enum Feedback {
    /// Nothing checked yet.
    None,
    /// The typed text is not a number.
    BadInput,
    /// The engine's verdict.
    Judged(Verdict),
}

/// The feedback paragraph for `f` on question `q`.
pub fn feedback_view(lang: Lang, q: &Question, f: &Feedback) -> Html {
    match f {
        Feedback::None => html! {},
        Feedback::BadInput => html! {
            <p class="predict-feedback is-bad" data-testid="predict-feedback" data-verdict="bad" role="status">
                { lang.t(Key::PredictBadInput) }
            </p>
        },
        Feedback::Judged(v) if v.correct => html! {
            <p class="predict-feedback is-right" data-testid="predict-feedback" data-verdict="right" role="status">
                { with_math(lang.t(Key::PredictRight), q, &[&q.shown]) }
            </p>
        },
        Feedback::Judged(v) => html! {
            <p class="predict-feedback is-wrong" data-testid="predict-feedback" data-verdict="wrong"
                data-rule={v.rule_missed.map(mistake_name)} role="status">
                { with_math(lang.t(Key::PredictWrong), q, &[&rounded(v.expected)]) }{ " " }
                { v.rule_missed.map_or(lang.t(Key::PredictUnknown), |m| lang.t(mistake_key(m))) }
            </p>
        },
    }
}

/// Props of [`Predict`].
#[derive(Properties, PartialEq)]
pub struct PredictProps {
    /// The interface language.
    pub lang: Lang,
    /// The question for the next step (see [`next_question`]); `None`: nothing to ask.
    pub question: Option<Rc<Question>>,
    /// Called when the student asks to see the step (apply the next step).
    pub on_reveal: Callback<()>,
    /// Called with whether a checked answer was right (for progress, analytics-free).
    #[prop_or_default]
    pub on_answer: Callback<bool>,
    /// Does Next wait for an answer (`ask=1`)?
    #[prop_or_default]
    pub ask: bool,
    /// Called with the new state of "Ask me before each step".
    #[prop_or_default]
    pub on_ask: Callback<bool>,
}

/// The "Ask me before each step" switch (`input#predict-ask`).
fn ask_toggle(lang: Lang, ask: bool, on_ask: &Callback<bool>) -> Html {
    let cb = on_ask.clone();
    let onchange = Callback::from(move |e: Event| {
        let el: HtmlInputElement = e.target_unchecked_into();
        cb.emit(el.checked());
    });
    html! {
        <label class="predict-ask hint">
            <input id="predict-ask" type="checkbox" checked={ask} {onchange} />{ " " }{ lang.t(Key::PredictToggle) }
        </label>
    }
}

/// The predict box.
#[function_component(Predict)]
pub fn predict(props: &PredictProps) -> Html {
    let lang = props.lang;
    let typed = use_state(String::new);
    let feedback = use_state(|| Feedback::None);
    let asked_step = props.question.as_ref().map(|q| q.step);
    {
        // A new question clears the box.
        let typed = typed.clone();
        let feedback = feedback.clone();
        use_effect_with(asked_step, move |_| {
            typed.set(String::new());
            feedback.set(Feedback::None);
        });
    }
    let Some(q) = props.question.clone() else {
        return html! {
            <div class="predict" data-testid="predict">
                <h3>{ lang.t(Key::PredictTitle) }</h3>
                <p class="hint" data-testid="predict-nothing">{ lang.t(Key::PredictNothing) }</p>
                { ask_toggle(lang, props.ask, &props.on_ask) }
            </div>
        };
    };
    let on_input = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            typed.set(el.value());
        })
    };
    let on_submit = {
        let typed = typed.clone();
        let feedback = feedback.clone();
        let q = q.clone();
        let on_answer = props.on_answer.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match judge_text_for(&q, &typed) {
                Ok(v) => {
                    on_answer.emit(v.correct);
                    feedback.set(Feedback::Judged(v));
                }
                Err(_) => feedback.set(Feedback::BadInput),
            }
        })
    };
    let on_reveal = {
        let cb = props.on_reveal.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <div class="predict" data-testid="predict" data-step={q.step.to_string()}>
            <h3>{ lang.t(Key::PredictTitle) }</h3>
            <form class="predict-form" onsubmit={on_submit}>
                <label for="predict-input" data-quantity={q.label.clone()}>{ with_math(lang.t(Key::PredictAsk), &q, &[]) }</label>
                <input id="predict-input" class="predict-input" type="text" inputmode="decimal"
                    autocomplete="off" placeholder={lang.t(Key::PredictPlaceholder)}
                    aria-label={lang.t(Key::PredictInputAria)}
                    value={(*typed).clone()} oninput={on_input} />
                <button id="predict-check" class="button primary" type="submit">{ lang.t(Key::PredictCheck) }</button>
                <button id="predict-reveal" class="button" type="button" onclick={on_reveal}>{ lang.t(Key::PredictReveal) }</button>
            </form>
            { feedback_view(lang, &q, &feedback) }
            { ask_toggle(lang, props.ask, &props.on_ask) }
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::components::adjoint_table::render_tests::render;
    use adjoint_engine::teach::judge;
    use adjoint_engine::{Mode, StepKind};

    const P: &str = "ln(x1) + x1*x2 - sin(x2)";
    const V: &str = "x1=2, x2=5";

    fn v2_question() -> Question {
        let t = adjoint_engine::run(P, V, Mode::Reverse, 0).expect("runs");
        let k = t
            .steps
            .iter()
            .position(|s| s.kind == StepKind::Visit && s.node == 1)
            .expect("v2 visited");
        next_question(P, V, &t, k).expect("a question")
    }

    #[tokio::test(flavor = "current_thread")]
    async fn asks_for_v2_bar_in_both_languages() {
        let q = Rc::new(v2_question());
        for (lang, ask) in [(Lang::En, "What is "), (Lang::Zh, "等于多少")] {
            let html = render::<Predict>(PredictProps {
                lang,
                question: Some(q.clone()),
                on_reveal: Callback::noop(),
                on_answer: Callback::noop(),
                ask: false,
                on_ask: Callback::noop(),
            })
            .await;
            assert!(html.contains(ask), "{html}");
            assert!(html.contains(r#"data-quantity="v̄2""#), "{html}");
            assert!(html.contains("<math"), "the quantity is MathML: {html}");
            assert!(html.contains(r#"id="predict-input""#));
        }
        let html = render::<Predict>(PredictProps {
            lang: Lang::En,
            question: None,
            on_reveal: Callback::noop(),
            on_answer: Callback::noop(),
            ask: false,
            on_ask: Callback::noop(),
        })
        .await;
        assert!(html.contains("predict-nothing"), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn feedback_names_the_rule_missed() {
        let q = v2_question();
        let right = html_string(feedback_view(
            Lang::En,
            &q,
            &Feedback::Judged(judge(&q, 1.716)),
        ))
        .await;
        assert!(
            right.contains(r#"data-verdict="right""#) && right.contains("</span> = 1.716."),
            "{right}"
        );
        let wrong = html_string(feedback_view(
            Lang::Zh,
            &q,
            &Feedback::Judged(judge(&q, 2.0)),
        ))
        .await;
        assert!(wrong.contains(r#"data-rule="one_path""#), "{wrong}");
        assert!(wrong.contains("你只算了一条路径"), "{wrong}");
        let odd = html_string(feedback_view(
            Lang::En,
            &q,
            &Feedback::Judged(judge(&q, 9.0)),
        ))
        .await;
        assert!(odd.contains("not one of the usual slips"), "{odd}");
    }

    #[test]
    fn every_mistake_has_a_key_and_a_name() {
        let all = [
            Mistake::OnePath,
            Mistake::ForgotChainFactor,
            Mistake::SeedIsOne,
            Mistake::WrongLocal(Slip::SinCos),
            Mistake::WrongLocal(Slip::DroppedMinus),
            Mistake::WrongLocal(Slip::OtherFactor),
            Mistake::WrongLocal(Slip::Reciprocal),
            Mistake::WrongLocal(Slip::ExpIsItself),
            Mistake::WrongLocal(Slip::PowerRule),
        ];
        let mut names: Vec<&str> = all.iter().map(|m| mistake_name(*m)).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len());
        for m in all {
            assert!(Lang::Zh.t(mistake_key(m)).chars().count() > 5);
        }
    }

    /// Renders a piece of `Html` through a wrapper component.
    async fn html_string(h: Html) -> String {
        #[derive(Properties, PartialEq)]
        struct WrapProps {
            html: Html,
        }
        #[function_component(Wrap)]
        fn wrap(p: &WrapProps) -> Html {
            p.html.clone()
        }
        render::<Wrap>(WrapProps { html: h }).await
    }
}
