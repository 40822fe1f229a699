//! What each lesson shows: a preset program with its values, the mode, the step to
//! stop at, the panel to open, a second scene to compare with, the side-by-side view, and
//! the interactive widgets (predict, bug hunt) the lesson uses.

use adjoint_engine::{Mode, StepKind, Trace};

use super::{Lesson, LessonId, EXTENDED_PROGRAM, LECTURE_PROGRAM, LECTURE_VALUES};

/// The step a scene stops at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepAt {
    /// Before the first step.
    Start,
    /// After the last step.
    End,
    /// Just before the step that visits the node labelled so (reverse modes), so the
    /// student can predict its adjoint.
    BeforeVisit(&'static str),
}

/// A method panel to open next to the scene.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// Numerical differentiation (§1.2).
    Numeric,
    /// Symbolic differentiation (§1.3).
    Symbolic,
}

/// An interactive part a lesson shows under its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Widget {
    /// Predict, then reveal.
    Predict,
    /// The three bug switches.
    BugHunt,
}

/// A second scene to compare with (the same function as another graph, or the same
/// program in another mode).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Other {
    /// Its program.
    pub program: &'static str,
    /// Its values.
    pub values: &'static str,
    /// Its mode.
    pub mode: Mode,
}

/// What a lesson puts on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scene {
    /// The program.
    pub program: &'static str,
    /// Its input values: `x1=2, x2=5`, or JSON for tensor programs.
    pub values: &'static str,
    /// The mode.
    pub mode: Mode,
    /// Forward mode's variable (0-based).
    pub wrt: usize,
    /// Where to stop.
    pub step: StepAt,
    /// A method panel to open.
    pub panel: Option<Panel>,
    /// A second scene to compare with.
    pub other: Option<Other>,
    /// Whether the program is a tensor program (`adjoint-tensor`).
    pub tensor: bool,
    /// Whether backprop and the extended graph are shown side by side, with the node
    /// counts per derivative order under them (§2.5).
    pub side: bool,
    /// The widgets under the text.
    pub widgets: &'static [Widget],
}

impl Scene {
    const fn scalar(program: &'static str, values: &'static str, mode: Mode) -> Self {
        Scene {
            program,
            values,
            mode,
            wrt: 0,
            step: StepAt::Start,
            panel: None,
            other: None,
            tensor: false,
            side: false,
            widgets: &[],
        }
    }

    /// The number of steps applied when the scene opens, for `trace` of this scene.
    pub fn step_index(&self, trace: &Trace) -> usize {
        match self.step {
            StepAt::Start => 0,
            StepAt::End => trace.steps.len(),
            StepAt::BeforeVisit(label) => trace
                .steps
                .iter()
                .position(|s| {
                    s.kind == StepKind::Visit
                        && trace
                            .nodes
                            .get(s.node as usize)
                            .is_some_and(|n| n.label == label)
                })
                .unwrap_or(0),
        }
    }
}

impl Scene {
    /// The number of steps applied when the scene opens, running the scalar engine to
    /// find it (a tensor scene, or one that does not run, opens at 0 or, for `End`, at
    /// `usize::MAX`, which the app clamps to its trace's length).
    pub fn opening_step(&self) -> usize {
        if !self.tensor {
            if let Ok(t) = adjoint_engine::run(self.program, self.values, self.mode, self.wrt) {
                return self.step_index(&t);
            }
        }
        match self.step {
            StepAt::End => usize::MAX,
            _ => 0,
        }
    }
}

/// The §2.6 tensor program (the tensor engine's preset).
pub const MATMUL_PROGRAM: &str = "Z = X @ W\nv = sum(tanh(Z))";
/// Its inputs.
pub const MATMUL_INPUTS: &str =
    r#"{"X": [[1, 2, 0], [0, -1, 1]], "W": [[0.5, -1], [0.25, 0.5], [1, 0]]}"#;
/// The §2.7 dict program (the tensor engine's preset).
pub const DICT_PROGRAM: &str = "d = {\"cat\": a0, \"dog\": a1}\nb = d[\"cat\"]\ny = b ^ 2";
/// Its inputs.
pub const DICT_INPUTS: &str = r#"{"a0": 1.5, "a1": 2}"#;

