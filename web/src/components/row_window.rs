//! Windowing for the long lists beside the graph (the adjoint table and `node_to_grad` past
//! [`LONG`] rows): each gets a scroll box of its own, only the rows near its visible part are
//! in the DOM, and a step scrolls the row it touches into view.
//!
//! Late in a 300-node trace the two lists hold ~250 rows each. Even skipped by
//! `content-visibility`, every row still took part in each step's layout, pre-paint and
//! layerize (the cells scroll sideways, so each is a scroller of its own): ~20 ms of a step's
//! main-thread work. A window of a few dozen rows costs the same at row 30 as at row 3,000.
//!
//! Rows may differ in height (a fraction in a formula, a wrapped list of chips), so heights
//! are measured after each render ([`RowHeights`]); rows never rendered count as the
//! typical measured height. The rows above and below the window are stood in for by two
//! lengths, `--skip-before` and `--skip-after`, set on the list through the CSSOM
//! (a strict `style-src` policy allows that, not `style` attributes); style.css turns them
//! into space. Rendered rows carry `data-row` (their index), which is how they are measured.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Lists with more rows than this are windowed (and `is-long` in style.css). Shorter ones,
/// like the lecture's, are drawn whole: there the bookkeeping costs more than it saves.
pub const LONG: usize = 32;

/// Rows drawn beyond the visible part on each side, in pixels, so that a quick flick shows
/// rows rather than blank space before the next render.
const OVERSCAN_PX: f64 = 240.0;

/// The scroll box's height before it has been measured (the first render of a long list).
const FIRST_VIEW_PX: f64 = 600.0;

/// A row's height before any row has been measured.
const FIRST_ESTIMATE_PX: f64 = 32.0;

/// The measured height of each row of a list, and what stands in for the unmeasured ones.
#[derive(Clone, Debug, PartialEq)]
pub struct RowHeights {
    /// Height of row `i`, or `None` while it has never been drawn.
    known: Vec<Option<f64>>,
    /// The height assumed for unmeasured rows: the first measured one.
    estimate: f64,
}

impl Default for RowHeights {
    fn default() -> Self {
        Self {
            known: Vec::new(),
            estimate: FIRST_ESTIMATE_PX,
        }
    }
}

impl RowHeights {
    /// Follows the list to `len` rows (rows past it are forgotten; a new trace starts over
    /// through [`RowHeights::clear`]).
    pub fn resize(&mut self, len: usize) {
        self.known.resize(len, None);
    }

    /// Forgets every measurement (another trace: other rows).
    pub fn clear(&mut self) {
        self.known.clear();
    }

