//! Predict, then reveal: the value a reverse-mode step is about to show, the wrong
//! answers a student is likely to give (each with the rule it misses), and the judge.
//!
//! An answer counts as right when it rounds like the value does in the adjoint table
//! (three decimals, or three significant digits in scientific form), or when it is the
//! value correctly rounded to two decimals.

use serde::{Deserialize, Serialize};

use super::mistake::Mistake;
use super::slips::wrong_locals;
use crate::error::EngineError;
use crate::modes::compile::Compiled;
use crate::modes::reverse::adjoints;
use crate::render::number::rounded;
use crate::render::text::text;
use crate::render::{Sym, Term};
use crate::rules::partial::local_partial;
use crate::trace::{StepKind, Trace};

/// What a question asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Asked {
    /// The output's adjoint v̄_out (the seed).
    Seed {
        /// The output node.
        node: u32,
    },
    /// The adjoint v̄_i of a visited node.
    Adjoint {
        /// The node visited.
        node: u32,
    },
    /// The partial adjoint v̄_{k→i} that node `to` sends to its input `from`.
    Partial {
        /// The input k.
        from: u32,
        /// The node i being visited.
        to: u32,
    },
}

/// One question: the value of a step before it is shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// The step of the trace whose value is asked.
    pub step: usize,
    /// What is asked.
    pub asked: Asked,
    /// The asked quantity's symbol (`v̄2`, `v̄_{2→5}`).
    pub sym: Sym,
    /// The same as text.
    pub label: String,
    /// The right value.
    pub value: f64,
    /// The right value as the table prints it.
    pub shown: String,
    /// Diagnosed wrong answers: each value with the rule it misses, none rounding like
    /// the right value or like each other.
    pub wrong: Vec<(f64, Mistake)>,
}

/// The verdict on an answer.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// Whether the answer is right.
    pub correct: bool,
    /// For a wrong answer that matches a diagnosed mistake: the rule it missed.
    pub rule_missed: Option<Mistake>,
    /// The right value.
    pub expected: f64,
}

/// The question for step `step` of a reverse-mode trace (numbers, extended graph or
/// backprop) of the compiled program `c`; `None` for steps that compute nothing new
/// (the final read-off) and for forward-mode traces.
pub fn question(c: &Compiled, trace: &Trace, step: usize) -> Option<Question> {
    let s = trace.steps.get(step)?;
    let g = c.graph();
    let labels = c.labels();
    let node = s.node as usize;
    if node >= g.len() {
        return None;
    }
    let out = c.output().index();
    let bar = adjoints(g, &c.values, c.output());
    let seed_wrong = vec![
        (0.0, Mistake::SeedIsOne),
        (c.output_value(), Mistake::SeedIsOne),
    ];
    let (asked, sym, value, wrong) = match s.kind {
        StepKind::Seed => (
            Asked::Seed { node: s.node },
            Sym::adjoint(&labels[node]),
            1.0,
            seed_wrong,
        ),
        StepKind::Visit if node == out => (
            Asked::Adjoint { node: s.node },
            Sym::adjoint(&labels[node]),
            1.0,
            seed_wrong,
        ),
        StepKind::Visit => {
            let received = received_partials(c, &bar, node);
            let wrong = if received.len() > 1 {
                received.iter().map(|&p| (p, Mistake::OnePath)).collect()
            } else {
                vec![]
            };
            (
                Asked::Adjoint { node: s.node },
                Sym::adjoint(&labels[node]),
                bar[node],
                wrong,
            )
        }
        StepKind::Partial => {
            let input = s.input? as usize;
            let n = g.node(crate::graph::NodeId(s.node));
            let position = partial_position(trace, step, n.inputs.as_slice(), input)?;
            let args: Vec<f64> = n.inputs.iter().map(|j| c.values[j.index()]).collect();
            let local = local_partial(n.op, position, &args, c.values[node]);
            let adj = bar[node];
            let mut wrong = vec![(local, Mistake::ForgotChainFactor)];
            for (w, slip) in wrong_locals(n.op, position, &args, c.values[node]) {
                wrong.push((adj * w, Mistake::WrongLocal(slip)));
            }
            (
                Asked::Partial {
                    from: input as u32,
                    to: s.node,
                },
                Sym::partial(&labels[input], &labels[node]),
                adj * local,
                wrong,
            )
        }
        StepKind::Tangent | StepKind::Done => return None,
    };
    Some(Question {
        step,
        asked,
        label: text(&Term::sym(sym.clone())),
        sym,
        value,
        shown: rounded(value),
        wrong: distinct(value, wrong),
    })
}

/// The partial adjoints node `i` receives, one per (consumer, input position).
fn received_partials(c: &Compiled, bar: &[f64], i: usize) -> Vec<f64> {
    let g = c.graph();
    let live = g.ancestors(c.output());
    let mut out = Vec::new();
    for (j, n) in g.nodes().iter().enumerate().skip(i + 1).rev() {
        if !live[j] {
            continue;
        }
        let args: Vec<f64> = n.inputs.iter().map(|a| c.values[a.index()]).collect();
        for (p, a) in n.inputs.iter().enumerate() {
            if a.index() == i {
                out.push(bar[j] * local_partial(n.op, p, &args, c.values[j]));
            }
        }
    }
    out
}