/// The twelve lessons with their scenes.
pub(super) const fn catalog() -> [Lesson; 12] {
    let lecture = Scene::scalar(LECTURE_PROGRAM, LECTURE_VALUES, Mode::Reverse);
    [
        Lesson {
            id: LessonId::WhyGradients,
            slug: "why-gradients",
            section: "1.1",
            scene: Scene {
                step: StepAt::End,
                ..Scene::scalar("sigmoid(w*x + b)", "w=0.5, x=2, b=-1", Mode::Reverse)
            },
        },
        Lesson {
            id: LessonId::Numerical,
            slug: "numerical-differentiation",
            section: "1.2",
            scene: Scene {
                panel: Some(Panel::Numeric),
                ..lecture
            },
        },
        Lesson {
            id: LessonId::Symbolic,
            slug: "symbolic-differentiation",
            section: "1.3",
            scene: Scene {
                panel: Some(Panel::Symbolic),
                ..Scene::scalar("x1 * x2 * x3 * x4", "x1=1, x2=2, x3=3, x4=4", Mode::Reverse)
            },
        },
        Lesson {
            id: LessonId::Graph,
            slug: "computational-graph",
            section: "1.4",
            scene: Scene {
                other: Some(Other {
                    program: "a * (b * c)",
                    values: "a=2, b=3, c=4",
                    mode: Mode::Forward,
                }),
                ..Scene::scalar("(a * b) * c", "a=2, b=3, c=4", Mode::Forward)
            },
        },
        Lesson {
            id: LessonId::ForwardMode,
            slug: "forward-mode",
            section: "1.5",
            scene: Scene {
                step: StepAt::End,
                ..Scene::scalar(LECTURE_PROGRAM, LECTURE_VALUES, Mode::Forward)
            },
        },
        Lesson {
            id: LessonId::ReverseMode,
            slug: "reverse-mode",
            section: "2.1",
            scene: Scene {
                widgets: &[Widget::Predict],
                ..lecture
            },
        },
        Lesson {
            id: LessonId::MultiplePaths,
            slug: "multiple-paths",
            section: "2.2",
            scene: Scene {
                step: StepAt::BeforeVisit("v2"),
                widgets: &[Widget::Predict],
                ..lecture
            },
        },
        Lesson {
            id: LessonId::Algorithm,
            slug: "algorithm",
            section: "2.3",
            scene: Scene {
                widgets: &[Widget::BugHunt],
                ..lecture
            },
        },
        Lesson {
            id: LessonId::ExtendedGraph,
            slug: "extended-graph",
            section: "2.4",
            scene: Scene {
                widgets: &[Widget::Predict, Widget::BugHunt],
                ..Scene::scalar(EXTENDED_PROGRAM, "x1=1", Mode::Extended)
            },
        },
        Lesson {
            id: LessonId::BackpropVsReverse,
            slug: "backprop-vs-reverse-ad",
            section: "2.5",
            scene: Scene {
                step: StepAt::End,
                other: Some(Other {
                    program: LECTURE_PROGRAM,
                    values: LECTURE_VALUES,
                    mode: Mode::Extended,
                }),
                side: true,
                ..Scene::scalar(LECTURE_PROGRAM, LECTURE_VALUES, Mode::Backprop)
            },
        },
        Lesson {
            id: LessonId::Tensors,
            slug: "tensors",
            section: "2.6",
            scene: Scene {
                tensor: true,
                ..Scene::scalar(MATMUL_PROGRAM, MATMUL_INPUTS, Mode::Extended)
            },
        },
        Lesson {
            id: LessonId::DataStructures,
            slug: "data-structures",
            section: "2.7",
            scene: Scene {
                tensor: true,
                ..Scene::scalar(DICT_PROGRAM, DICT_INPUTS, Mode::Extended)
            },
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::super::LESSONS;
    use super::*;

    /// Every scalar scene (and its comparison) runs without an error and stops where
    /// its lesson says.
    #[test]
    fn every_scalar_scene_loads() {
        for l in &LESSONS {
            let s = &l.scene;
            if s.tensor {
                assert!(s.values.trim_start().starts_with('{'), "{}", l.slug);
                continue;
            }
            let t = adjoint_engine::run(s.program, s.values, s.mode, s.wrt)
                .unwrap_or_else(|e| panic!("{}: {e}", l.slug));
            let k = s.step_index(&t);
            assert!(k <= t.steps.len(), "{}", l.slug);
            if let StepAt::BeforeVisit(label) = s.step {
                let next = &t.steps[k];
                assert_eq!(next.kind, StepKind::Visit, "{}", l.slug);
                assert_eq!(t.nodes[next.node as usize].label, label, "{}", l.slug);
            }
            if let Some(o) = s.other {
                adjoint_engine::run(o.program, o.values, o.mode, 0)
                    .unwrap_or_else(|e| panic!("{} (other): {e}", l.slug));
            }
        }
    }

    #[test]
    fn opening_steps() {
        let (_, paths) = super::super::by_slug("multiple-paths").expect("listed");
        let t = adjoint_engine::run(paths.scene.program, paths.scene.values, paths.scene.mode, 0)
            .expect("runs");
        let k = paths.scene.opening_step();
        assert_eq!(t.steps[k].kind, StepKind::Visit);
        assert_eq!(t.nodes[t.steps[k].node as usize].label, "v2");
        let (_, forward) = super::super::by_slug("forward-mode").expect("listed");
        assert_eq!(forward.scene.opening_step(), 8, "7 tangents and the result");
        let (_, tensors) = super::super::by_slug("tensors").expect("listed");
        assert_eq!(tensors.scene.opening_step(), 0);
    }

    #[test]
    fn the_two_graphs_of_a_times_b_times_c_agree_in_value() {
        let (_, l) = super::super::by_slug("computational-graph").expect("listed");
        let o = l.scene.other.expect("a second graph");
        let s = l.scene;
        let a = adjoint_engine::run(s.program, s.values, s.mode, 0).expect("runs");
        let b = adjoint_engine::run(o.program, o.values, Mode::Forward, 0).expect("runs");
        assert_eq!(a.result.output, b.result.output);
        let ops =
            |t: &Trace| -> Vec<Vec<u32>> { t.nodes.iter().map(|n| n.inputs.clone()).collect() };
        assert_ne!(ops(&a), ops(&b), "different graphs");
    }
}
