//! The subcommands: `grad`, `hessian`, `trace`, `layout`.

use serde_json::{json, Map, Value};

use adjoint_engine::export::{dot::trace_dot, latex::trace_latex, text::trace_text};
use adjoint_engine::modes::higher::try_hessian;
use adjoint_engine::render::number::rounded;
use adjoint_engine::{compile, run_with, syntax::parse_values, Mode};

use crate::args::Args;
use crate::error::CliError;

pub(crate) fn program(a: &Args) -> Result<&str, CliError> {
    a.positional
        .as_deref()
        .ok_or_else(|| CliError::Usage(format!("`adjoint {}` needs a program", a.command)))
}

pub(crate) fn values(a: &Args) -> Result<Vec<(String, f64)>, CliError> {
    let text = a.options.get("at").map(String::as_str).unwrap_or("");
    parse_values(text)
        .map_err(|e| CliError::Engine(format!("{}\n  (in --at {text:?})", e.render(text))))
}

pub(crate) fn mode(a: &Args) -> Result<Mode, CliError> {
    let name = a
        .options
        .get("mode")
        .map(String::as_str)
        .unwrap_or("extended");
    Mode::from_name(name).ok_or_else(|| {
        CliError::Usage(format!(
            "unknown mode `{name}`: use extended, reverse, forward or backprop"
        ))
    })
}

pub(crate) fn engine_err(src: &str) -> impl Fn(adjoint_engine::EngineError) -> CliError + '_ {
    move |e| CliError::Engine(e.render(src))
}

/// `adjoint grad PROGRAM --at ... [--mode m] [--json]`
pub fn grad(a: &Args) -> Result<String, CliError> {
    let src = program(a)?;
    let vals = values(a)?;
    let mode = mode(a)?;
    let c = compile(src, &vals).map_err(engine_err(src))?;
    // Forward mode needs one pass per variable; the other modes one pass for all.
    let gradient: Vec<(String, f64)> = match mode {
        Mode::Forward => {
            let (g, _passes) = adjoint_engine::modes::forward::gradient_by_passes(&c);
            c.graph().variables().iter().cloned().zip(g).collect()
        }
        _ => {
            let t = run_with(src, &vals, mode, 0).map_err(engine_err(src))?;
            t.result
                .gradient
                .into_iter()
                .map(|v| (v.name, v.value))
                .collect()
        }
    };
    if a.options.contains_key("json") {
        let mut g = Map::new();
        for (name, v) in &gradient {
            g.insert(name.clone(), json!(v));
        }
        return Ok(serde_json::to_string(
            &json!({"output": c.output_value(), "gradient": Value::Object(g)}),
        )?);
    }
    let mut out = format!("y = {}\n", rounded(c.output_value()));
    for (name, v) in gradient {
        out.push_str(&format!("∂y/∂{name} = {}\n", rounded(v)));
    }
    Ok(out)
}

/// `adjoint hessian PROGRAM --at ... [--json]`
pub fn hessian_cmd(a: &Args) -> Result<String, CliError> {
    let src = program(a)?;
    let c = compile(src, &values(a)?).map_err(engine_err(src))?;
    let h = try_hessian(&c).map_err(engine_err(src))?;
    let vars = c.graph().variables().to_vec();
    if a.options.contains_key("json") {
        return Ok(serde_json::to_string(
            &json!({"variables": vars, "hessian": h.matrix}),
        )?);
    }
    let mut out = format!("Hessian over ({})\n", vars.join(", "));
    for row in &h.matrix {
        out.push_str(&format!(
            "  [{}]\n",
            row.iter()
                .map(|v| format!("{:>10}", rounded(*v)))
                .collect::<Vec<_>>()
                .join(" ")
        ));
    }
    let [f, e1, e2] = h.node_counts;
    out.push_str(&format!(
        "nodes: forward {f}, first order {e1}, second order {e2}\n"
    ));
    Ok(out)
}

