//! The numerical-differentiation panel (`[data-testid=numeric-panel]`, §1.2): for the
//! program on screen, a log–log plot of the one-sided and central differences' error
//! against ε, the random-direction gradient check with its verdict, and how many
//! evaluations of f each method needs for the whole gradient. The engine computes every
//! number; this file only lays them out.

use adjoint_engine::numeric::{
    direction_check, epsilon_sweep, evaluations, DirectionCheck, SweepPoint, DEFAULT_EPSILONS,
};
use adjoint_engine::render::number::rounded;
use adjoint_engine::{compile, syntax};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::plot_axes::PlotArea;
use crate::chart::{decade_label, decade_range, guide, log_slope, polyline, LogScale};
use crate::i18n::{Key, Lang};

/// ε of the direction check.
pub const CHECK_EPS: f64 = 1e-6;
/// Relative error the direction check accepts.
pub const CHECK_TOLERANCE: f64 = 1e-6;
/// The direction check's first seed.
pub const DEFAULT_SEED: u64 = 7;

/// Everything the panel shows, computed by the engine.
#[derive(Clone, Debug, PartialEq)]
pub struct NumericView {
    /// The inputs' names.
    pub variables: Vec<String>,
    /// The input the sweep differentiates against.
    pub var: usize,
    /// ∂f/∂x_var by reverse AD.
    pub exact: f64,
    /// One point per ε.
    pub sweep: Vec<SweepPoint>,
    /// The random-direction check.
    pub check: DirectionCheck,
}

/// Runs the engine on the program: the ε sweep for input `var` (the first when out of
/// range) and the direction check with `seed`. Errors come back as the engine's message.
pub fn analyse(program: &str, values: &str, var: usize, seed: u64) -> Result<NumericView, String> {
    let values = syntax::parse_values(values).map_err(|e| e.to_string())?;
    let c = compile(program, &values).map_err(|e| e.to_string())?;
    let variables: Vec<String> = c.variables().into_iter().map(|v| v.name).collect();
    let var = if var < variables.len() { var } else { 0 };
    let (exact, sweep) = epsilon_sweep(&c, var, &DEFAULT_EPSILONS).map_err(|e| e.to_string())?;
    let check = direction_check(&c, seed, CHECK_EPS, CHECK_TOLERANCE).map_err(|e| e.to_string())?;
    Ok(NumericView {
        variables,
        var,
        exact,
        sweep,
        check,
    })
}

/// `v` with `digits` significant digits, for comparing two estimates digit by digit.
pub fn significant(v: f64, digits: i32) -> String {
    if v == 0.0 || !v.is_finite() {
        return rounded(v);
    }
    // |log10| of a finite double is below 400: the cast is exact.
    let magnitude = v.abs().log10().floor() as i32;
    let decimals = usize::try_from((digits - 1 - magnitude).clamp(0, 17)).unwrap_or(0);
    format!("{v:.decimals$}")
}

/// Props of [`NumericPanel`].
#[derive(Properties, PartialEq)]
pub struct NumericPanelProps {
    /// The program as typed.
    pub program: AttrValue,
    /// The values as typed.
    pub values: AttrValue,
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
}

/// The panel.
#[function_component(NumericPanel)]
pub fn numeric_panel(props: &NumericPanelProps) -> Html {
    let var = use_state(|| 0usize);
    let seed = use_state(|| DEFAULT_SEED);
    let view = use_memo(
        (props.program.clone(), props.values.clone(), *var, *seed),
        |(p, v, var, seed)| analyse(p, v, *var, *seed),
    );
    let on_var = {
        let var = var.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = el.value().parse::<usize>() {
                var.set(i);
            }
        })
    };
    let on_seed = {
        let seed = seed.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            if let Ok(s) = el.value().trim().parse::<u64>() {
                seed.set(s);
            }
        })
    };
    let next_seed = {
        let seed = seed.clone();
        Callback::from(move |_: MouseEvent| seed.set(seed.wrapping_add(1)))
    };
    let l = props.lang;
    html! {
        <section class="panel method-panel" data-testid="numeric-panel" aria-labelledby="numeric-title">
            <h2 id="numeric-title">{l.t(Key::NumericTitle)}</h2>
            <p class="method-lead">
                {l.t(Key::NumericLeadA)}
                <span class="formula">{"(f(x + εeᵢ) − f(x)) / ε"}</span>{l.t(Key::NumericLeadB)}
                <span class="formula">{"(f(x + εeᵢ) − f(x − εeᵢ)) / 2ε"}</span>
                {l.t(Key::NumericLeadC)}
            </p>
            {
                match &*view {
                    Err(message) => html! {
                        <div class="parse-error" data-testid="numeric-error" role="alert">
                            <strong>{l.t(Key::NumericCannot)}</strong>{ message }
                        </div>
                    },
                    Ok(v) => html! {
                        <>
                            { sweep_section(l, v, on_var) }
                            { check_section(l, &v.check, &v.variables, *seed, on_seed, next_seed) }
                            { evaluations_section(l, v.variables.len()) }
                        </>
                    },
                }
            }
        </section>
    }
}

