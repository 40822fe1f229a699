//! The app's state and its one reducer: the program and values as typed, the mode, the step,
//! the last good trace and the current error. Every change goes through an [`Action`], so
//! the rules (a failed run keeps the last good trace; the step is clamped to the trace) live
//! here and are tested natively. The engine does all derivative math; this only calls it.

use std::rc::Rc;

use adjoint_engine::{EngineError, Mode, Trace};
use yew::Reducible;

use adjoint_tensor::outcome::Failure;

use crate::lab::LabRun;
use crate::url::UrlState;

/// The lecture's running example (§1.4).
pub const DEFAULT_PROGRAM: &str = "ln(x1) + x1*x2 - sin(x2)";
/// Its values.
pub const DEFAULT_VALUES: &str = "x1=2, x2=5";
/// Milliseconds per step while playing, by default.
pub const DEFAULT_DELAY_MS: u32 = 900;

/// An error as shown under the editor: the message and, when it has a place, the line and
/// a caret under the problem.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorView {
    /// What went wrong.
    pub message: String,
    /// 1-based line (0 when the error has no place in the text).
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The offending line.
    pub source_line: String,
    /// Spaces and `^` under the problem.
    pub caret: String,
    /// True when the error is in the values field rather than the program.
    pub in_values: bool,
}

impl ErrorView {
    fn new(e: &EngineError, program: &str, values: &str) -> Self {
        let d = match e {
            // `EngineError::span` covers program errors only; place a values error by
            // re-reading its span against the values text.
            EngineError::BadValues { span, .. } => {
                let mut d = EngineError::Parse {
                    message: String::new(),
                    span: *span,
                }
                .diagnostic(values);
                d.message = e.to_string();
                d
            }
            _ => e.diagnostic(program),
        };
        Self::from_diagnostic(d, matches!(e, EngineError::BadValues { .. }))
    }

    /// A tensor program's error, already placed by the tensor engine: shape and syntax
    /// errors point into the program, errors of the inputs JSON into the values field.
    fn from_failure(f: Failure) -> Self {
        Self::from_diagnostic(f.diagnostic, f.in_values)
    }

    fn from_diagnostic(d: adjoint_engine::Diagnostic, in_values: bool) -> Self {
        Self {
            message: d.message,
            line: d.line,
            column: d.column,
            source_line: d.source_line,
            caret: d.caret,
            in_values,
        }
    }
}

/// The methods AD replaces, each shown in a panel instead of the step-through view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Finite differences (§1.2).
    Numeric,
    /// Symbolic differentiation (§1.3).
    Symbolic,
}

impl Method {
    /// Both, in the order of their tabs.
    pub const ALL: [Method; 2] = [Method::Numeric, Method::Symbolic];

    /// The name in the URL (`panel=`) and in `data-panel` of its tab.
    pub fn name(self) -> &'static str {
        match self {
            Method::Numeric => "numeric",
            Method::Symbolic => "symbolic",
        }
    }

    /// The method called `name`, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// Everything the app shows, minus what is derived from it (frame, layout).
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The program as typed (never rewritten).
    pub program: String,
    /// The input values as typed (`x1=2, x2=5`).
    pub values: String,
    /// The algorithm shown.
    pub mode: Mode,
    /// Forward mode's variable index.
    pub wrt: usize,
    /// Steps applied, `0..=steps.len()`.
    pub step: usize,
    /// The last trace that ran without error.
    pub trace: Option<Rc<Trace>>,
    /// Bumped whenever `trace` is replaced (a cheap key for memoised layout).
    pub trace_id: u64,
    /// The error of the latest run, if it failed.
    pub error: Option<ErrorView>,
    /// Is the animation playing?
    pub playing: bool,
    /// Milliseconds per step while playing.
    pub delay_ms: u32,
    /// The method panel open instead of the step-through view, if any.
    pub panel: Option<Method>,
    /// Is the program a tensor program (run by `adjoint-tensor`, extended mode only)?
    pub tensor: bool,
    /// The node whose value and adjoint the inspector shows, if any.
    pub inspect: Option<u32>,
    /// Backprop and the extended graph side by side (§2.5) instead of one graph.
    pub side: bool,
    /// Where the tensor lab (the lazily loaded tensor engine, [`crate::lab`]) stands.
    pub lab: Lab,
    /// The step to show once the lab's first trace arrives (a permalink's `step=`).
    pub awaited_step: Option<usize>,
    /// The program and values that produced `trace` (the text may have moved on to an
    /// error since): what the share panel's exports run again.
    pub trace_source: (String, String),
}