/// `adjoint trace PROGRAM --at ... [--mode m] [--wrt x] --format text|json|latex|dot`
pub fn trace(a: &Args) -> Result<String, CliError> {
    let src = program(a)?;
    let vals = values(a)?;
    let mode = mode(a)?;
    let wrt = match a.options.get("wrt") {
        None => 0,
        Some(name) => vals
            .iter()
            .position(|(n, _)| n == name)
            .ok_or_else(|| CliError::Usage(format!("--wrt {name}: no such input in --at")))?,
    };
    let t = run_with(src, &vals, mode, wrt).map_err(engine_err(src))?;
    let format =
        a.options
            .get("format")
            .map(String::as_str)
            .unwrap_or(if a.options.contains_key("json") {
                "json"
            } else {
                "text"
            });
    Ok(match format {
        "text" => trace_text(&t),
        "json" => serde_json::to_string_pretty(&t)?,
        "latex" => trace_latex(&t),
        "dot" => trace_dot(&t),
        other => {
            return Err(CliError::Usage(format!(
                "unknown format `{other}`: use text, json, latex or dot"
            )))
        }
    })
}

/// `adjoint layout GRAPH.dot --json`
pub fn layout(a: &Args) -> Result<String, CliError> {
    let path = a
        .positional
        .as_deref()
        .ok_or_else(|| CliError::Usage("`adjoint layout` needs a DOT file".into()))?;
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Io {
        path: path.to_string(),
        source,
    })?;
    adjoint_layout::layout_dot_json(&text)
        .map_err(|e| CliError::Engine(format!("error: {path}: {e}")))
}

/// `adjoint optimize PROGRAM --at ... [--json]`: the extended graph before and after the passes.
pub fn optimize(a: &Args) -> Result<String, CliError> {
    let src = program(a)?;
    let c = compile(src, &values(a)?).map_err(engine_err(src))?;
    let ext = adjoint_engine::modes::extended::extend(c.graph(), c.output(), |_| {});
    let roots: Vec<adjoint_engine::NodeId> = ext.gradient.iter().flatten().copied().collect();
    let o = adjoint_engine::optimize::optimize(&ext.graph, &roots);
    if a.options.contains_key("json") {
        return Ok(serde_json::to_string(&o.report)?);
    }
    let r = o.report;
    Ok(format!(
        "extended graph: {} nodes -> {} nodes\n  identities removed: {}\n  constants folded:   {}\n  duplicates merged:  {}\n  dead nodes dropped: {}",
        r.before, r.after, r.identities, r.folded, r.merged, r.dead
    ))
}

fn variable_index(a: &Args, c: &adjoint_engine::Compiled) -> Result<usize, CliError> {
    match a.options.get("wrt") {
        None => Ok(0),
        Some(name) => c
            .graph()
            .variables()
            .iter()
            .position(|v| v == name)
            .ok_or_else(|| {
                CliError::Usage(format!("--wrt {name}: the program has no input `{name}`"))
            }),
    }
}