fn sweep_section(l: Lang, v: &NumericView, on_var: Callback<Event>) -> Html {
    let name = v.variables.get(v.var).cloned().unwrap_or_default();
    let zeros = v
        .sweep
        .iter()
        .any(|p| p.one_sided_error == 0.0 || p.central_error == 0.0);
    html! {
        <div class="method-block">
            <div class="method-row">
                <h3>{l.t(Key::ErrorVsStep)}</h3>
                <div class="field field--inline">
                    <label for="numeric-var">{"∂f/∂"}</label>
                    <select id="numeric-var" class="button" onchange={on_var}>
                        { for v.variables.iter().enumerate().map(|(i, n)| html! {
                            <option value={i.to_string()} selected={i == v.var}>{ n }</option>
                        }) }
                    </select>
                </div>
                <span class="hint">{ l.f(Key::ExactByAd, &[&name, &rounded(v.exact)]) }</span>
            </div>
            <div class="plot-legend" aria-hidden="true">
                <span class="legend-item"><span class="series-key series-key--one-sided"></span>{l.t(Key::SeriesOneSided)}</span>
                <span class="legend-item"><span class="series-key series-key--central"></span>{l.t(Key::SeriesCentral)}</span>
                <span class="legend-item"><span class="series-key series-key--guide"></span>{l.t(Key::SeriesReference)}</span>
            </div>
            { sweep_plot(l, &v.sweep) }
            if zeros {
                <p class="hint" data-testid="zero-note">
                    {l.t(Key::ZeroNote)}
                </p>
            }
            <p class="note" data-testid="rounding-note">
                <strong>{l.t(Key::RoundingTitle)}</strong>
                {l.t(Key::RoundingBody)}
            </p>
        </div>
    }
}

// Plot geometry (SVG user units).
const W: f64 = 640.0;
const H: f64 = 360.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 620.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 300.0;

/// One series of the plot: its name, CSS key and (ε, |error|) points.
struct Series {
    key: &'static str,
    name: &'static str,
    points: Vec<(f64, f64)>,
    slope: f64,
    guide_from: f64,
}

fn sweep_plot(l: Lang, sweep: &[SweepPoint]) -> Html {
    let series = [
        Series {
            key: "one-sided",
            name: l.t(Key::RowOneSided),
            points: sweep.iter().map(|p| (p.eps, p.one_sided_error)).collect(),
            slope: 1.0,
            guide_from: -7.0,
        },
        Series {
            key: "central",
            name: l.t(Key::RowCentral),
            points: sweep.iter().map(|p| (p.eps, p.central_error)).collect(),
            slope: 2.0,
            guide_from: -4.5,
        },
    ];
    let all = series.iter().flat_map(|s| s.points.iter().map(|p| p.1));
    let (mut lo, hi) = decade_range(all).unwrap_or((-16, 0));
    if series.iter().any(|s| s.points.iter().any(|p| p.1 == 0.0)) {
        lo -= 1; // room for the exact zeros on the floor, below every real point
    }
    let x = LogScale::new(-15, -1, LEFT, RIGHT);
    let y = LogScale::new(lo, hi, BOTTOM, TOP);
    html! {
        <svg class="plot" data-testid="sweep-plot" viewBox={format!("0 0 {W} {H}")} role="img"
            aria-label={l.t(Key::SweepPlotAria)}>
            { axes(&x, &y) }
            <text class="axis-title" x={((LEFT + RIGHT) / 2.0).to_string()} y={(H - 8.0).to_string()} text-anchor="middle">
                {l.t(Key::AxisStep)}
            </text>
            <text class="axis-title" transform={format!("translate(16 {}) rotate(-90)", (TOP + BOTTOM) / 2.0)} text-anchor="middle">
                {l.t(Key::AxisError)}
            </text>
            { for series.iter().map(|s| series_guide(l, s, &x, &y)) }
            { for series.iter().map(|s| series_view(l, s, &x, &y)) }
        </svg>
    }
}

