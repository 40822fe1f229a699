//! The teaching helpers on the lecture's examples: predict-then-reveal questions with
//! their diagnosed mistakes, the three planted bugs and where each diverges, and node
//! counts per derivative order.

use adjoint_engine::modes::extended::extend;
use adjoint_engine::modes::higher::nth_derivatives;
use adjoint_engine::teach::planted::{extend_planted, Plant};
use adjoint_engine::teach::predict::judge_text_for;
use adjoint_engine::teach::{
    judge, order_counts, question, run_bug, Asked, Bug, Mistake, Question, Slip,
};
use adjoint_engine::{compile, run, Compiled, Mode, StepKind, Trace};

const LECTURE: &str = "ln(x1) + x1*x2 - sin(x2)";
const AT: &str = "x1=2, x2=5";
const EXTENDED: &str = "v2 = exp(x1)\nv3 = v2 + 1\nv4 = v2 * v3";

fn lecture(mode: Mode) -> (Compiled, Trace) {
    let values = adjoint_engine::syntax::parse_values(AT).expect("values parse");
    let c = compile(LECTURE, &values).expect("compiles");
    let t = run(LECTURE, AT, mode, 0).expect("runs");
    (c, t)
}

/// The question of the step that visits `label` (Visit) or sends `from → to` (Partial).
fn visit_question(c: &Compiled, t: &Trace, node: u32) -> Question {
    let i = t
        .steps
        .iter()
        .position(|s| s.kind == StepKind::Visit && s.node == node)
        .expect("the node is visited");
    question(c, t, i).expect("a visit has a question")
}

fn partial_question(c: &Compiled, t: &Trace, from: u32, to: u32) -> Question {
    let i = t
        .steps
        .iter()
        .position(|s| s.kind == StepKind::Partial && s.node == to && s.input == Some(from))
        .expect("the partial is sent");
    question(c, t, i).expect("a partial has a question")
}

#[test]
fn v2_bar_is_1_716_and_one_path_is_diagnosed() {
    let (c, t) = lecture(Mode::Reverse);
    // v2 is node 1; v̄2 = v̄_{2→5} + v̄_{2→4} = −0.284 + 2 = 1.716
    let q = visit_question(&c, &t, 1);
    assert_eq!(q.asked, Asked::Adjoint { node: 1 });
    assert_eq!(q.label, "v̄2");
    assert_eq!(q.shown, "1.716");
    assert!(judge(&q, 1.716).correct);
    assert!(judge(&q, 1.7164).correct);
    let only_v4 = judge(&q, 2.0);
    assert!(!only_v4.correct);
    assert_eq!(only_v4.rule_missed, Some(Mistake::OnePath));
    let only_v5 = judge(&q, -0.284);
    assert_eq!(only_v5.rule_missed, Some(Mistake::OnePath));
    let unknown = judge(&q, 42.0);
    assert!(!unknown.correct);
    assert_eq!(unknown.rule_missed, None);
    assert!(judge_text_for(&q, "1.72").expect("a number").correct);
    assert!(!judge_text_for(&q, "1.7").expect("a number").correct);
}

