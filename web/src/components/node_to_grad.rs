//! `node_to_grad` as it stands (`[data-testid=node-to-grad]`): each node with the partial
//! adjoints it has received as chips; once the node is visited, the list is shown summed.
//! Each entry is a keyed component ([`GradEntry`]), so a step renders only the entries it
//! changes. A long list draws only the entries near its visible ones (`row_window`).

use adjoint_engine::frame::GradList;
use adjoint_engine::render::text;

use crate::tensor_view::step_value;
use adjoint_engine::{Mode, StepKind, Trace};
use yew::prelude::*;

use crate::components::graph_parts::Shared;
use crate::components::narration::with_subscripts;
use crate::components::row_window::use_row_window;
use crate::i18n::{Key, Lang};

/// Props of [`NodeToGrad`].
#[derive(Properties, PartialEq)]
pub struct NodeToGradProps {
    /// The trace on screen.
    pub trace: Shared<Trace>,
    /// The lists.
    pub lists: Vec<GradList>,
    /// The step just applied.
    pub current: Option<usize>,
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
}

/// The text of a chip: the name the step gives its result (`v̄_{2→4}`).
pub fn chip_text(t: &Trace, step: u32) -> String {
    t.steps
        .get(step as usize)
        .and_then(|s| s.equation.first())
        .map(text::text)
        .unwrap_or_default()
}

/// The number an entry stands for so far: once summed, the visit's value (v̄_i); in
/// backprop, where `.grad` accumulates in place, the latest running total.
pub fn entry_value(t: &Trace, g: &GradList, current: Option<usize>) -> Option<String> {
    let upto = current?;
    if t.mode == Mode::Backprop {
        let last = *g.chips.last()? as usize;
        return t.steps.get(last).map(|s| step_value(t, s));
    }
    if !g.summed {
        return None;
    }
    t.steps
        .iter()
        .take(upto + 1)
        .rev()
        .find(|s| s.kind == StepKind::Visit && s.node == g.node)
        .map(|s| step_value(t, s))
}

/// The panel. A long list (past [`LONG`](crate::components::row_window::LONG) entries) is
/// windowed like the adjoint table: it scrolls in a box of its own, only the entries near
/// the visible ones are drawn, and a step scrolls the entry it touches into view.
#[function_component(NodeToGrad)]
pub fn node_to_grad(props: &NodeToGradProps) -> Html {
    let (t, l) = (&props.trace, props.lang);
    let cur = props.current.map(|c| c as u32);
    let step = props.current.and_then(|c| t.steps.get(c));
    let is_current = |g: &GradList| {
        let holds_current = cur.is_some_and(|c| g.chips.contains(&c));
        (
            holds_current,
            holds_current || step.is_some_and(|s| s.node == g.node && g.summed),
        )
    };
    // The visited node's entry, else the first one given a chip.
    let focus = step
        .and_then(|s| {
            props
                .lists
                .iter()
                .position(|g| g.node == s.node && g.summed)
        })
        .or_else(|| props.lists.iter().position(|g| is_current(g).0));
    let owner = t.addr();
    let window = use_row_window(props.lists.len(), focus, owner);
    let count = AttrValue::from(props.lists.len().to_string());
    html! {
        <section class="panel hide-when-presenting" aria-labelledby="ntg-title">
            <h2 id="ntg-title">{ l.t(if t.mode == Mode::Backprop { Key::NtgBackpropTitle } else { Key::NtgTitle }) }</h2>
            <div ref={window.scroller} onscroll={window.onscroll} class={classes!("row-scroll", window.long.then_some("is-long"))}>
            <ul class={classes!("node-to-grad", window.long.then_some("is-long"))} data-testid="node-to-grad">
                { for props.lists[window.rows.clone()].iter().enumerate().map(|(k, g)| {
                    let (holds_current, current) = is_current(g);
                    html! {
                        <GradEntry key={g.node} trace={props.trace.clone()} list={g.clone()} {current} lang={l}
                            index={window.rows.start + k} count={count.clone()}
                            new_chip={cur.filter(|_| holds_current)}
                            value={entry_value(t, g, props.current).map(AttrValue::from)} />
                    }
                }) }
            </ul>
            </div>
            if props.lists.is_empty() {
                <p class="hint">{l.t(Key::NtgEmpty)}</p>
            }
        </section>
    }
}

/// Props of [`GradEntry`].
#[derive(Properties, PartialEq)]
pub struct GradEntryProps {
    /// The trace on screen.
    pub trace: Shared<Trace>,
    /// The node and its chips.
    pub list: GradList,
    /// Touched by the step just applied.
    pub current: bool,
    /// The chip the step just applied added, if it is in this list.
    pub new_chip: Option<u32>,
    /// The number the entry stands for so far ([`entry_value`]).
    pub value: Option<AttrValue>,
    /// The entry's place in the whole list (`data-row`, measured by the window).
    pub index: usize,
    /// The number of entries in the whole list.
    pub count: AttrValue,
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
}

/// One entry: `li.ntg-entry[data-node]`.
#[function_component(GradEntry)]
pub fn grad_entry(props: &GradEntryProps) -> Html {
    let (t, g) = (&props.trace, &props.list);
    let label = t
        .nodes
        .get(g.node as usize)
        .map(|n| n.label.clone())
        .unwrap_or_default();
    let chips: Vec<String> = g.chips.iter().map(|&c| chip_text(t, c)).collect();
    html! {
        <li class={classes!("ntg-entry", props.current.then_some("is-current"), g.summed.then_some("is-summed"))}
            data-node={label.clone()} data-row={props.index.to_string()}
            aria-posinset={(props.index + 1).to_string()} aria-setsize={props.count.clone()}>
            <span class="ntg-key">{ format!("{label}:") }</span>
            if g.summed {
                <span class="ntg-sum" title={props.lang.t(Key::NtgSumTitle)}>
                    { with_subscripts(&format!("Σ [{}]", chips.join(" + "))) }
                </span>
            } else {
                {"["}
                { for g.chips.iter().zip(&chips).map(|(&c, text)| html! {
                    <span class={classes!("ntg-item", (Some(c) == props.new_chip).then_some("is-new"))}
                        title={t.steps.get(c as usize).map(|s| step_value(t, s))}>{ with_subscripts(text) }</span>
                }) }
                {"]"}
            }
            if let Some(v) = props.value.clone() {
                <span class="ntg-value num">{ format!("= {v}") }</span>
            }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adjoint_engine::frame_at;

    #[test]
    fn entries_show_their_sum_once_visited() {
        let t = adjoint_engine::run("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5", Mode::Reverse, 0)
            .expect("runs");
        let f = frame_at(&t, t.steps.len());
        let v2 = f
            .node_to_grad
            .iter()
            .find(|g| g.node == 1)
            .expect("v2 has a list");
        assert_eq!(chip_text(&t, v2.chips[0]), "v̄_{2→5}");
        assert_eq!(entry_value(&t, v2, f.current).as_deref(), Some("1.716"));
        let b = adjoint_engine::run("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5", Mode::Backprop, 0)
            .expect("runs");
        let fb = frame_at(&b, b.steps.len());
        let v1 = fb
            .node_to_grad
            .iter()
            .find(|g| g.node == 0)
            .expect("v1 has a list");
        assert_eq!(entry_value(&b, v1, fb.current).as_deref(), Some("5.5"));
    }
}