/// Decade grid lines, ticks and labels of both axes, and the frame.
fn axes(x: &LogScale, y: &LogScale) -> Html {
    let area = PlotArea {
        left: LEFT,
        right: RIGHT,
        top: TOP,
        bottom: BOTTOM,
    };
    super::plot_axes::axes(area, x.ticks(8), y.ticks(9))
}

/// A dashed line of the series' theoretical slope, drawn a little above its points where
/// they fall with that slope (it is left out when the data do not show it, e.g. for a
/// function linear in the chosen input, whose truncation error is 0).
fn series_guide(l: Lang, s: &Series, x: &LogScale, y: &LogScale) -> Html {
    let at = |eps: f64| s.points.iter().find(|p| p.0 == eps).copied();
    let (Some(a), Some(b)) = (at(1e-2), at(1e-3)) else {
        return html! {};
    };
    let shows_slope = log_slope(a, b).is_some_and(|m| (m - s.slope).abs() < 0.4);
    if !shows_slope {
        return html! {};
    }
    // 0.6 decade above the point at ε = 1e-3, so the guide runs beside the data.
    let anchor = (-3.0, b.1.log10() + 0.6);
    let Some((p0, p1)) = guide(
        anchor,
        s.slope,
        (s.guide_from, -1.0),
        (f64::from(y.lo), f64::from(y.hi)),
    ) else {
        return html! {};
    };
    let (x0, y0) = (x.px_log(p0.0), y.px_log(p0.1));
    let (x1, y1) = (x.px_log(p1.0), y.px_log(p1.1));
    let label = l.t(if s.slope == 1.0 {
        Key::SlopeOne
    } else {
        Key::SlopeTwo
    });
    // The label runs along the guide, on the side away from the data.
    let angle = (y1 - y0).atan2(x1 - x0).to_degrees();
    let (mx, my) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    html! {
        <g class={format!("guide guide--{}", s.key)} data-testid="slope-guide">
            <path d={polyline(&[(x0, y0), (x1, y1)])} />
            <text class="guide-label" text-anchor="middle" y="-6"
                transform={format!("translate({mx:.1} {my:.1}) rotate({angle:.1})")}>{ label }</text>
        </g>
    }
}

fn series_view(l: Lang, s: &Series, x: &LogScale, y: &LogScale) -> Html {
    let pts: Vec<(f64, f64)> = s.points.iter().map(|p| (x.px(p.0), y.px(p.1))).collect();
    html! {
        <g class={format!("series series--{}", s.key)} data-testid="plot-series" data-series={s.key}>
            <path class="series-line" d={polyline(&pts)} />
            { for s.points.iter().zip(&pts).map(|(&(eps, err), &(px, py))| {
                let floor = err == 0.0;
                let mut tip = l.f(Key::PointTip, &[&s.name, &format!("{eps:e}"), &rounded(err)]);
                if floor {
                    tip.push_str(l.t(Key::FloorNote));
                }
                let class = classes!("plot-point", floor.then_some("is-floor"));
                if s.key == "central" {
                    html! {
                        <rect class={class} data-testid="plot-point" data-eps={format!("{eps:e}")}
                            x={(px - 4.5).to_string()} y={(py - 4.5).to_string()} width="9" height="9">
                            <title>{ tip }</title>
                        </rect>
                    }
                } else {
                    html! {
                        <circle class={class} data-testid="plot-point" data-eps={format!("{eps:e}")}
                            cx={px.to_string()} cy={py.to_string()} r="5">
                            <title>{ tip }</title>
                        </circle>
                    }
                }
            }) }
        </g>
    }
}