#[test]
fn partial_adjoints_diagnose_the_local_rule_missed() {
    for mode in [Mode::Reverse, Mode::Extended, Mode::Backprop] {
        let (c, t) = lecture(mode);
        // v̄_{2→5} = v̄5 · cos v2 = −1 × 0.284 = −0.284 (v5 = sin v2 is node 4)
        let q = partial_question(&c, &t, 1, 4);
        assert_eq!(q.label, "v̄_{2→5}", "{mode:?}");
        assert!(judge(&q, -0.284).correct);
        // sin instead of cos: −1 × sin 5 = 0.959
        assert_eq!(
            judge(&q, 0.959).rule_missed,
            Some(Mistake::WrongLocal(Slip::SinCos))
        );
        // cos v2 alone, without v̄5 = −1
        assert_eq!(
            judge(&q, 0.284).rule_missed,
            Some(Mistake::ForgotChainFactor)
        );
        // v̄_{5→7} = v̄7 · (−1) = −1; dropping the minus gives 1
        let q = partial_question(&c, &t, 4, 6);
        assert!(judge(&q, -1.0).correct);
        assert_eq!(
            judge(&q, 1.0).rule_missed,
            Some(Mistake::WrongLocal(Slip::DroppedMinus))
        );
        // v̄_{1→4} = v̄4 · v2 = 5; the own factor v1 = 2 is the product-rule slip
        let q = partial_question(&c, &t, 0, 3);
        assert!(judge(&q, 5.0).correct);
        assert_eq!(
            judge(&q, 2.0).rule_missed,
            Some(Mistake::WrongLocal(Slip::OtherFactor))
        );
        // v̄_{1→3} = v̄3 / v1 = 0.5; v1 itself (2) misses the reciprocal
        let q = partial_question(&c, &t, 0, 2);
        assert!(judge(&q, 0.5).correct);
        assert_eq!(
            judge(&q, 2.0).rule_missed,
            Some(Mistake::WrongLocal(Slip::Reciprocal))
        );
    }
}

#[test]
fn the_seed_is_one() {
    let (c, t) = lecture(Mode::Reverse);
    let q = question(&c, &t, 0).expect("the seed step");
    assert!(matches!(q.asked, Asked::Seed { node: 6 }));
    assert!(judge(&q, 1.0).correct);
    assert_eq!(judge(&q, 0.0).rule_missed, Some(Mistake::SeedIsOne));
    let last = t.steps.len() - 1;
    assert!(
        question(&c, &t, last).is_none(),
        "the read-off asks nothing"
    );
    assert!(question(&c, &t, t.steps.len()).is_none());
}

#[test]
fn wrong_answers_never_round_like_the_right_one() {
    let (c, t) = lecture(Mode::Reverse);
    for i in 0..t.steps.len() {
        let Some(q) = question(&c, &t, i) else {
            continue;
        };
        assert!(
            (q.value - t.steps[i].value).abs() < 1e-12,
            "step {i}: {} vs {}",
            q.value,
            t.steps[i].value
        );
        for (w, m) in &q.wrong {
            let v = judge(&q, *w);
            assert!(!v.correct, "step {i}: {w} ({m:?}) judged right");
            assert_eq!(v.rule_missed, Some(*m), "step {i}");
        }
    }
}

#[test]
fn the_planted_run_without_bugs_is_the_extended_graph() {
    for src in [LECTURE, EXTENDED, "x1 * x1 - x1 / x2 + cos(x2) ^ 3"] {
        let values = adjoint_engine::syntax::parse_values("x1=2, x2=5").expect("values");
        let c = compile(src, &values).expect("compiles");
        let planted = extend_planted(c.graph(), c.output(), Plant::CORRECT);
        let reference = extend(c.graph(), c.output(), |_| {});
        assert_eq!(planted.graph, reference.graph, "{src}");
        assert_eq!(planted.gradient, reference.gradient, "{src}");
    }
}

#[test]
fn overwriting_diverges_at_v2_then_v1() {
    let (c, _) = lecture(Mode::Reverse);
    let r = run_bug(&c, Bug::OverwriteInsteadOfSum);
    let d = r.divergence.clone().expect("it diverges");
    // v2 keeps only the last partial it received, v̄_{2→4} = 2, not 1.716.
    assert_eq!(d.label, "v2");
    assert!(d.value_differs);
    assert!((d.correct - 1.716).abs() < 5e-4 && (d.buggy - 2.0).abs() < 1e-12);
    assert_eq!(r.gradient[0].name, "x1");
    assert!((r.gradient[0].correct - 5.5).abs() < 1e-12);
    // v1 keeps v̄_{1→3} = 0.5 and loses v̄_{1→4} = 5.
    assert!((r.gradient[0].buggy - 0.5).abs() < 1e-12);
    assert!((r.gradient[0].difference() + 5.0).abs() < 1e-12);
    assert!((r.gradient[1].buggy - 2.0).abs() < 1e-12);
    assert!(r.gradient_differs());
    assert_eq!(
        r.correct_nodes - r.buggy_nodes,
        2,
        "no sum nodes for v̄1 and v̄2"
    );
}

