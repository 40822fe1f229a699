//! Bug hunt (`[data-testid=bug-hunt]`): three switches that plant the classic mistakes
//! of reverse AD (`button[data-bug=overwrite|order|reuse]`, one at a time), the buggy
//! run next to the right one visit by visit, the first divergence
//! (`[data-testid=bug-divergence]`) and the damage to the gradient. The engine's
//! `teach::bugs` does the runs; this only shows them.

use adjoint_engine::render::number::rounded;
use adjoint_engine::teach::{run_bug, Bug, BugRun};
use adjoint_engine::{compile, syntax::parse_values};
use yew::prelude::*;

use crate::components::graph_parts::Shared;
use crate::i18n::{Key, Lang};

/// A bug run as the app keeps it: `None` while no switch is on, else the run or why it
/// could not run (computed once by the app, which also marks the divergence in the graph).
pub type BugResult = Option<Result<BugRun, String>>;

/// Runs `bug` on `program` at `values`, or the error text.
pub fn bug_run(program: &str, values: &str, bug: Bug) -> Result<BugRun, String> {
    let values = parse_values(values).map_err(|e| e.to_string())?;
    let c = compile(program, &values).map_err(|e| e.to_string())?;
    Ok(run_bug(&c, bug))
}

fn bug_keys(bug: Bug) -> (Key, Key) {
    match bug {
        Bug::OverwriteInsteadOfSum => (Key::BugOverwrite, Key::BugOverwriteHint),
        Bug::WrongOrder => (Key::BugOrder, Key::BugOrderHint),
        Bug::NoReuse => (Key::BugReuse, Key::BugReuseHint),
    }
}

/// The forward nodes the buggy run built again at its `visit`-th visit, comma-separated
/// (the no-reuse bug's divergence is in nodes, not values).
pub fn recomputed_at(r: &BugRun, visit: usize) -> String {
    r.visits
        .get(visit)
        .map(|v| v.recomputed.join(", "))
        .unwrap_or_default()
}

