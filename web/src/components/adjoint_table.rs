//! The table of adjoints (`table[data-testid=adjoint-table]`): one row per visited node (or
//! per tangent in forward mode) with the equation as MathML and the rounded value. Each row
//! is a keyed component ([`TableRow`]) whose props are the trace (by pointer), its step and
//! whether it is current, so a step renders only the row it adds and the rows whose
//! highlight changes, not every formula again. A long table draws only the rows near its
//! visible ones (`row_window`).

use adjoint_engine::{Frame, Mode, StepKind, Trace};
use yew::prelude::*;

use crate::components::graph_parts::Shared;
use crate::components::row_window::use_row_window;
use crate::i18n::{Key, Lang};

/// Props of [`AdjointTable`].
#[derive(Properties, PartialEq)]
pub struct AdjointTableProps {
    /// The trace on screen.
    pub trace: Shared<Trace>,
    /// Step indexes of the rows so far.
    pub rows: Vec<usize>,
    /// The step just applied.
    pub current: Option<usize>,
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// The label of the node where a planted bug first diverges (bug hunt), if any.
    #[prop_or_default]
    pub diverging: Option<AttrValue>,
}

/// The table's rows: `frame.rows`, plus the seed step when the trace never visits the
/// output (reverse mode records v̄_out = 1 only as its seed), so every node gets a row.
pub fn table_rows(t: &Trace, f: &Frame) -> Vec<usize> {
    let mut rows = f.rows.clone();
    let mut seeds = t
        .steps
        .iter()
        .enumerate()
        .take(f.k)
        .filter(|(_, s)| s.kind == StepKind::Seed)
        .peekable();
    if seeds.peek().is_none() {
        return rows;
    }
    for (i, s) in seeds {
        let visited = t
            .steps
            .iter()
            .any(|o| o.kind == StepKind::Visit && o.node == s.node);
        if !visited {
            rows.push(i);
        }
    }
    adjoint_order::sort(&mut rows);
    rows
}

/// The adjoint (or tangent) table. Past [`LONG`](crate::components::row_window::LONG) rows
/// it is windowed ([`use_row_window`]): it scrolls in a box of its own under a sticky
/// header, only the rows near the visible ones are drawn, and a step scrolls its row into
/// view.
#[function_component(AdjointTable)]
pub fn adjoint_table(props: &AdjointTableProps) -> Html {
    let t = &props.trace;
    let forward = t.mode == Mode::Forward;
    let l = props.lang;
    let (title, about) = if forward {
        (Key::TableTangents, Key::TableTangentsSub)
    } else {
        (Key::TableAdjoints, Key::TableAdjointsSub)
    };
    let focus = props
        .current
        .and_then(|c| props.rows.iter().position(|&r| r == c));
    // The trace's allocation names its rows (see `use_row_window`).
    let owner = t.addr();
    let window = use_row_window(props.rows.len(), focus, owner);
    let shown = window.rows.clone();
    html! {
        <section class="panel" aria-labelledby="table-title">
            <h2 id="table-title">{ l.t(title) }</h2>
            <p class="hint">{ l.t(about) }</p>
            <div ref={window.scroller} onscroll={window.onscroll} class={classes!("row-scroll", window.long.then_some("is-long"))}>
            // Explicit roles: style.css lays long tables' rows out as grids, not as a CSS
            // table; the row count and indexes tell assistive technology about the rows
            // that are not drawn.
            <table class={classes!("adjoint-table", window.long.then_some("is-long"))} data-testid="adjoint-table" role="table"
                aria-rowcount={(props.rows.len() + 1).to_string()}>
                // Keyed like the chunks after it: a list with one unkeyed child is diffed by
                // position, so a window that dropped its first chunk rebuilt the next one
                // (16 rows of MathML, ~2,300 DOM changes) and re-inserted the header.
                <thead key="head" role="rowgroup"><tr role="row" aria-rowindex="1"><th scope="col" role="columnheader">{l.t(Key::ColNode)}</th><th scope="col" role="columnheader">{l.t(Key::ColValue)}</th><th scope="col" role="columnheader">{l.t(Key::ColEquation)}</th></tr></thead>
                // In chunks of ROW_CHUNK rows, each a tbody of its own (see TableChunk), keyed
                // by their place in the whole table, so a window that slides by a row changes
                // only its first and last chunks.
                { for (shown.start / ROW_CHUNK..shown.end.div_ceil(ROW_CHUNK)).map(|c| {
                    let part = shown.start.max(c * ROW_CHUNK)..shown.end.min((c + 1) * ROW_CHUNK);
                    let rows: Vec<RowLook> = part.filter_map(|index| {
                        let i = *props.rows.get(index)?;
                        Some(RowLook {
                            index,
                            step: i,
                            current: props.current == Some(i),
                            diverging: props.diverging.as_ref().is_some_and(|d| props.trace.steps.get(i).and_then(|s| props.trace.nodes.get(s.node as usize)).is_some_and(|n| n.label == d.as_str())),
                        })
                    }).collect();
                    html! { <TableChunk key={c} trace={props.trace.clone()} {rows} /> }
                }) }
            </table>
            </div>
            if props.rows.is_empty() {
                <p class="hint">{ l.t(if forward { Key::NoTangentYet } else { Key::NoVisitYet }) }</p>
            }
        </section>
    }
}