#[test]
fn the_wrong_order_visits_v1_before_v4_has_sent() {
    let (c, _) = lecture(Mode::Reverse);
    let r = run_bug(&c, Bug::WrongOrder);
    let order: Vec<&str> = r.visits.iter().map(|v| v.label.as_str()).collect();
    assert_eq!(order, ["v7", "v6", "v3", "v1", "v4", "v2", "v5"]);
    let d = r.divergence.clone().expect("it diverges");
    assert_eq!((d.visit, d.label.as_str()), (3, "v1"));
    assert!((d.buggy - 0.5).abs() < 1e-12 && (d.correct - 5.5).abs() < 1e-12);
    // v2 is visited before v5 sends v̄_{2→5}: it gets 2 instead of 1.716.
    assert!((r.gradient[1].buggy - 2.0).abs() < 1e-12);
    assert!((r.gradient[1].difference() - 0.2837).abs() < 1e-3);
}

#[test]
fn not_reusing_v2_makes_a_new_exp_node_with_the_same_gradient() {
    let values = adjoint_engine::syntax::parse_values("x1=1").expect("values");
    let c = compile(EXTENDED, &values).expect("compiles");
    let r = run_bug(&c, Bug::NoReuse);
    assert!(!r.gradient_differs(), "values stay right: {:?}", r.gradient);
    assert!(r.buggy_nodes > r.correct_nodes);
    let d = r.divergence.clone().expect("the node count diverges");
    assert!(!d.value_differs);
    // The first visit, v4 = v2 × v3, rebuilds v3 = v2 + 1 and v2 = exp(v1).
    assert_eq!(d.label, "v4");
    assert_eq!(r.visits[0].recomputed, vec!["v3", "v2"]);
    let v2 = r
        .visits
        .iter()
        .find(|v| v.label == "v2")
        .expect("v2 visited");
    // exp's rule reads v2 itself: §2.4 step 5 reuses it; the bug makes a new exp node.
    assert_eq!(v2.recomputed, vec!["v2"]);
    assert!(v2.buggy_created > v2.correct_created);
    // On §1.4's program every rule reads only the inputs: nothing to reuse.
    let (c, _) = lecture(Mode::Reverse);
    let r = run_bug(&c, Bug::NoReuse);
    assert_eq!(r.divergence, None);
    assert_eq!(r.buggy_nodes, r.correct_nodes);
}

#[test]
fn every_bug_diverges_on_the_extended_graph_example() {
    let values = adjoint_engine::syntax::parse_values("x1=1").expect("values");
    let c = compile(EXTENDED, &values).expect("compiles");
    for bug in Bug::ALL {
        let r = run_bug(&c, bug);
        assert!(r.divergence.is_some(), "{bug:?}");
        assert_eq!(Bug::from_name(bug.name()), Some(bug));
    }
}

#[test]
fn order_counts_match_nth_derivatives() {
    let values = adjoint_engine::syntax::parse_values("x=0.5").expect("values");
    let c = compile("sin(x) * exp(x)", &values).expect("compiles");
    let counts = order_counts(&c, 0, 4).expect("counts");
    let nth = nth_derivatives(&c, 4).expect("derivatives");
    assert_eq!(counts[0].nodes, c.graph().len());
    for (k, (value, nodes)) in nth.iter().enumerate() {
        assert_eq!(counts[k + 1].nodes, *nodes);
        assert!((counts[k + 1].value - value).abs() < 1e-12);
        assert_eq!(counts[k + 1].added, counts[k + 1].nodes - counts[k].nodes);
        assert!(counts[k + 1].live <= counts[k + 1].nodes);
        assert!(
            counts[k + 1].nodes > counts[k].nodes,
            "each order adds nodes"
        );
    }
    // d/dx (sin x · e^x) = e^x (sin x + cos x)
    let x: f64 = 0.5;
    assert!((counts[1].value - x.exp() * (x.sin() + x.cos())).abs() < 1e-12);
}

