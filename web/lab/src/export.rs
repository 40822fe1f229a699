//! The share panel's text exports (trace JSON, DOT, LaTeX table, framework code), made
//! here so the app's first load carries neither the JSON writer nor the emitters. The app
//! sends the text that produced the graph on screen; the run is repeated (the engines are
//! deterministic, so it is the same trace) and written out.

use adjoint_engine::export::framework::{framework_code, Framework};
use adjoint_engine::export::{dot::trace_dot, latex::frame_table_latex};
use adjoint_engine::syntax::parse_values;
use adjoint_engine::{Mode, Trace};
use wasm_bindgen::prelude::*;

/// The run of `program` on `values` in `mode` (following input `wrt` in forward mode);
/// tensor programs run on the tensor engine, in extended mode.
fn rerun(program: &str, values: &str, mode: Mode, wrt: usize) -> Result<Trace, String> {
    if adjoint_tensor::looks_like_tensor_program(program, values) {
        return adjoint_tensor::run(program, values, Mode::Extended).map_err(|e| e.to_string());
    }
    adjoint_engine::run(program, values, mode, wrt).map_err(|e| e.to_string())
}

/// The export named `kind` (`json`, `dot`, `latex`, or a framework: `pytorch`, `jax`,
/// `needle`) of the run, the LaTeX table at `step`. The error (thrown, in the browser)
/// says why in words.
#[wasm_bindgen]
pub fn export_text(
    kind: &str,
    program: &str,
    values: &str,
    mode: &str,
    wrt: usize,
    step: usize,
) -> Result<String, String> {
    let mode = Mode::from_name(mode).ok_or_else(|| format!("unknown mode `{mode}`"))?;
    if let Some(f) = Framework::from_name(kind) {
        let vals = parse_values(values).map_err(|e| e.to_string())?;
        return framework_code(program, &vals, f).map_err(|e| e.to_string());
    }
    let trace = rerun(program, values, mode, wrt)?;
    match kind {
        "json" => serde_json::to_string_pretty(&trace).map_err(|e| e.to_string()),
        "dot" => Ok(trace_dot(&trace)),
        "latex" => Ok(frame_table_latex(&trace, step)),
        _ => Err(format!("unknown export `{kind}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "ln(x1) + x1*x2 - sin(x2)";
    const V: &str = "x1=2, x2=5";

    #[test]
    fn text_exports_come_from_the_engine() {
        let json = export_text("json", P, V, "extended", 0, 3).expect("json");
        let back: Trace = serde_json::from_str(&json).expect("the JSON reads back as a trace");
        let on_screen = adjoint_engine::run(P, V, Mode::Extended, 0).expect("runs");
        assert_eq!(back, on_screen, "the same trace as the app's");
        let dot = export_text("dot", P, V, "extended", 0, 3).expect("dot");
        assert!(dot.starts_with("digraph"));
        let latex = export_text("latex", P, V, "extended", 0, 3).expect("latex");
        assert!(latex.contains(r"\bar{v}_{7} &= 1"), "{latex}");
        let torch = export_text("pytorch", P, V, "extended", 0, 3).expect("torch");
        assert!(
            torch.contains("import torch") && torch.contains("backward"),
            "{torch}"
        );
        assert!(export_text("jax", P, "x1=", "extended", 0, 0).is_err());
        assert!(export_text("csv", P, V, "extended", 0, 0).is_err());
        assert!(export_text("json", P, V, "sideways", 0, 0).is_err());
    }

    #[test]
    fn a_tensor_program_exports_its_tensor_trace() {
        let p = &adjoint_tensor::presets::all()[0];
        let json = export_text("json", p.program, &p.inputs, "extended", 0, 0).expect("json");
        assert!(json.contains("\"tensor\""), "shaped values are written");
    }
}