/// `adjoint numeric PROGRAM --at ... [--wrt x] [--eps e] [--seed s] [--json]`:
/// the ε sweep for one input and the random-direction gradient check.
pub fn numeric(a: &Args) -> Result<String, CliError> {
    use adjoint_engine::numeric::{direction_check, epsilon_sweep, evaluations, DEFAULT_EPSILONS};
    let src = program(a)?;
    let c = compile(src, &values(a)?).map_err(engine_err(src))?;
    let var = variable_index(a, &c)?;
    let parse_num = |name: &str, default: f64| -> Result<f64, CliError> {
        a.options.get(name).map_or(Ok(default), |v| {
            v.parse()
                .map_err(|_| CliError::Usage(format!("--{name} {v}: not a number")))
        })
    };
    let eps = parse_num("eps", 1e-6)?;
    let seed = parse_num("seed", 0.0)? as u64;
    let err = |e: adjoint_engine::EngineError| CliError::Engine(format!("error: {e}"));
    let (exact, sweep) = epsilon_sweep(&c, var, &DEFAULT_EPSILONS).map_err(err)?;
    let check = direction_check(&c, seed, eps, 1e-6).map_err(err)?;
    let name = &c.graph().variables()[var];
    if a.options.contains_key("json") {
        let evals: serde_json::Map<String, Value> = evaluations(c.inputs.len())
            .iter()
            .map(|(k, v)| (k.to_string(), json!(v)))
            .collect();
        return Ok(serde_json::to_string(&json!({
            "variable": name, "exact": exact, "sweep": sweep, "direction_check": check, "evaluations": evals
        }))?);
    }
    let mut out = format!(
        "∂y/∂{name} by AD = {exact}\n\n{:>8}  {:>12}  {:>12}\n",
        "ε", "one-sided err", "central err"
    );
    for p in &sweep {
        out.push_str(&format!(
            "{:>8.0e}  {:>12.3e}  {:>12.3e}\n",
            p.eps, p.one_sided_error, p.central_error
        ));
    }
    out.push_str(&format!(
        "\nrandom direction (seed {seed}): δᵀ∇f = {:.12}, central difference = {:.12}, relative error {:.2e} → {}\n",
        check.ad,
        check.numeric,
        check.relative_error,
        if check.passed { "pass" } else { "FAIL" }
    ));
    Ok(out)
}

/// `adjoint symbolic PROGRAM --at ... [--json]` or `adjoint symbolic --product N [--json]`.
pub fn symbolic(a: &Args) -> Result<String, CliError> {
    use adjoint_engine::render::{latex::latex, text::text};
    use adjoint_engine::symbolic::{product_costs, symbolic_gradient};
    if let Some(n) = a.options.get("product") {
        let n: usize = n
            .parse()
            .map_err(|_| CliError::Usage(format!("--product {n}: not a whole number")))?;
        let p = product_costs(n).map_err(|e| CliError::Engine(format!("error: {e}")))?;
        if a.options.contains_key("json") {
            return Ok(serde_json::to_string(&p)?);
        }
        return Ok(format!(
            "f = θ0·θ1·…·θ{}: multiplications for the full gradient\n  naive symbolic: {}\n  shared symbolic: {}\n  reverse AD:      {}",
            n - 1,
            p.naive,
            p.shared,
            p.reverse_ad
        ));
    }
    let src = program(a)?;
    let c = compile(src, &values(a)?).map_err(engine_err(src))?;
    let s = symbolic_gradient(&c);
    let vars = c.graph().variables().to_vec();
    let formulas: Vec<Option<adjoint_engine::render::Term>> =
        (0..vars.len()).map(|k| s.formula(k)).collect();
    if a.options.contains_key("json") {
        let parts: Vec<Value> = vars
            .iter()
            .zip(&formulas)
            .enumerate()
            .map(|(k, (v, f))| {
                json!({"variable": v, "text": f.as_ref().map(text), "latex": f.as_ref().map(latex), "value": s.value(k, &c.inputs)})
            })
            .collect();
        return Ok(serde_json::to_string(&json!({
            "partials": parts, "naive": s.naive, "shared": s.shared, "reverse_ad": s.reverse_ad
        }))?);
    }
    let mut out = String::new();
    for (k, (v, f)) in vars.iter().zip(&formulas).enumerate() {
        let shown = f
            .as_ref()
            .map_or_else(|| "(too large to print)".to_string(), text);
        out.push_str(&format!(
            "∂y/∂{v} = {shown} = {}\n",
            rounded(s.value(k, &c.inputs))
        ));
    }
    out.push_str(&format!(
        "\nsize  naive tree: {} nodes, {} mults; shared DAG: {} nodes, {} mults; reverse AD graph: {} nodes, {} mults",
        s.naive.nodes, s.naive.mults, s.shared.nodes, s.shared.mults, s.reverse_ad.nodes, s.reverse_ad.mults
    ));
    Ok(out)
}