#[test]
fn order_counts_of_the_lecture_example_by_x2() {
    let (c, _) = lecture(Mode::Reverse);
    let counts = order_counts(&c, 1, 2).expect("counts");
    assert!((counts[1].value - 1.716).abs() < 5e-4);
    // ∂²y/∂x2² = sin x2 = −0.959
    assert!((counts[2].value - 5f64.sin()).abs() < 1e-12);
    assert!(order_counts(&c, 2, 2).is_err(), "no third variable");
    assert!(order_counts(&c, 0, 99).is_err(), "over the limit");
}

/// Programs that between them use every op the language has.
const EVERY_OP: &[(&str, &str)] = &[
    ("x1 - x2 * x1 / x2", "x1=1.5, x2=0.7"),
    ("x1 ^ x2 + 2 ^ x1 + x1 ^ 3", "x1=1.5, x2=0.7"),
    ("exp(x1) * cos(x2) - tan(x1)", "x1=0.4, x2=0.7"),
    ("tanh(x1) + sqrt(x2) + sigmoid(x1 * x2)", "x1=0.4, x2=0.7"),
    (
        "relu(x1 - 1) + 3 - x2 + 3 / x1 + -x2 + ln(x1)",
        "x1=1.5, x2=0.7",
    ),
    ("x1 * x1 - x1 / 4 + x1 * 2", "x1=1.5"),
];

#[test]
fn every_question_matches_the_step_it_asks_about() {
    for (src, at) in EVERY_OP {
        let values = adjoint_engine::syntax::parse_values(at).expect("values");
        let c = compile(src, &values).expect("compiles");
        for mode in [Mode::Reverse, Mode::Extended] {
            let t = run(src, at, mode, 0).expect("runs");
            let mut asked = 0;
            for (i, s) in t.steps.iter().enumerate() {
                let Some(q) = question(&c, &t, i) else {
                    assert_eq!(s.kind, StepKind::Done, "{src} {mode:?} step {i}");
                    continue;
                };
                asked += 1;
                assert!(
                    (q.value - s.value).abs() <= 1e-9 * (1.0 + s.value.abs()),
                    "{src} {mode:?} step {i}: asked {} but the step shows {}",
                    q.value,
                    s.value
                );
                assert!(judge(&q, s.value).correct);
                for (w, m) in &q.wrong {
                    assert_eq!(judge(&q, *w).rule_missed, Some(*m), "{src} step {i}");
                }
            }
            assert_eq!(asked, t.steps.len() - 1, "{src} {mode:?}");
        }
    }
}

#[test]
fn the_bugs_never_panic_and_the_right_run_is_the_engines() {
    for (src, at) in EVERY_OP {
        let values = adjoint_engine::syntax::parse_values(at).expect("values");
        let c = compile(src, &values).expect("compiles");
        let reference = run(src, at, Mode::Reverse, 0).expect("runs");
        for bug in Bug::ALL {
            let r = run_bug(&c, bug);
            for (d, v) in r.gradient.iter().zip(&reference.result.gradient) {
                assert!(
                    (d.correct - v.value).abs() <= 1e-9 * (1.0 + v.value.abs()),
                    "{src}"
                );
            }
            if bug == Bug::NoReuse {
                assert!(!r.gradient_differs(), "{src}: reuse never changes values");
            }
        }
    }
}