    /// Records that row `i` is `h` pixels tall; the first height measured becomes the
    /// estimate for the rows not yet drawn. Returns whether anything changed.
    pub fn set(&mut self, i: usize, h: f64) -> bool {
        if !(h.is_finite() && h > 0.0) {
            return false;
        }
        if self.known.iter().all(Option::is_none) {
            self.estimate = h;
        }
        match self.known.get_mut(i) {
            Some(slot) if *slot != Some(h) => {
                *slot = Some(h);
                true
            }
            _ => false,
        }
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// Row `i`'s height, measured or estimated.
    fn height(&self, i: usize) -> f64 {
        self.known
            .get(i)
            .copied()
            .flatten()
            .unwrap_or(self.estimate)
    }

    /// The distance from the first row's top to row `i`'s top (`i == len`: the total).
    pub fn top(&self, i: usize) -> f64 {
        (0..i.min(self.len())).map(|r| self.height(r)).sum()
    }

    /// The height of all rows.
    pub fn total(&self) -> f64 {
        self.top(self.len())
    }

    /// The row at distance `y` below the first row's top (clamped to the rows there are).
    fn row_at(&self, y: f64) -> usize {
        let mut top = 0.0;
        for i in 0..self.len() {
            top += self.height(i);
            if top > y {
                return i;
            }
        }
        self.len().saturating_sub(1)
    }

    /// The rows to draw when the scroll box shows `view` pixels from `scroll` on: the visible
    /// ones plus [`OVERSCAN_PX`] each side. Not rounded to blocks: a step that scrolls by a
    /// row then draws one row more and one fewer, where a block-aligned window drew nothing
    /// new for a while and then a whole block at once (the slow steps of the p95).
    pub fn window(&self, scroll: f64, view: f64) -> Range<usize> {
        self.window_with(scroll, view, OVERSCAN_PX)
    }

    /// The visible rows and `margin` pixels of rows each side.
    fn window_with(&self, scroll: f64, view: f64, margin: f64) -> Range<usize> {
        if self.is_empty() {
            return 0..0;
        }
        let first = self.row_at((scroll - margin).max(0.0));
        let last = self.row_at(scroll + view + margin) + 1;
        first..last.min(self.len())
    }

    /// Whether `drawn` still serves a box scrolled to `scroll`: it holds the visible rows and
    /// half the overscan each side. Otherwise the window is drawn anew (not on every small
    /// change, so a measurement off by a pixel does not cost a render).
    pub fn serves(&self, drawn: &Range<usize>, scroll: f64, view: f64) -> bool {
        let need = self.window_with(scroll, view, OVERSCAN_PX / 2.0);
        need.is_empty() || (drawn.start <= need.start && drawn.end >= need.end)
    }

    /// Where to scroll so that row `i` shows in a box `view` pixels tall now scrolled to
    /// `scroll`, with `header` pixels at its top covered (a sticky header): `None` when it
    /// shows already; otherwise the row's middle goes to the middle of the uncovered part.
    pub fn scroll_to_show(&self, i: usize, scroll: f64, view: f64, header: f64) -> Option<f64> {
        if i >= self.len() || view <= 0.0 {
            return None;
        }
        let (top, h) = (self.top(i), self.height(i));
        // `top` is measured from the first row, which sits below the header.
        let (row_top, row_bottom) = (top + header, top + header + h);
        if row_top >= scroll + header && row_bottom <= scroll + view {
            return None;
        }
        let middle = header + (view - header) / 2.0;
        let wanted = row_top + h / 2.0 - middle;
        let most = (self.total() + header - view).max(0.0);
        Some(wanted.clamp(0.0, most))
    }
}

/// What [`use_row_window`] keeps between renders.
struct WindowState {
    /// The rows' heights.
    heights: RowHeights,
    /// The trace (or list) the heights belong to.
    owner: u64,
    /// The scroll box's scroll offset and height as last seen.
    scroll: f64,
    view: f64,
    /// The height of the box's sticky header (above the first row).
    header: f64,
    /// The row last scrolled into view.
    focus: Option<usize>,
    /// A scroll offset the next frame applies (set when a step moved the focus).
    pending: Option<f64>,
    /// The rows drawn by the latest render.
    drawn: Range<usize>,
    /// The lengths last written to the box, so unchanged ones are not written again.
    written: (String, String),
}

/// A list's window: the rows to draw, the scroll box to attach `scroller` and `onscroll`
/// to, and whether the list is long enough to be windowed at all.
pub struct RowWindow {
    /// The rows to draw (all of them when the list is short).
    pub rows: Range<usize>,
    /// Whether the list is windowed (more than [`LONG`] rows).
    pub long: bool,
    /// The scroll box.
    pub scroller: NodeRef,
    /// Its scroll handler.
    pub onscroll: Callback<Event>,
}

/// Windows a list of `len` rows whose row `focus` a step just touched. `owner` names the
/// rows (a trace's id): a new owner forgets the heights measured for the old rows.
#[hook]
pub fn use_row_window(len: usize, focus: Option<usize>, owner: u64) -> RowWindow {
    let scroller = use_node_ref();
    let redraw = use_force_update();
    let state = use_mut_ref(|| WindowState {
        heights: RowHeights::default(),
        owner,
        scroll: 0.0,
        view: FIRST_VIEW_PX,
        header: 0.0,
        focus: None,
        pending: None,
        drawn: 0..0,
        written: (String::new(), String::new()),
    });
    let long = len > LONG;
    let rows = plan(&mut state.borrow_mut(), len, focus, owner, long);
    // The stand-ins change before the rows do (this render patches the DOM next): rows
    // leaving the window with the stand-in not yet grown would shorten the box for a moment,
    // and a layout then (another component's effect may force one) would pull the scroll
    // offset back to fit, losing the step's row out of view.
    if long {
        if let Some(el) = scroller.cast::<HtmlElement>() {
            write_skips(&mut state.borrow_mut(), &el);
        }
    }
    // Measuring reads layout, so it waits for the next animation frame: by then every
    // component of the step has rendered and run its effects, and the layout it forces is
    // the one the frame needs anyway. Measured in an effect, it forced a whole-page layout
    // that later effects (the graph's pan, the other list) invalidated again.
    let frame = use_mut_ref(|| None::<AnimationFrame>);
    {
        let (state, scroller, redraw) = (state.clone(), scroller.clone(), redraw.clone());
        use_effect(move || {
            if long {
                // A newer render replaces (and so cancels) a frame still pending.
                *frame.borrow_mut() = Some(request_animation_frame(move |_| {
                    if let Some(el) = scroller.cast::<HtmlElement>() {
                        if settle(&state, &el) {
                            redraw.force_update();
                        }
                    }
                }));
            }
        });
    }
    let onscroll = {
        let (state, scroller) = (state.clone(), scroller.clone());
        Callback::from(move |_: Event| {
            let Some(el) = scroller.cast::<HtmlElement>() else {
                return;
            };
            let mut st = state.borrow_mut();
            st.scroll = f64::from(el.scroll_top());
            st.view = f64::from(el.client_height());
            if !st.heights.serves(&st.drawn, st.scroll, st.view) {
                drop(st);
                redraw.force_update();
            }
        })
    };
    RowWindow {
        rows,
        long,
        scroller,
        onscroll,
    }
}

/// A render's half: which rows to draw, scrolling (in the next frame, [`settle`]) to a newly
/// touched row that is out of view.
fn plan(
    st: &mut WindowState,
    len: usize,
    focus: Option<usize>,
    owner: u64,
    long: bool,
) -> Range<usize> {
    if st.owner != owner {
        st.owner = owner;
        st.heights.clear();
        st.focus = None;
    }
    st.heights.resize(len);
    if !long {
        st.drawn = 0..len;
        return 0..len;
    }
    if focus != st.focus {
        st.focus = focus;
        if let Some(to) =
            focus.and_then(|i| st.heights.scroll_to_show(i, st.scroll, st.view, st.header))
        {
            st.scroll = to;
            st.pending = Some(to);
        }
    }
    st.drawn = st.heights.window(st.scroll, st.view);
    st.drawn.clone()
}

/// An animation frame's half, after the rows are in the DOM: write the stand-in lengths, measure the
/// rows, write the lengths again if the measurements moved them, apply a pending scroll.
/// Returns whether the window should be drawn again (the measured heights moved it).
fn settle(state: &Rc<RefCell<WindowState>>, el: &HtmlElement) -> bool {
    let mut st = state.borrow_mut();
    // The rows just drawn sit below the skipped ones: written first, measured next.
    let skipped = write_skips(&mut st, el);
    st.view = f64::from(el.client_height());
    let mut first_top = None;
    if let Ok(rows) = el.query_selector_all("[data-row]") {
        for k in 0..rows.length() {
            let Some(row) = rows.item(k).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
                continue;
            };
            let Some(i) = row
                .get_attribute("data-row")
                .and_then(|v| v.parse::<usize>().ok())
            else {
                continue;
            };
            let rect = row.get_bounding_client_rect();
            st.heights.set(i, rect.height());
            if i == st.drawn.start {
                first_top = Some(rect.top());
            }
        }
    }
    // The header (a sticky one) is what lies between the box's top and the first row when
    // scrolled to the top: the first drawn row's place, less the rows skipped above it.
    if let Some(top) = first_top {
        let box_top = el.get_bounding_client_rect().top() + f64::from(el.client_top());
        let header = top - box_top + f64::from(el.scroll_top()) - skipped;
        if header.is_finite() && header >= 0.0 {
            st.header = header;
        }
    }
    write_skips(&mut st, el);
    if st.pending.take().is_some() {
        // Measured now: aim again at the touched row with its true place.
        let scroll = f64::from(el.scroll_top());
        let to = st
            .focus
            .and_then(|i| st.heights.scroll_to_show(i, scroll, st.view, st.header))
            .unwrap_or(scroll);
        // Scroll offsets are whole pixels in the DOM API (`scrollTop` as i32 here).
        el.set_scroll_top(to.round() as i32);
    }
    st.scroll = f64::from(el.scroll_top());
    !st.heights.serves(&st.drawn, st.scroll, st.view)
}

