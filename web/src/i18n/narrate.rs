//! The narration line of a step in the interface language. English keeps the engine's
//! own sentence (`Step::narration`); other languages are composed here from the step's
//! structured fields (kind, node, input, equation), so the engine stays the one source
//! of the numbers and formulas.

use adjoint_engine::render::number::rounded;
use adjoint_engine::render::text::chain;
use adjoint_engine::{Mode, Step, StepKind, Trace};

use super::{Key, Lang};

/// The narration of step `k` of `trace` in `lang`; empty when there is no such step.
pub fn narrate(lang: Lang, trace: &Trace, k: usize) -> String {
    let Some(s) = trace.steps.get(k) else {
        return String::new();
    };
    if lang == Lang::En {
        return s.narration.clone();
    }
    let label = |id: u32| {
        trace
            .nodes
            .get(id as usize)
            .map_or_else(|| format!("v{}", id + 1), |n| n.label.clone())
    };
    let node = label(s.node);
    let input = s.input.map(label).unwrap_or_default();
    let eq = chain(&s.equation);
    let f = |key: Key, args: &[&dyn std::fmt::Display]| lang.f(key, args);
    match (s.kind, trace.mode) {
        (StepKind::Tangent, _) => tangent(lang, trace, s, &node, &eq),
        (StepKind::Done, Mode::Forward) => {
            let var = trace
                .wrt
                .and_then(|w| trace.variables.get(w as usize))
                .map_or("x", |v| v.name.as_str());
            f(Key::NarrForwardDone, &[&var, &rounded(s.value)])
        }
        (StepKind::Done, _) => {
            let list = trace
                .result
                .gradient
                .iter()
                .map(|v| format!("∂y/∂{} = {}", v.name, rounded(v.value)))
                .collect::<Vec<_>>()
                .join(", ");
            f(Key::NarrDone, &[&list])
        }
        (StepKind::Seed, Mode::Extended) => {
            let lhs = s
                .equation
                .first()
                .map(|t| chain(std::slice::from_ref(t)))
                .unwrap_or_default();
            f(Key::NarrSeedExtended, &[&lhs, &node])
        }
        (StepKind::Seed, _) => f(Key::NarrSeed, &[&eq]),
        (StepKind::Visit, _) if s.node == trace.output && s.created.is_empty() => {
            f(Key::NarrVisitOutput, &[&eq])
        }
        (StepKind::Visit, Mode::Backprop) => {
            f(Key::NarrVisitBackprop, &[&node, &node, &rounded(s.value)])
        }
        (StepKind::Visit, Mode::Extended) if !s.created.is_empty() => {
            f(Key::NarrVisitNewSum, &[&node, &eq])
        }
        (StepKind::Visit, Mode::Extended) => f(Key::NarrVisitNoNode, &[&node, &eq]),
        (StepKind::Visit, _) => {
            let received = received(trace, s);
            if received > 1 {
                f(Key::NarrVisitSum, &[&node, &received, &eq])
            } else {
                f(Key::NarrVisitOne, &[&node, &eq])
            }
        }
        (StepKind::Partial, Mode::Backprop) => f(Key::NarrPartialBackprop, &[&node, &input, &eq]),
        (StepKind::Partial, Mode::Extended) if s.equation.len() <= 2 && s.value == 0.0 => {
            f(Key::NarrPartialNone, &[&node, &input])
        }
        (StepKind::Partial, Mode::Extended) if !s.created.is_empty() => {
            f(Key::NarrPartialNew, &[&eq, &input])
        }
        (StepKind::Partial, Mode::Extended) => f(Key::NarrPartialReuse, &[&eq, &input]),
        (StepKind::Partial, _) => f(Key::NarrPartial, &[&node, &input, &eq]),
    }
}

/// How many partial adjoints the node of visit `s` received: the Partial steps sent to it.
fn received(trace: &Trace, s: &Step) -> usize {
    trace
        .steps
        .iter()
        .filter(|p| p.kind == StepKind::Partial && p.input == Some(s.node))
        .count()
}

fn tangent(lang: Lang, trace: &Trace, s: &Step, node: &str, eq: &str) -> String {
    let view = trace.nodes.get(s.node as usize);
    let is_input = view.is_some_and(|n| n.inputs.is_empty());
    if !is_input {
        return lang.f(Key::NarrTangent, &[&node, &eq]);
    }
    let var = view.map_or("", |n| n.op.as_str());
    let key = if s.value == 1.0 {
        Key::NarrInputWrt
    } else {
        Key::NarrInputOther
    };
    lang.f(key, &[&node, &var])
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "ln(x1) + x1*x2 - sin(x2)";
    const V: &str = "x1=2, x2=5";

    #[test]
    fn english_is_the_engines_sentence() {
        let t = adjoint_engine::run(P, V, Mode::Reverse, 0).expect("runs");
        for k in 0..t.steps.len() {
            assert_eq!(narrate(Lang::En, &t, k), t.steps[k].narration);
        }
        assert_eq!(narrate(Lang::En, &t, 999), "");
    }

    #[test]
    fn chinese_narration_for_every_step_of_every_mode() {
        for mode in Mode::ALL {
            let t = adjoint_engine::run(P, V, mode, 0).expect("runs");
            for k in 0..t.steps.len() {
                let n = narrate(Lang::Zh, &t, k);
                assert!(super::super::has_chinese(&n), "{mode:?} step {k}: {n}");
                assert!(!n.contains("{}"), "{mode:?} step {k}: {n}");
            }
        }
        let t = adjoint_engine::run(P, V, Mode::Reverse, 0).expect("runs");
        let v2 = t
            .steps
            .iter()
            .position(|s| s.kind == StepKind::Visit && s.node == 1)
            .expect("v2 visited");
        let n = narrate(Lang::Zh, &t, v2);
        assert!(n.starts_with("访问 v2：把收到的 2 个偏伴随加起来"), "{n}");
        assert!(n.contains("1.716"), "{n}");
        let done = narrate(Lang::Zh, &t, t.steps.len() - 1);
        assert_eq!(done, "完成：∂y/∂x1 = 5.5, ∂y/∂x2 = 1.716。");
        let f = adjoint_engine::run(P, V, Mode::Forward, 0).expect("runs");
        assert_eq!(
            narrate(Lang::Zh, &f, 0),
            "v1 = x1：它就是我们求导所对的输入。"
        );
        assert_eq!(narrate(Lang::Zh, &f, 1), "v2 = x2：它不随该输入变化。");
    }
}