/// Rows per `tbody` of the table: each chunk is a component ([`TableChunk`]), so a step
/// renders and diffs only the chunks it changes, not a component per row.
const ROW_CHUNK: usize = 16;

/// What a step may change about one row of a [`TableChunk`].
#[derive(Clone, Copy, PartialEq)]
pub struct RowLook {
    /// The row's place in the whole table (0 = first row under the header).
    pub index: usize,
    /// The step whose result the row shows.
    pub step: usize,
    /// Is it the step just applied?
    pub current: bool,
    /// Is its node where a planted bug first diverges?
    pub diverging: bool,
}

/// Props of [`TableChunk`].
#[derive(Properties, PartialEq)]
pub struct TableChunkProps {
    /// The trace on screen.
    pub trace: Shared<Trace>,
    /// The chunk's rows, in order.
    pub rows: Vec<RowLook>,
}

/// A `tbody` of up to [`ROW_CHUNK`] rows, one component, so a step that changes none of
/// them costs one compare.
#[function_component(TableChunk)]
pub fn table_chunk(props: &TableChunkProps) -> Html {
    html! {
        <tbody role="rowgroup">
            { for props.rows.iter().map(|r| html! {
                <TableRow key={r.step} trace={props.trace.clone()} index={r.index} step={r.step} current={r.current} diverging={r.diverging} />
            }) }
        </tbody>
    }
}

/// The longest value (in characters) that surely fits the value column: 8.5rem less padding
/// holds ~14 monospace characters at the table's 0.9rem. A longer one (a tensor's, a large
/// number's) makes its cell a sideways scroller (`is-wide`); the others are plain cells, since
/// a scroll box per row gave each its own clip and scroll nodes to build, paint and layerize
/// (2–4 ms of every step late in a 300-node trace).
const VALUE_FITS: usize = 12;

/// Props of [`TableRow`].
#[derive(Properties, PartialEq)]
pub struct TableRowProps {
    /// The trace on screen.
    pub trace: Shared<Trace>,
    /// The row's place in the whole table (`data-row`, measured by the window).
    pub index: usize,
    /// The step whose result the row shows.
    pub step: usize,
    /// Is it the step just applied?
    pub current: bool,
    /// Is its node where a planted bug first diverges?
    #[prop_or_default]
    pub diverging: bool,
}

