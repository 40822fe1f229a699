//! The symbolic-differentiation panel (`[data-testid=symbolic-panel]`, §1.3): each
//! ∂y/∂xₖ of the program as a formula, how big the formulas are written out as trees and
//! with shared subexpressions next to reverse AD's extended graph, and the lecture's
//! ∏θᵢ example measured for n up to 1000 (`[data-testid=product-chart]`,
//! `[data-testid=product-table]`). The engine derives and counts; this file lays it out.

use std::cell::RefCell;
use std::rc::Rc;

use adjoint_engine::numeric::check_inputs;
use adjoint_engine::render::number::rounded;
use adjoint_engine::render::{Sym, Term};
use adjoint_engine::symbolic::count::tree_cost;
use adjoint_engine::symbolic::{product_costs, symbolic_gradient, Cost, ProductCosts};
use adjoint_engine::{compile, syntax};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::plot_axes::PlotArea;
use crate::chart::{decade_range, polyline, LogScale, Tick};
use crate::i18n::{Key, Lang};

/// The n of the product chart.
pub const PRODUCT_NS: [usize; 9] = [2, 5, 10, 20, 50, 100, 200, 500, 1000];

/// One ∂y/∂xₖ.
#[derive(Clone, Debug, PartialEq)]
pub struct PartialView {
    /// The input's name.
    pub name: String,
    /// The formula, or `None` when it is too large to print.
    pub formula: Option<Term>,
    /// Its size written out as a tree.
    pub size: Cost,
    /// Its value at the inputs.
    pub value: f64,
}

/// Everything the panel shows about the program on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct SymbolicView {
    /// One entry per input.
    pub partials: Vec<PartialView>,
    /// All partials written out as trees.
    pub naive: Cost,
    /// All partials with shared subexpressions counted once.
    pub shared: Cost,
    /// Reverse AD's extended graph.
    pub reverse_ad: Cost,
    /// Why f is not defined at the inputs, if it is not (the formulas still exist).
    pub domain: Option<String>,
}

/// Differentiates the program symbolically (the engine does it) and collects what is shown.
pub fn analyse(program: &str, values: &str) -> Result<SymbolicView, String> {
    let values = syntax::parse_values(values).map_err(|e| e.to_string())?;
    let c = compile(program, &values).map_err(|e| e.to_string())?;
    let s = symbolic_gradient(&c);
    let partials = c
        .variables()
        .into_iter()
        .enumerate()
        .map(|(k, v)| PartialView {
            name: v.name,
            formula: s.formula(k),
            size: s
                .partials
                .get(k)
                .copied()
                .flatten()
                .map_or_else(Cost::default, |id| tree_cost(&s.exprs, &[id])),
            value: s.value(k, &c.inputs),
        })
        .collect();
    Ok(SymbolicView {
        partials,
        naive: s.naive,
        shared: s.shared,
        reverse_ad: s.reverse_ad,
        domain: check_inputs(&c, 1.0).err().map(|e| e.to_string()),
    })
}

thread_local! {
    /// The product costs measured so far in this page: they never change, so reopening the
    /// panel does not measure again.
    static PRODUCT_CACHE: RefCell<Rc<ProductTable>> = RefCell::new(Rc::default());
}

/// The product example's costs, measured one n at a time (n = 1000 alone takes about a
/// second in the browser, so the rows appear as they are ready).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProductTable {
    /// One row per n of [`PRODUCT_NS`] measured so far.
    pub rows: Vec<ProductCosts>,
    /// Index into [`PRODUCT_NS`] of the next n to measure.
    pub next: usize,
    /// Milliseconds spent so far, if the clock was readable.
    pub millis: Option<f64>,
}

impl ProductTable {
    /// Has every n been measured?
    pub fn done(&self) -> bool {
        self.next >= PRODUCT_NS.len()
    }
}

/// The page's clock (none natively, where web-sys cannot be called).
#[cfg(target_arch = "wasm32")]
fn now_ms() -> Option<f64> {
    Some(web_sys::window()?.performance()?.now())
}

#[cfg(not(target_arch = "wasm32"))]
fn now_ms() -> Option<f64> {
    None
}

/// The product costs measured so far.
pub fn product_so_far() -> Rc<ProductTable> {
    PRODUCT_CACHE.with(|c| c.borrow().clone())
}