fn check_section(
    l: Lang,
    c: &DirectionCheck,
    variables: &[String],
    seed: u64,
    on_seed: Callback<InputEvent>,
    next_seed: Callback<MouseEvent>,
) -> Html {
    let delta = c
        .delta
        .iter()
        .zip(variables)
        .map(|(d, n)| format!("{n}: {}", rounded(*d)))
        .collect::<Vec<_>>()
        .join(", ");
    let verdict = l.f(
        if c.passed {
            Key::CheckPass
        } else {
            Key::CheckFail
        },
        &[&rounded(c.relative_error), &rounded(c.tolerance)],
    );
    html! {
        <div class="method-block">
            <h3>{l.t(Key::GradCheckTitle)}</h3>
            <p class="hint">
                {l.t(Key::GradCheckBody)}
            </p>
            <div class="method-row">
                <div class="field field--inline">
                    <label for="direction-seed">{l.t(Key::SeedLabel)}</label>
                    <input id="direction-seed" class="seed-input" type="number" min="0" step="1"
                        value={seed.to_string()} oninput={on_seed} />
                </div>
                <button id="next-direction" class="button" onclick={next_seed}>{l.t(Key::NewDirection)}</button>
                <span class="hint">{ l.f(Key::EpsTolerance, &[&decade_label(-6), &decade_label(-6)]) }</span>
            </div>
            <table class="method-table" data-testid="direction-check">
                <tbody>
                    <tr><th scope="row">{l.t(Key::DeltaUnit)}</th><td class="num" data-testid="direction-delta">{ format!("({delta})") }</td></tr>
                    <tr><th scope="row">{l.t(Key::DeltaAd)}</th><td class="num" data-testid="direction-ad">{ significant(c.ad, 12) }</td></tr>
                    <tr><th scope="row">{l.t(Key::DeltaCentral)}</th><td class="num" data-testid="direction-numeric">{ significant(c.numeric, 12) }</td></tr>
                    <tr><th scope="row">{l.t(Key::RelativeError)}</th><td class="num">{ rounded(c.relative_error) }</td></tr>
                </tbody>
            </table>
            <p class={classes!("verdict", if c.passed { "is-pass" } else { "is-fail" })}
                data-testid="direction-verdict" role="status">{ verdict }</p>
        </div>
    }
}

fn evaluations_section(l: Lang, n: usize) -> Html {
    // The engine's rows are one-sided, central, reverse AD, in that order.
    const ROWS: [Key; 3] = [Key::RowOneSided, Key::RowCentral, Key::RowReversePasses];
    html! {
        <div class="method-block">
            <h3>{ l.f(Key::CostTitle, &[&n]) }</h3>
            <table class="method-table" data-testid="evaluations">
                <thead><tr><th scope="col">{l.t(Key::ColMethod)}</th><th scope="col" class="num">{l.t(Key::ColPasses)}</th></tr></thead>
                <tbody>
                    { for evaluations(n).into_iter().zip(ROWS).map(|((_, count), name)| html! {
                        <tr><th scope="row">{ l.t(name) }</th><td class="num">{ count }</td></tr>
                    }) }
                    <tr class="is-aside"><th scope="row">{l.t(Key::RandomDirectionRow)}</th><td class="num">{ 2 }</td></tr>
                </tbody>
            </table>
            <p class="hint">{l.t(Key::CostHint)}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lecture_example_sweeps_and_passes_the_check() {
        let v =
            analyse("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5", 0, DEFAULT_SEED).expect("analyses");
        assert_eq!(v.variables, vec!["x1", "x2"]);
        assert_eq!(v.exact, 5.5);
        assert_eq!(v.sweep.len(), 15);
        assert!(v.check.passed, "{:?}", v.check);
        let second = analyse("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5", 9, 1).expect("ok");
        assert_eq!(
            second.var, 0,
            "an index out of range falls back to the first input"
        );
    }

    #[test]
    fn errors_are_the_engines_messages() {
        let e = analyse("ln(x)", "x=-1", 0, 1).expect_err("outside the domain");
        assert!(e.contains("ln of a negative number"), "{e}");
        assert!(analyse("ln(x +", "x=1", 0, 1).is_err());
        assert!(analyse("x", "x=", 0, 1).is_err());
    }

    #[test]
    fn significant_digits() {
        assert_eq!(significant(5.5, 4), "5.500");
        assert_eq!(significant(-1234.5678, 6), "-1234.57");
        assert_eq!(significant(0.000_123_456, 3), "0.000123");
        assert_eq!(significant(0.0, 5), "0");
    }
}