/// Where the tensor lab stands, as far as this app knows.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Lab {
    /// Not needed yet, or loaded.
    #[default]
    Idle,
    /// A tensor program waits for it: the app loads it, then sends [`Action::LabLoaded`].
    Loading,
    /// It could not be loaded (the browser's reason); editing the program tries again.
    Failed(String),
}

/// Everything that can change the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The program text changed.
    SetProgram(String),
    /// The values text changed.
    SetValues(String),
    /// Replace program and values at once (an example was picked).
    Load(String, String),
    /// Another algorithm; starts again at step 0.
    SetMode(Mode),
    /// Forward mode: differentiate with respect to variable `wrt`.
    SetWrt(usize),
    /// Go to step 0.
    First,
    /// One step back.
    Prev,
    /// One step on.
    Next,
    /// Go to the last step.
    Last,
    /// Go to step k (clamped).
    Goto(usize),
    /// Play or pause.
    TogglePlay,
    /// One tick of the player: a step on, pausing at the end.
    Tick,
    /// Milliseconds per step while playing.
    SetDelay(u32),
    /// Open a method's panel, or close it when it is the one open.
    TogglePanel(Method),
    /// Show a node in the inspector (`None` closes it).
    Inspect(Option<u32>),
    /// Turn the side-by-side view (§2.5) on or off.
    SetSide(bool),
    /// The tensor lab has loaded: run the waiting tensor program.
    LabLoaded,
    /// The tensor lab could not be loaded, for this reason.
    LabFailed(String),
}

impl AppState {
    /// The state at start-up: the lecture example, overridden by what the URL says.
    pub fn from_url(url: &UrlState) -> Self {
        let mut st = Self {
            program: url
                .program
                .clone()
                .unwrap_or_else(|| DEFAULT_PROGRAM.to_string()),
            values: url
                .values
                .clone()
                .unwrap_or_else(|| DEFAULT_VALUES.to_string()),
            mode: url.mode.unwrap_or(Mode::Extended),
            wrt: url.wrt.unwrap_or(0),
            step: url.step.unwrap_or(0),
            trace: None,
            trace_id: 0,
            error: None,
            playing: false,
            delay_ms: DEFAULT_DELAY_MS,
            panel: url.panel,
            tensor: false,
            inspect: None,
            // A method panel replaces the step-through view, side by side or not.
            side: url.side && url.panel.is_none(),
            lab: Lab::Idle,
            awaited_step: None,
            trace_source: Default::default(),
        };
        st.rerun();
        st
    }

    /// Number of steps of the trace on screen.
    pub fn total(&self) -> usize {
        self.trace.as_ref().map_or(0, |t| t.steps.len())
    }

    /// Runs the engine on the current text; on success replaces the trace, on failure keeps
    /// the last good one and records the error.
    fn rerun(&mut self) {
        self.tensor = adjoint_tensor::looks_like_tensor_program(&self.program, &self.values);
        if self.tensor {
            // Tensor programs run in extended mode only (the other tabs are disabled), and
            // the numerical and symbolic panels are for scalar programs.
            self.panel = None;
            self.side = false;
            if self.mode != Mode::Extended {
                self.mode = Mode::Extended;
                self.step = 0;
            }
            match crate::lab::run(&self.program, &self.values) {
                LabRun::Done(Ok(trace)) => self.replace_trace(trace),
                LabRun::Done(Err(failure)) => self.error = Some(ErrorView::from_failure(failure)),
                LabRun::NotLoaded => {
                    // The last good graph stays until the tensor engine has arrived.
                    self.lab = Lab::Loading;
                    self.awaited_step.get_or_insert(self.step);
                    self.step = self.step.min(self.total());
                    return;
                }
            }
            if let Some(step) = self.awaited_step.take() {
                self.step = step;
            }
            self.step = self.step.min(self.total());
            return;
        }
        self.awaited_step = None;
        let mut result = adjoint_engine::run(&self.program, &self.values, self.mode, self.wrt);
        if self.wrt != 0 && matches!(result, Err(EngineError::Invalid(_))) {
            // The program lost the variable forward mode was following: follow the first.
            self.wrt = 0;
            result = adjoint_engine::run(&self.program, &self.values, self.mode, 0);
        }
        match result {
            Ok(trace) => self.replace_trace(trace),
            Err(e) => self.error = Some(ErrorView::new(&e, &self.program, &self.values)),
        }
        self.step = self.step.min(self.total());
    }