/// Measures the next n (if any is left) and returns the table so far.
pub fn measure_next() -> Rc<ProductTable> {
    let current = product_so_far();
    let Some(&n) = PRODUCT_NS.get(current.next) else {
        return current;
    };
    let mut t = (*current).clone();
    let start = now_ms();
    if let Ok(p) = product_costs(n) {
        t.rows.push(p);
    }
    t.next += 1;
    if let Some(ms) = start.zip(now_ms()).map(|(a, b)| b - a) {
        t.millis = Some(t.millis.unwrap_or(0.0) + ms);
    }
    let t = Rc::new(t);
    PRODUCT_CACHE.with(|c| *c.borrow_mut() = t.clone());
    t
}

/// Props of [`SymbolicPanel`].
#[derive(Properties, PartialEq)]
pub struct SymbolicPanelProps {
    /// The program as typed.
    pub program: AttrValue,
    /// The values as typed.
    pub values: AttrValue,
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
}

/// The panel.
#[function_component(SymbolicPanel)]
pub fn symbolic_panel(props: &SymbolicPanelProps) -> Html {
    let view = use_memo((props.program.clone(), props.values.clone()), |(p, v)| {
        analyse(p, v)
    });
    let product = use_state(product_so_far);
    {
        // One n per timer tick, after the panel has been drawn: opening it never waits for
        // n = 1000, and the browser paints each row as it arrives.
        let (product, pending) = (product.clone(), !product.done());
        use_effect_with(product.next, move |_| {
            let timeout = pending.then(|| Timeout::new(16, move || product.set(measure_next())));
            move || drop(timeout)
        });
    }
    let l = props.lang;
    html! {
        <section class="panel method-panel" data-testid="symbolic-panel" aria-labelledby="symbolic-title">
            <h2 id="symbolic-title">{l.t(Key::SymbolicTitle)}</h2>
            <p class="method-lead">{l.t(Key::SymbolicLead)}</p>
            {
                match &*view {
                    Err(message) => html! {
                        <div class="parse-error" data-testid="symbolic-error" role="alert">
                            <strong>{l.t(Key::SymbolicCannot)}</strong>{ message }
                        </div>
                    },
                    Ok(v) => html! { <>{ partials_section(l, v) }{ sizes_section(l, v) }</> },
                }
            }
            { product_section(l, &product) }
        </section>
    }
}

/// `∂y/∂x1` as a term.
fn lhs(name: &str) -> Term {
    let x = Sym::value(name);
    Term::quotient(
        Term::sym(Sym::value("∂y")),
        Term::sym(Sym {
            stem: format!("∂{}", x.stem),
            ..x
        }),
    )
}