/// Which input position a Partial step serves: the steps of one visit send to the
/// inputs in order, so it is the number of earlier sends of the same visit.
fn partial_position(
    trace: &Trace,
    step: usize,
    inputs: &[crate::graph::NodeId],
    input: usize,
) -> Option<usize> {
    let node = trace.steps[step].node;
    let earlier = trace.steps[..step]
        .iter()
        .rev()
        .take_while(|s| s.node == node && s.kind == StepKind::Partial)
        .count();
    match inputs.get(earlier) {
        Some(j) if j.index() == input => Some(earlier),
        _ => inputs.iter().position(|j| j.index() == input),
    }
}

/// Drops non-finite candidates, those that round like the right value, and repeats.
fn distinct(value: f64, wrong: Vec<(f64, Mistake)>) -> Vec<(f64, Mistake)> {
    let mut kept: Vec<(f64, Mistake)> = Vec::new();
    for (w, m) in wrong {
        if !w.is_finite() || same_shown(w, value) || kept.iter().any(|(k, _)| same_shown(*k, w)) {
            continue;
        }
        kept.push((w, m));
    }
    kept
}

/// Half a unit of the last digit the table shows for `v`.
fn tolerance(v: f64) -> f64 {
    let a = v.abs();
    if a < 1e9 && (a >= 1e-3 || a == 0.0) {
        5e-4
    } else {
        5e-3 * 10f64.powf(a.log10().floor())
    }
}

/// Whether `a` and `b` would look the same in the table.
fn same_shown(a: f64, b: f64) -> bool {
    rounded(a) == rounded(b) || (a - b).abs() <= tolerance(b) * (1.0 + 1e-9)
}

/// Judges a numeric answer to `q`.
pub fn judge(q: &Question, answer: f64) -> Verdict {
    let correct = answer.is_finite() && same_shown(answer, q.value);
    let rule_missed = if correct {
        None
    } else {
        q.wrong
            .iter()
            .find(|(w, _)| same_shown(answer, *w))
            .map(|(_, m)| *m)
    };
    Verdict {
        correct,
        rule_missed,
        expected: q.value,
    }
}

/// Judges a typed answer: like [`judge`], and an answer written with exactly two
/// decimals is also right when it is the value rounded to two decimals (`1.72` for
/// 1.716).
pub fn judge_text_for(q: &Question, typed: &str) -> Result<Verdict, EngineError> {
    let answer = parse_answer(typed)?;
    let mut v = judge(q, answer);
    let decimals = typed.trim().split_once('.').map(|(_, d)| d.trim().len());
    if !v.correct && decimals == Some(2) && (q.value * 100.0).round() == (answer * 100.0).round() {
        v.correct = true;
        v.rule_missed = None;
    }
    Ok(v)
}

/// Reads a typed number: `1.716`, `-0.284`, `−1` (Unicode minus), `+5`, `1/2`.
pub fn parse_answer(typed: &str) -> Result<f64, EngineError> {
    let clean: String = typed
        .trim()
        .chars()
        .map(|ch| match ch {
            '−' | '–' => '-',
            '，' | '。' => '.',
            ch => ch,
        })
        .filter(|ch| !ch.is_whitespace())
        .collect();
    let bad = || {
        EngineError::Invalid(format!(
            "`{}` is not a number; type a value such as 1.716 or -0.284",
            typed.trim()
        ))
    };
    if clean.is_empty() {
        return Err(EngineError::Invalid(
            "the answer is empty; type a value such as 1.716".into(),
        ));
    }
    let value = match clean.split_once('/') {
        Some((a, b)) => {
            let a: f64 = a.parse().map_err(|_| bad())?;
            let b: f64 = b.parse().map_err(|_| bad())?;
            a / b
        }
        None => clean.parse().map_err(|_| bad())?,
    };
    if value.is_finite() {
        Ok(value)
    } else {
        Err(bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_follows_the_table() {
        assert!(same_shown(1.7159, 1.716));
        assert!(!same_shown(1.72, 1.716));
        assert!(same_shown(0.0004, 0.0));
        assert!(same_shown(1.234e-5, 1.23e-5));
        assert!(!same_shown(1.3e-5, 1.23e-5));
    }

    #[test]
    fn answers_parse_with_unicode_minus_and_fractions() {
        assert_eq!(parse_answer(" −0.5 ").ok(), Some(-0.5));
        assert_eq!(parse_answer("1/2").ok(), Some(0.5));
        assert_eq!(parse_answer("+5").ok(), Some(5.0));
        assert!(parse_answer("abc").is_err());
        assert!(parse_answer("").is_err());
        assert!(parse_answer("1/0").is_err());
    }
}