    /// A run succeeded: its trace replaces the last one (the inspector closes if its node
    /// is gone).
    fn replace_trace(&mut self, trace: Trace) {
        if self
            .inspect
            .is_some_and(|i| i as usize >= trace.nodes.len())
        {
            self.inspect = None;
        }
        self.trace = Some(Rc::new(trace));
        self.trace_source = (self.program.clone(), self.values.clone());
        self.trace_id += 1;
        self.error = None;
    }

    fn apply(&mut self, action: Action) {
        let total = self.total();
        match action {
            Action::SetProgram(p) => {
                self.program = p;
                self.rerun();
            }
            Action::SetValues(v) => {
                self.values = v;
                self.rerun();
            }
            Action::Load(p, v) => {
                self.program = p;
                self.values = v;
                self.step = 0;
                self.playing = false;
                self.inspect = None;
                self.rerun();
            }
            Action::SetMode(m) => {
                // Picking a mode also leaves a method panel (or the side-by-side view)
                // for the step-through view.
                self.panel = None;
                self.side = false;
                // Tensor programs have extended mode only.
                if m != self.mode && !self.tensor {
                    self.mode = m;
                    self.step = 0;
                    self.playing = false;
                    self.rerun();
                }
            }
            Action::SetWrt(w) => {
                self.wrt = w;
                self.step = 0;
                self.rerun();
            }
            // Moving by hand (except Next) takes over from the player.
            Action::First => (self.step, self.playing) = (0, false),
            Action::Prev => (self.step, self.playing) = (self.step.saturating_sub(1), false),
            Action::Next => self.step = (self.step + 1).min(total),
            Action::Last => (self.step, self.playing) = (total, false),
            Action::Goto(k) => (self.step, self.playing) = (k.min(total), false),
            Action::TogglePlay => {
                self.playing = !self.playing;
                if self.playing && self.step >= total {
                    self.step = 0;
                }
            }
            Action::Tick => {
                self.step = (self.step + 1).min(total);
                if self.step >= total {
                    self.playing = false;
                }
            }
            Action::SetDelay(ms) => self.delay_ms = ms.clamp(50, 10_000),
            Action::TogglePanel(m) => {
                self.panel = (self.panel != Some(m)).then_some(m);
                self.playing = false;
            }
            Action::Inspect(node) => self.inspect = node,
            Action::SetSide(on) => {
                self.side = on && !self.tensor;
                self.panel = None;
            }
            Action::LabLoaded => {
                self.lab = Lab::Idle;
                if self.tensor {
                    self.rerun();
                }
            }
            Action::LabFailed(why) => self.lab = Lab::Failed(why),
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> Rc<AppState> {
        Rc::new(AppState::from_url(&UrlState::default()))
    }

    #[test]
    fn starts_on_the_lecture_example_in_extended_mode() {
        let st = start();
        assert_eq!(st.mode, Mode::Extended);
        assert_eq!(st.step, 0);
        assert!(st.error.is_none());
        assert!(st.total() > 0);
    }

    #[test]
    fn a_parse_error_keeps_the_last_good_trace_and_the_text() {
        let st = start();
        let id = st.trace_id;
        let st = st.reduce(Action::SetProgram("ln(x1 +".into()));
        assert_eq!(st.program, "ln(x1 +");
        assert_eq!(st.trace_id, id, "the last good trace stays");
        let e = st.error.clone().expect("an error");
        assert_eq!(e.source_line, "ln(x1 +");
        assert!(e.caret.trim_start().starts_with('^'), "{e:?}");
        assert!(!e.in_values);
        let st = st.reduce(Action::SetProgram(DEFAULT_PROGRAM.into()));
        assert!(st.error.is_none());
        assert!(st.trace_id > id);
    }

    #[test]
    fn bad_values_point_into_the_values_text() {
        let st = start().reduce(Action::SetValues("x1=2, x2=".into()));
        let e = st.error.clone().expect("an error");
        assert!(e.in_values, "{e:?}");
        assert_eq!(e.source_line, "x1=2, x2=");
    }

    #[test]
    fn stepping_is_clamped_and_play_stops_at_the_end() {
        let st = start();
        let n = st.total();
        let st = st.reduce(Action::Prev);
        assert_eq!(st.step, 0);
        let st = st.reduce(Action::Last).reduce(Action::Next);
        assert_eq!(st.step, n);
        let st = st.reduce(Action::TogglePlay);
        assert!(st.playing);
        assert_eq!(st.step, 0, "play at the end starts again");
        let mut st = st;
        for _ in 0..n {
            st = st.reduce(Action::Tick);
        }
        assert_eq!(st.step, n);
        assert!(!st.playing);
        assert_eq!(st.reduce(Action::Goto(10_000)).step, n);
    }

    #[test]
    fn mode_change_restarts_and_url_state_is_applied() {
        let st = start()
            .reduce(Action::Last)
            .reduce(Action::SetMode(Mode::Reverse));
        assert_eq!((st.mode, st.step), (Mode::Reverse, 0));
        let url = UrlState {
            mode: Some(Mode::Forward),
            step: Some(2),
            wrt: Some(1),
            ..UrlState::default()
        };
        let st = AppState::from_url(&url);
        assert_eq!((st.mode, st.step, st.wrt), (Mode::Forward, 2, 1));
        assert_eq!(st.trace.as_ref().and_then(|t| t.wrt), Some(1));
        let st = AppState::from_url(&UrlState {
            step: Some(99_999),
            ..UrlState::default()
        });
        assert_eq!(st.step, st.total());
    }

    #[test]
    fn the_side_by_side_view_leaves_on_a_mode_pick_and_for_tensor_programs() {
        let st = start().reduce(Action::SetSide(true));
        assert!(st.side);
        let same_mode = st.mode;
        assert!(!st.clone().reduce(Action::SetMode(same_mode)).side);
        let st = st.reduce(Action::Next).reduce(Action::Next);
        assert!(st.side && st.step == 2, "stepping keeps the view");
        let tensor = st.reduce(Action::Load(
            "Z = X @ W".into(),
            r#"{"X": [[1, 2]], "W": [[1], [2]]}"#.into(),
        ));
        assert!(
            tensor.tensor && !tensor.side,
            "tensor programs have one graph"
        );
        assert!(!tensor.reduce(Action::SetSide(true)).side);
    }

    #[test]
    fn a_link_opens_the_side_by_side_view_unless_it_cannot_show_it() {
        let side = |url: UrlState| AppState::from_url(&UrlState { side: true, ..url }).side;
        assert!(side(UrlState {
            step: Some(4),
            ..UrlState::default()
        }));
        assert!(
            !side(UrlState {
                panel: Some(Method::Numeric),
                ..UrlState::default()
            }),
            "a method panel replaces the step-through view"
        );
        assert!(
            !side(UrlState {
                program: Some("Z = X @ W".into()),
                values: Some(r#"{"X": [[1, 2]], "W": [[1], [2]]}"#.into()),
                ..UrlState::default()
            }),
            "tensor programs have one graph"
        );
    }

    #[test]
    fn a_method_panel_toggles_closes_on_a_mode_pick_and_comes_from_the_url() {
        let st = start().reduce(Action::TogglePanel(Method::Numeric));
        assert_eq!(st.panel, Some(Method::Numeric));
        let st = st.reduce(Action::TogglePanel(Method::Symbolic));
        assert_eq!(
            st.panel,
            Some(Method::Symbolic),
            "the other tab switches panels"
        );
        assert_eq!(
            st.clone()
                .reduce(Action::TogglePanel(Method::Symbolic))
                .panel,
            None
        );
        let same_mode = st.mode;
        assert_eq!(st.reduce(Action::SetMode(same_mode)).panel, None);
        let st = AppState::from_url(&UrlState {
            panel: Some(Method::Symbolic),
            step: Some(3),
            ..UrlState::default()
        });
        assert_eq!((st.panel, st.step), (Some(Method::Symbolic), 3));
        assert_eq!(Method::from_name("numeric"), Some(Method::Numeric));
        assert_eq!(Method::from_name("nonsense"), None);
    }

    #[test]
    fn forward_mode_falls_back_to_the_first_variable() {
        let url = UrlState {
            mode: Some(Mode::Forward),
            wrt: Some(1),
            ..UrlState::default()
        };
        let st = Rc::new(AppState::from_url(&url)).reduce(Action::SetProgram("sin(x1)".into()));
        assert!(st.error.is_none(), "{:?}", st.error);
        assert_eq!(st.wrt, 0);
    }

    #[test]
    fn tensor_programs_run_on_the_tensor_engine_in_extended_mode_only() {
        let preset = &adjoint_tensor::presets::all()[0];
        let st = start()
            .reduce(Action::SetMode(Mode::Reverse))
            .reduce(Action::Load(preset.program.into(), preset.inputs.clone()));
        assert!(st.tensor);
        assert!(st.error.is_none(), "{:?}", st.error);
        assert_eq!(
            st.mode,
            Mode::Extended,
            "tensor programs switch to extended mode"
        );
        let t = st.trace.clone().expect("a tensor trace");
        assert!(t.nodes.iter().any(|n| n.shaped.is_some()));
        let st = st.reduce(Action::SetMode(Mode::Forward));
        assert_eq!(st.mode, Mode::Extended, "the other modes do not apply");
        // A shape error points into the program and keeps the last good graph.
        let id = st.trace_id;
        let bad = preset.program.replace("X @ W", "X @ X");
        let st = st.reduce(Action::SetProgram(bad.clone()));
        let e = st.error.clone().expect("a shape error");
        assert!(!e.in_values && e.message.contains("@"), "{e:?}");
        assert!(e.caret.contains('^'), "{e:?}");
        assert_eq!((st.trace_id, st.program.as_str()), (id, bad.as_str()));
        assert_eq!(
            st.trace_source.0, preset.program,
            "the exports' source is the good text"
        );
        // Ragged JSON points into the values field.
        let st = st.reduce(Action::SetProgram(preset.program.into()));
        let st = st.reduce(Action::SetValues(
            r#"{"X": [[1, 2], [3]], "W": [[1]]}"#.into(),
        ));
        let e = st.error.clone().expect("a ragged input");
        assert!(e.in_values, "{e:?}");
        assert!(e.message.contains("X"), "{e:?}");
    }

    #[test]
    fn a_tensor_permalink_waits_for_the_lab_and_keeps_its_step() {
        let preset = &adjoint_tensor::presets::all()[0];
        crate::lab::native::set_loaded(false);
        let st = Rc::new(AppState::from_url(&UrlState {
            program: Some(preset.program.into()),
            values: Some(preset.inputs.clone()),
            step: Some(3),
            ..UrlState::default()
        }));
        assert!(st.tensor && st.trace.is_none() && st.error.is_none());
        assert_eq!((&st.lab, st.step), (&Lab::Loading, 0));
        // Editing while it loads keeps waiting and keeps the text.
        let st = st.reduce(Action::SetValues(preset.inputs.clone()));
        assert_eq!(
            (&st.lab, st.values.as_str()),
            (&Lab::Loading, preset.inputs.as_str())
        );
        let failed = st.clone().reduce(Action::LabFailed("offline".into()));
        assert_eq!(failed.lab, Lab::Failed("offline".into()));
        crate::lab::native::set_loaded(true);
        let st = st.reduce(Action::LabLoaded);
        assert_eq!(st.lab, Lab::Idle);
        assert!(st
            .trace
            .as_ref()
            .is_some_and(|t| t.nodes.iter().any(|n| n.shaped.is_some())));
        assert_eq!(st.step, 3, "the permalink's step once the trace is there");
        // A scalar program in between forgets the awaited step.
        crate::lab::native::set_loaded(false);
        let st = st.reduce(Action::Load(preset.program.into(), preset.inputs.clone()));
        assert_eq!(st.lab, Lab::Loading);
        let st = st.reduce(Action::Load("x*y".into(), "x=1, y=2".into()));
        assert_eq!(st.awaited_step, None);
        crate::lab::native::set_loaded(true);
    }

    #[test]
    fn the_inspector_follows_the_action_and_closes_on_a_new_example() {
        let st = start().reduce(Action::Inspect(Some(1)));
        assert_eq!(st.inspect, Some(1));
        let st = st.reduce(Action::Next);
        assert_eq!(st.inspect, Some(1), "stepping keeps it open");
        let st = st.reduce(Action::Load("x*y".into(), "x=1, y=2".into()));
        assert_eq!(st.inspect, None);
    }
}