/// Writes `--skip-before` and `--skip-after` (the heights of the rows above and below the
/// window) on the list, the box's first element, each only when it changed; returns the
/// first.
///
/// style.css registers both as not inherited (`@property`), so a new length restyles the
/// list and the one element that takes it from there, not every row: as inherited custom
/// properties on the box they restyled all ~900 elements of the drawn rows (their MathML
/// too), 8–15 ms in one step of three late in a 300-node trace.
fn write_skips(st: &mut WindowState, el: &HtmlElement) -> f64 {
    // `+ 0.0` turns an empty sum's −0.0 into 0.0.
    let before = st.heights.top(st.drawn.start) + 0.0;
    let after = (st.heights.total() - st.heights.top(st.drawn.end)).max(0.0) + 0.0;
    let (b, a) = (format!("{before}px"), format!("{after}px"));
    // Only the list takes them (they are not inherited): without one there is nothing to set.
    let Some(list) = el
        .first_element_child()
        .and_then(|c| c.dyn_into::<HtmlElement>().ok())
    else {
        return before;
    };
    let style = list.style();
    // Failing to write only leaves the old length: the scrollbar is off until the next step.
    if st.written.0 != b {
        let _ = style.set_property("--skip-before", &b);
        st.written.0 = b;
    }
    if st.written.1 != a {
        let _ = style.set_property("--skip-after", &a);
        st.written.1 = a;
    }
    before
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(heights: &[f64]) -> RowHeights {
        let mut h = RowHeights::default();
        h.resize(heights.len());
        for (i, &x) in heights.iter().enumerate() {
            h.set(i, x);
        }
        h
    }

    #[test]
    fn unmeasured_rows_count_as_the_first_measured_height() {
        let mut h = RowHeights::default();
        h.resize(100);
        h.set(3, 20.0);
        h.set(4, 50.0);
        assert_eq!(h.top(3), 60.0);
        assert_eq!(h.top(5), 60.0 + 20.0 + 50.0);
        assert_eq!(h.total(), 99.0 * 20.0 + 50.0);
        assert!(!h.set(4, 50.0), "the same height again changes nothing");
        assert!(!h.set(4, f64::NAN) && !h.set(4, 0.0), "nonsense is ignored");
    }

    #[test]
    fn the_window_covers_the_view_and_a_margin() {
        let h = rows(&[20.0; 300]);
        // Rows 100..110 are visible; 240 px of overscan is 12 rows each side.
        assert_eq!(h.window(2000.0, 200.0), 88..123);
        // One row further, one row more at the end and one fewer at the start.
        assert_eq!(h.window(2020.0, 200.0), 89..124);
        assert_eq!(h.window(0.0, 200.0), 0..23);
        assert_eq!(
            h.window(5990.0, 200.0),
            287..300,
            "clamped to the rows there are"
        );
        assert_eq!(RowHeights::default().window(0.0, 100.0), 0..0);
        // A drawn window serves while it holds the visible rows and half the margin.
        assert!(h.serves(&(88..123), 2000.0, 200.0));
        assert!(
            h.serves(&(94..117), 2000.0, 200.0),
            "6 rows (120 px) each side"
        );
        assert!(!h.serves(&(95..123), 2000.0, 200.0));
        assert!(!h.serves(&(0..23), 2000.0, 200.0));
    }

    #[test]
    fn a_row_out_of_view_is_scrolled_to_the_middle() {
        let h = rows(&[20.0; 300]);
        // Visible already: rows 0..10 in a 200 px box at the top.
        assert_eq!(h.scroll_to_show(5, 0.0, 200.0, 0.0), None);
        // Row 150 (top 3000) goes to the middle: 3000 + 10 - 100.
        assert_eq!(h.scroll_to_show(150, 0.0, 200.0, 0.0), Some(2910.0));
        // Never past the ends.
        assert_eq!(h.scroll_to_show(299, 0.0, 200.0, 0.0), Some(5800.0));
        assert_eq!(h.scroll_to_show(0, 3000.0, 200.0, 0.0), Some(0.0));
        // A 30 px sticky header covers the top: row 1 (30..50 below it) shows at scroll 0,
        // row 0 at scroll 15 is half hidden under the header.
        assert_eq!(h.scroll_to_show(1, 0.0, 200.0, 30.0), None);
        assert_eq!(h.scroll_to_show(0, 15.0, 200.0, 30.0), Some(0.0));
        assert_eq!(h.scroll_to_show(300, 0.0, 200.0, 0.0), None, "no such row");
    }

    #[test]
    fn the_rows_of_another_owner_start_unmeasured() {
        let mut st = WindowState {
            heights: rows(&[40.0; 50]),
            owner: 1,
            scroll: 0.0,
            view: 200.0,
            header: 0.0,
            focus: None,
            pending: None,
            drawn: 0..0,
            written: (String::new(), String::new()),
        };
        // A step touching row 45, out of view: the window moves there and a scroll waits.
        let w = plan(&mut st, 50, Some(45), 1, true);
        assert!(w.contains(&45), "{w:?}");
        assert_eq!(
            st.pending,
            Some(1720.0),
            "row 45's middle (45 × 40 + 20) at the box's (100)"
        );
        // The same focus again does not scroll again (the user may have scrolled away).
        st.pending = None;
        plan(&mut st, 50, Some(45), 1, true);
        assert_eq!(st.pending, None);
        // Another trace: heights forgotten, short lists drawn whole.
        assert_eq!(plan(&mut st, 10, None, 2, false), 0..10);
        assert_eq!(st.heights.len(), 10);
        assert!(st.heights.known.iter().all(Option::is_none));
    }
}