/// One row: `tr[data-testid=adjoint-row][data-node]`.
#[function_component(TableRow)]
pub fn table_row(props: &TableRowProps) -> Html {
    let t = &props.trace;
    let Some(s) = t.steps.get(props.step) else {
        return html! {};
    };
    let label = t
        .nodes
        .get(s.node as usize)
        .map(|n| n.label.clone())
        .unwrap_or_default();
    let value = crate::tensor_view::step_value(&props.trace, s);
    html! {
        <tr data-testid="adjoint-row" data-node={label.clone()} role="row" data-row={props.index.to_string()}
            aria-rowindex={(props.index + 2).to_string()}
            class={classes!(props.current.then_some("is-current"), props.diverging.then_some("is-diverging"))}>
            <td role="cell">{ label }</td>
            <td class={if value.chars().count() > VALUE_FITS { "adjoint-value num is-wide" } else { "adjoint-value num" }} data-testid="adjoint-value" role="cell">{ value }</td>
            <td class="formula" role="cell">{ crate::math::chain_lines(&s.equation) }</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adjoint_engine::frame_at;

    #[test]
    fn every_mode_ends_with_one_row_per_forward_node() {
        for mode in Mode::ALL {
            let t = adjoint_engine::run("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5", mode, 0)
                .expect("runs");
            let rows = table_rows(&t, &frame_at(&t, t.steps.len()));
            let mut nodes: Vec<u32> = rows.iter().map(|&r| t.steps[r].node).collect();
            nodes.sort_unstable();
            assert_eq!(nodes, (0..7).collect::<Vec<u32>>(), "{mode:?}");
            assert!(table_rows(&t, &frame_at(&t, 0)).is_empty());
        }
    }
}

/// Component render tests: Yew's server renderer draws a component to a string in a plain
/// native `cargo test` (the `ssr` feature comes from a native-only dev-dependency, so the
/// wasm build never has it).
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod render_tests {
    use super::*;
    use adjoint_engine::frame_at;
    use std::rc::Rc;

    /// Renders `C` with `props` to HTML (no hydration markers), on a tokio `LocalSet`
    /// because the props hold `Rc`s.
    pub(crate) async fn render<C>(props: C::Properties) -> String
    where
        C: BaseComponent,
    {
        tokio::task::LocalSet::new()
            .run_until(
                yew::LocalServerRenderer::<C>::with_props(props)
                    .hydratable(false)
                    .render(),
            )
            .await
    }

    /// The `<tr …>…</tr>` of the row whose `data-node` is `label`.
    fn row<'a>(html: &'a str, label: &str) -> &'a str {
        let at = html
            .find(&format!(r#"data-node="{label}""#))
            .unwrap_or_else(|| panic!("no row for {label} in {html}"));
        let start = html[..at].rfind("<tr").unwrap_or(at);
        let end = html[at..].find("</tr>").map_or(html.len(), |e| at + e);
        &html[start..end]
    }

    /// The table of `t` (in English) at step `k`.
    async fn table_at(t: &Rc<Trace>, k: usize) -> String {
        let f = frame_at(t, k);
        let props = AdjointTableProps {
            trace: Shared(t.clone()),
            rows: table_rows(t, &f),
            current: f.current,
            lang: Lang::En,
            diverging: None,
        };
        render::<AdjointTable>(props).await
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_last_reverse_step_shows_v2_bar_equal_1_716() {
        let t = Rc::new(
            adjoint_engine::run("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5", Mode::Reverse, 0)
                .expect("runs"),
        );
        let html = table_at(&t, t.steps.len()).await;
        assert!(html.contains(r#"data-testid="adjoint-table""#), "{html}");
        assert_eq!(html.matches(r#"data-testid="adjoint-row""#).count(), 7);
        // v̄2 = v̄5·cos v2 + v̄4·v1 = −1 × 0.284 + 1 × 2 = 1.716
        let v2 = row(&html, "v2");
        assert!(
            v2.contains(r#"data-testid="adjoint-value""#) && v2.contains(">1.716</td>"),
            "{v2}"
        );
        assert!(v2.contains("<math"), "the equation is MathML: {v2}");
        assert!(row(&html, "v1").contains(">5.5</td>"));
        assert!(
            !html.contains("is-current"),
            "the last step (return) has no row"
        );
        // The step before visits v1 (v̄1 = v̄4·v2 + v̄3/v1 = 5.5): its row is the current one.
        let html = table_at(&t, t.steps.len() - 1).await;
        let v1 = row(&html, "v1");
        assert!(v1.contains("is-current"), "{v1}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn only_a_long_value_makes_its_cell_a_sideways_scroller() {
        // y = x1·x2: v̄1 = x2 (13 characters, may not fit), v̄2 = x1 (fits).
        let t = Rc::new(
            adjoint_engine::run("x1*x2", "x1=2, x2=-98765432.001", Mode::Reverse, 0).expect("runs"),
        );
        let html = table_at(&t, t.steps.len()).await;
        let (v1, v2) = (row(&html, "v1"), row(&html, "v2"));
        assert!(v1.contains(">-98765432.001</td>"), "{v1}");
        assert!(v1.contains(r#"class="adjoint-value num is-wide""#), "{v1}");
        assert!(v2.contains(r#"class="adjoint-value num""#), "{v2}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn step_zero_says_no_node_is_visited_yet() {
        let t = Rc::new(
            adjoint_engine::run("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5", Mode::Reverse, 0)
                .expect("runs"),
        );
        let html = table_at(&t, 0).await;
        assert!(!html.contains("adjoint-row"), "{html}");
        assert!(html.contains("No node visited yet"), "{html}");
    }
}