/// The result of one buggy run: divergence, gradient, node counts, visit table.
pub fn run_view(lang: Lang, r: &BugRun) -> Html {
    let divergence = match &r.divergence {
        None => html! {
            <p class="bug-divergence is-none" data-testid="bug-divergence" data-diverges="false" role="status">
                { lang.t(Key::BugNoDivergence) }
            </p>
        },
        Some(d) => {
            let sentence = if d.value_differs {
                lang.f(
                    Key::BugDivergesValue,
                    &[
                        &(d.visit + 1),
                        &d.label,
                        &rounded(d.buggy),
                        &rounded(d.correct),
                    ],
                )
            } else {
                let rebuilt = recomputed_at(r, d.visit);
                lang.f(Key::BugDivergesNodes, &[&(d.visit + 1), &d.label, &rebuilt])
            };
            html! {
                <p class="bug-divergence is-diverging" data-testid="bug-divergence" data-diverges="true"
                    data-node={d.label.clone()} role="status">{ sentence }</p>
            }
        }
    };
    let first = r.divergence.as_ref().map(|d| d.visit);
    html! {
        <div class="bug-result" data-testid="bug-result" data-bug={r.bug.name()}>
            { divergence }
            <ul class="bug-gradient">
                if r.gradient_differs() {
                    { for r.gradient.iter().filter(|g| rounded(g.correct) != rounded(g.buggy) || g.correct != g.buggy).map(|g| html! {
                        <li data-testid="bug-gradient" data-variable={g.name.clone()}>
                            { lang.f(Key::BugGradientRow, &[&g.name, &rounded(g.buggy), &rounded(g.correct), &rounded(g.difference())]) }
                        </li>
                    }) }
                } else {
                    <li data-testid="bug-gradient-ok">{ lang.t(Key::BugGradientOk) }</li>
                }
                if r.buggy_nodes != r.correct_nodes {
                    <li data-testid="bug-nodes">{ lang.f(Key::BugNodeCounts, &[&r.buggy_nodes, &r.correct_nodes]) }</li>
                }
            </ul>
            <table class="bug-table">
                <thead><tr>
                    <th scope="col">{ lang.t(Key::BugColVisit) }</th>
                    <th scope="col">{ lang.t(Key::ColNode) }</th>
                    <th scope="col" class="num">{ lang.t(Key::BugColRight) }</th>
                    <th scope="col" class="num">{ lang.t(Key::BugColBuggy) }</th>
                    <th scope="col" class="num">{ lang.t(Key::BugColCreated) }</th>
                </tr></thead>
                <tbody>
                    { for r.visits.iter().enumerate().map(|(k, v)| html! {
                        <tr data-testid="bug-visit" data-node={v.label.clone()}
                            class={classes!(v.diverges().then_some("is-diverging"), (first == Some(k)).then_some("is-first"))}>
                            <td class="num">{ k + 1 }</td>
                            <td>{ v.label.clone() }</td>
                            <td class="num">{ rounded(v.correct) }</td>
                            <td class="num">{ rounded(v.buggy) }</td>
                            <td class="num">{ format!("{} / {}", v.correct_created, v.buggy_created) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// Props of [`BugHunt`].
#[derive(Properties, PartialEq)]
pub struct BugHuntProps {
    /// The interface language.
    pub lang: Lang,
    /// The run of the switch that is on, on the program shown ([`bug_run`]).
    pub result: Shared<BugResult>,
    /// The switch that is on, if any (the parent owns it, so a URL can hold it).
    pub bug: Option<Bug>,
    /// Called with the switch turned on, or `None` when it is turned off.
    pub on_bug: Callback<Option<Bug>>,
}

/// The bug hunt panel.
#[function_component(BugHunt)]
pub fn bug_hunt(props: &BugHuntProps) -> Html {
    let lang = props.lang;
    let result = &props.result;
    html! {
        <div class="bug-hunt" data-testid="bug-hunt">
            <h3>{ lang.t(Key::BugTitle) }</h3>
            <p class="hint">{ lang.t(Key::BugIntro) }</p>
            <div class="bug-switches" role="group" aria-label={lang.t(Key::BugTitle)}>
                { for Bug::ALL.into_iter().map(|b| {
                    let on = props.bug == Some(b);
                    let (name, hint) = bug_keys(b);
                    let cb = props.on_bug.clone();
                    html! {
                        <button type="button" class={classes!("bug-switch", on.then_some("is-on"))}
                            data-bug={b.name()} aria-pressed={on.to_string()} title={lang.t(hint)}
                            onclick={Callback::from(move |_: MouseEvent| cb.emit((!on).then_some(b)))}>
                            <span class="bug-switch-track" aria-hidden="true"></span>{ lang.t(name) }
                        </button>
                    }
                }) }
            </div>
            {
                match &**result {
                    None => html! { <p class="hint" data-testid="bug-pick">{ lang.t(Key::BugPickOne) }</p> },
                    Some(Err(e)) => html! {
                        <p class="parse-error" role="alert">{ lang.f(Key::BugCannot, &[e]) }</p>
                    },
                    Some(Ok(r)) => html! {
                        <>
                            <p class="hint">{ lang.t(bug_keys(r.bug).1) }</p>
                            { run_view(lang, r) }
                        </>
                    },
                }
            }
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::components::adjoint_table::render_tests::render;

    fn props(
        lang: Lang,
        program: &'static str,
        values: &'static str,
        bug: Option<Bug>,
    ) -> BugHuntProps {
        BugHuntProps {
            lang,
            result: Shared(std::rc::Rc::new(bug.map(|b| bug_run(program, values, b)))),
            bug,
            on_bug: Callback::noop(),
        }
    }

    const P: &str = "ln(x1) + x1*x2 - sin(x2)";
    const V: &str = "x1=2, x2=5";

    #[tokio::test(flavor = "current_thread")]
    async fn overwriting_flags_v2_and_the_gradient() {
        let html = render::<BugHunt>(props(Lang::En, P, V, Some(Bug::OverwriteInsteadOfSum))).await;
        assert!(html.contains(r#"data-diverges="true""#), "{html}");
        assert!(html.contains(r#"data-node="v2""#));
        assert!(html.contains("its adjoint is 2 instead of 1.716"), "{html}");
        assert!(html.contains("∂y/∂x1 = 0.5 instead of 5.5"), "{html}");
        assert!(html.contains(r#"aria-pressed="true""#));
    }

    #[tokio::test(flavor = "current_thread")]
    async fn wrong_order_in_chinese() {
        let html = render::<BugHunt>(props(Lang::Zh, P, V, Some(Bug::WrongOrder))).await;
        assert!(html.contains("在第 4 次访问（v1）处出现分歧"), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn no_reuse_grows_the_graph_but_keeps_the_gradient() {
        let html = render::<BugHunt>(props(
            Lang::En,
            "v2 = exp(x1)\nv3 = v2 + 1\nv4 = v2 * v3",
            "x1=1",
            Some(Bug::NoReuse),
        ))
        .await;
        assert!(html.contains("bug-gradient-ok"), "{html}");
        assert!(html.contains(r#"data-testid="bug-nodes""#), "{html}");
        assert!(html.contains("rebuilds v3, v2"), "{html}");
        let lecture = render::<BugHunt>(props(Lang::En, P, V, Some(Bug::NoReuse))).await;
        assert!(lecture.contains(r#"data-diverges="false""#), "{lecture}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn off_and_broken_programs() {
        let html = render::<BugHunt>(props(Lang::En, P, V, None)).await;
        assert!(
            html.contains("bug-pick") && !html.contains("bug-result"),
            "{html}"
        );
        let html = render::<BugHunt>(props(Lang::En, "ln(", V, Some(Bug::WrongOrder))).await;
        assert!(html.contains("Cannot run the bug hunt"), "{html}");
    }
}
