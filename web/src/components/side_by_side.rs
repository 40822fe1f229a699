//! Backprop next to reverse AD by extending the graph (§2.5, `[data-testid=side-by-side]`):
//! the same program drawn twice, stepping together with the app's step index, once with
//! the adjoints written onto the forward nodes (`[data-testid=side-backprop]`) and once
//! growing adjoint nodes (`[data-testid=side-extended]`); under them, "differentiate
//! again" on the extended graph ([`OrderMeter`]). The two graphs have no toolbar (its
//! buttons have page-wide ids) and no inspector, so nothing in them takes keyboard focus.
//! On narrow screens they stack (lessons.css).

use std::cell::Cell;
use std::rc::Rc;

use adjoint_engine::{frame_at, Mode, Trace};
use adjoint_layout::Layout;
use yew::prelude::*;

use crate::components::graph_parts::Shared;
use crate::components::graph_view::GraphView;
use crate::components::order_meter::OrderMeter;
use crate::graph_model::build_layout;
use crate::i18n::{Key, Lang};

/// One side: its trace, the trace's layout and an id that changes with the trace.
#[derive(Clone)]
pub struct Side {
    /// The run.
    pub trace: Rc<Trace>,
    /// Its layout, or why it failed.
    pub layout: Rc<Result<Layout, String>>,
    /// Changes whenever the trace does (the graph view resets its zoom on it).
    pub id: u64,
}

thread_local! {
    /// Ids of the side graphs' traces, far from the app's own trace ids.
    static NEXT_ID: Cell<u64> = const { Cell::new(1 << 40) };
}

/// Runs `program` in backprop and in extended mode and lays both out; `None` when it
/// does not run (the editor shows the error).
pub fn sides(program: &str, values: &str) -> Option<[Side; 2]> {
    let run = |mode: Mode| -> Option<Side> {
        let trace = adjoint_engine::run(program, values, mode, 0).ok()?;
        let layout = build_layout(&trace);
        let id = NEXT_ID.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        Some(Side {
            trace: Rc::new(trace),
            layout: Rc::new(layout),
            id,
        })
    };
    Some([run(Mode::Backprop)?, run(Mode::Extended)?])
}

/// Props of [`SideBySide`].
#[derive(Properties, PartialEq)]
pub struct SideBySideProps {
    /// The program (scalar).
    pub program: AttrValue,
    /// Its values.
    pub values: AttrValue,
    /// Steps applied, shared by both sides (each clamps it to its own length).
    pub step: usize,
    /// The interface language.
    pub lang: Lang,
}

/// The two graphs and the order meter.
#[function_component(SideBySide)]
pub fn side_by_side(props: &SideBySideProps) -> Html {
    let lang = props.lang;
    let sides = use_memo((props.program.clone(), props.values.clone()), |(p, v)| {
        sides(p, v)
    });
    let Some(sides) = sides.as_ref() else {
        return html! {};
    };
    let pane = |side: &Side, testid: &'static str, title: Key| {
        let t = &side.trace;
        let k = props.step.min(t.steps.len());
        let frame = Rc::new(frame_at(t, k));
        html! {
            <div class="side-pane" data-testid={testid} data-step={k.to_string()}>
                <h3 class="side-title">{ lang.t(title) }</h3>
                <GraphView trace={Shared(t.clone())} layout={Shared(side.layout.clone())} trace_id={side.id}
                    frame={Shared(frame)} toolbar={false} {lang} />
            </div>
        }
    };
    html! {
        <section class="side-by-side" data-testid="side-by-side">
            <div class="side-panes">
                { pane(&sides[0], "side-backprop", Key::SideBackprop) }
                { pane(&sides[1], "side-extended", Key::SideReverseAd) }
            </div>
            <div class="panel">
                <OrderMeter {lang} program={props.program.clone()} values={props.values.clone()} />
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The number of nodes on screen in `trace` after `step` steps (clamped).
    fn shown_at(trace: &Trace, step: usize) -> usize {
        let f = frame_at(trace, step.min(trace.steps.len()));
        f.visible.iter().filter(|v| **v).count()
    }

    #[test]
    fn backprop_keeps_the_forward_graph_while_the_extended_graph_grows() {
        let [b, e] = sides("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5").expect("runs");
        assert_ne!(b.id, e.id);
        let last = b.trace.steps.len().max(e.trace.steps.len());
        for k in 0..=last {
            assert_eq!(shown_at(&b.trace, k), 7, "backprop adds no node (step {k})");
        }
        assert_eq!(shown_at(&e.trace, 0), 7);
        assert!(shown_at(&e.trace, last) > 7 + 5, "the adjoint nodes appear");
        assert!(sides("ln(", "x1=2").is_none());
    }
}