fn partials_section(l: Lang, v: &SymbolicView) -> Html {
    html! {
        <div class="method-block">
            <h3>{l.t(Key::GradientDerived)}</h3>
            if let Some(d) = &v.domain {
                <p class="parse-error" data-testid="symbolic-domain" role="note">
                    {l.t(Key::Careful)}{ d }{l.t(Key::CarefulTail)}
                </p>
            }
            <ul class="partials">
                { for v.partials.iter().map(|p| html! {
                    <li class="partial" data-testid="symbolic-partial" data-var={p.name.clone()}>
                        {
                            match &p.formula {
                                Some(f) => crate::math::chain(&[lhs(&p.name), f.clone(), Term::Num(p.value)]),
                                None => html! {
                                    <>
                                        { crate::math::chain(&[lhs(&p.name), Term::Num(p.value)]) }
                                        <span class="too-large" data-testid="too-large">
                                            { l.f(Key::TooLarge, &[&count(p.size.nodes)]) }
                                        </span>
                                    </>
                                },
                            }
                        }
                        <span class="hint">{ l.f(Key::TreeSize, &[&count(p.size.nodes), &count(p.size.mults)]) }</span>
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// A count as an integer (costs are whole numbers stored as f64 so they cannot overflow).
fn count(v: f64) -> String {
    if v.is_finite() && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        rounded(v)
    }
}

/// `a ÷ b` as a readable factor: `333×`, `6.7×`, `0.67×`.
fn ratio(a: f64, b: f64) -> String {
    if b <= 0.0 {
        return String::new();
    }
    let r = a / b;
    if r >= 10.0 {
        format!("{r:.0}×")
    } else if r >= 1.0 {
        format!("{r:.1}×")
    } else {
        format!("{r:.2}×")
    }
}

fn sizes_section(l: Lang, v: &SymbolicView) -> Html {
    let rows = [
        ("naive", Key::RowNaiveTrees, v.naive),
        ("shared", Key::RowSharedDag, v.shared),
        ("reverse-ad", Key::RowReverseAd, v.reverse_ad),
    ];
    html! {
        <div class="method-block">
            <h3>{l.t(Key::SizeTitle)}</h3>
            <table class="method-table" data-testid="symbolic-sizes">
                <thead><tr><th scope="col">{l.t(Key::ColHow)}</th><th scope="col" class="num">{l.t(Key::ColNodes)}</th><th scope="col" class="num">{l.t(Key::ColMults)}</th></tr></thead>
                <tbody>
                    { for rows.into_iter().map(|(key, name, c)| html! {
                        <tr data-series={key}><th scope="row">{ l.t(name) }</th>
                            <td class="num">{ count(c.nodes) }</td><td class="num">{ count(c.mults) }</td></tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

// Chart geometry (SVG user units).
const W: f64 = 640.0;
const H: f64 = 330.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 620.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 270.0;

/// A product chart series: key, legend text, and its value in a row.
type Series = (&'static str, Key, fn(&ProductCosts) -> f64);

/// The three series.
const SERIES: [Series; 3] = [
    ("naive", Key::SeriesNaive, |p| p.naive),
    ("shared", Key::SeriesShared, |p| p.shared),
    ("reverse-ad", Key::SeriesReverseAd, |p| p.reverse_ad),
];

fn product_section(l: Lang, t: &ProductTable) -> Html {
    html! {
        <div class="method-block">
            <h3>{l.t(Key::ProductTitle)}</h3>
            <p class="hint">{l.t(Key::ProductBody)}</p>
            { product_chart(l, &t.rows) }
            { product_rows(l, t) }
        </div>
    }
}

fn product_chart(l: Lang, rows: &[ProductCosts]) -> Html {
    let values = rows
        .iter()
        .flat_map(|p| SERIES.iter().map(move |(_, _, get)| get(p)));
    let (lo, hi) = decade_range(values).unwrap_or((0, 6));
    let x = LogScale::new(0, 3, LEFT + 10.0, RIGHT - 10.0);
    let y = LogScale::new(lo.min(0), hi, BOTTOM, TOP);
    html! {
        <>
            <div class="plot-legend" aria-hidden="true">
                { for SERIES.iter().map(|(key, name, _)| html! {
                    <span class="legend-item"><span class={format!("series-key series-key--{key}")}></span>{ l.t(*name) }</span>
                }) }
            </div>
            <svg class="plot" data-testid="product-chart" viewBox={format!("0 0 {W} {H}")} role="img"
                aria-label={l.t(Key::ProductChartAria)}>
                { super::plot_axes::axes(
                    PlotArea { left: LEFT, right: RIGHT, top: TOP, bottom: BOTTOM },
                    rows.iter().map(|p| Tick { px: x.px(p.n as f64), label: Some(p.n.to_string()) }).collect(),
                    y.ticks(8),
                ) }
                <text class="axis-title" x={((LEFT + RIGHT) / 2.0).to_string()} y={(H - 10.0).to_string()} text-anchor="middle">
                    {l.t(Key::AxisFactors)}
                </text>
                <text class="axis-title" transform={format!("translate(16 {}) rotate(-90)", (TOP + BOTTOM) / 2.0)} text-anchor="middle">
                    {l.t(Key::AxisMults)}
                </text>
                { for SERIES.iter().map(|(key, name, get)| {
                    let pts: Vec<(f64, f64)> = rows.iter().map(|p| (x.px(p.n as f64), y.px(get(p)))).collect();
                    html! {
                        <g class={format!("series series--{key}")} data-series={*key}>
                            <path class="series-line" d={polyline(&pts)} />
                            { for rows.iter().zip(&pts).map(|(p, &(px, py))| html! {
                                <circle class="plot-point" cx={px.to_string()} cy={py.to_string()} r="4.5">
                                    <title>{ l.f(Key::ProductPoint, &[&l.t(*name), &p.n, &count(get(p))]) }</title>
                                </circle>
                            }) }
                        </g>
                    }
                }) }
            </svg>
        </>
    }
}

fn product_rows(l: Lang, t: &ProductTable) -> Html {
    html! {
        <>
            <table class="method-table" data-testid="product-table">
                <thead><tr>
                    <th scope="col" class="num">{l.t(Key::ColN)}</th>
                    <th scope="col" class="num">{l.t(Key::ColNaive)}</th>
                    <th scope="col" class="num">{l.t(Key::ColShared)}</th>
                    <th scope="col" class="num">{l.t(Key::ColReverseAd)}</th>
                    <th scope="col" class="num">{l.t(Key::ColRatio)}</th>
                </tr></thead>
                <tbody>
                    { for t.rows.iter().map(|p| html! {
                        <tr data-n={p.n.to_string()}>
                            <th scope="row" class="num">{ p.n }</th>
                            <td class="num" data-series="naive">{ count(p.naive) }</td>
                            <td class="num" data-series="shared">{ count(p.shared) }</td>
                            <td class="num" data-series="reverse-ad">{ count(p.reverse_ad) }</td>
                            <td class="num">{ ratio(p.naive, p.reverse_ad) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if let Some(&n) = PRODUCT_NS.get(t.next) {
                <p class="hint" data-testid="product-pending">{ l.f(Key::MeasuringN, &[&n]) }</p>
            } else if let Some(ms) = t.millis {
                <p class="hint">{ l.f(Key::CountedIn, &[&format!("{ms:.0}")]) }</p>
            }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lecture_example_has_one_printable_partial_per_input() {
        let v = analyse("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5").expect("analyses");
        assert_eq!(v.partials.len(), 2);
        assert!(v.partials.iter().all(|p| p.formula.is_some()));
        assert_eq!(v.partials[0].value, 5.5);
        assert!(v.naive.nodes >= v.shared.nodes);
        assert!(v.reverse_ad.nodes > 0.0);
    }

    #[test]
    fn errors_are_the_engines_messages() {
        assert!(analyse("ln(x +", "x=1").is_err());
        // Outside the domain the formula still exists (1/x = −1), with a note.
        let v = analyse("ln(x)", "x=-1").expect("derives");
        assert_eq!(v.partials[0].value, -1.0);
        let note = v.domain.expect("a domain note");
        assert!(note.contains("ln of a negative number"), "{note}");
        assert_eq!(analyse("x*x", "x=3").expect("ok").domain, None);
    }

    #[test]
    fn product_table_has_the_lecture_numbers() {
        let mut t = product_so_far();
        for _ in PRODUCT_NS {
            assert!(!t.done());
            t = measure_next();
        }
        assert!(t.done());
        assert_eq!(t.rows.len(), PRODUCT_NS.len());
        let last = t.rows.last().expect("rows");
        assert_eq!(
            (last.n, last.naive, last.reverse_ad),
            (1000, 999_000.0, 2997.0)
        );
        assert!(Rc::ptr_eq(&t, &measure_next()), "measured once");
        assert!(Rc::ptr_eq(&t, &product_so_far()));
        assert_eq!(count(999_000.0), "999000");
        assert_eq!(ratio(999_000.0, 2997.0), "333×");
        assert_eq!(ratio(20.0, 12.0), "1.7×");
        assert_eq!(ratio(2.0, 3.0), "0.67×");
    }

    #[test]
    fn repeated_squaring_is_too_large_to_print_but_small_for_reverse_ad() {
        // v_k = v_{k−1}²: the written-out derivative doubles with every statement.
        let program: String = (1..=10)
            .map(|k| format!("v{k} = v{0} * v{0}\n", k - 1))
            .collect();
        let v = analyse(&program, "v0=1.01").expect("derives");
        let p = &v.partials[0];
        assert!(p.formula.is_none(), "{p:?}");
        assert!(p.size.nodes > 400.0, "{p:?}");
        assert!(v.reverse_ad.nodes < 100.0, "{v:?}");
    }

    #[test]
    fn lhs_is_a_fraction_of_partials() {
        let m = adjoint_engine::render::mathml::mathml(&lhs("x1"));
        assert!(m.contains("∂y") && m.contains("∂x"), "{m}");
    }
}
