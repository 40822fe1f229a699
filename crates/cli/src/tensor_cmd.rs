//! `adjoint tensor`: a tensor program (matrices, `@`, `.T`, tuples, dicts) with inputs
//! as JSON, run by reverse AD on the extended graph; prints the trace, the gradients as
//! nested arrays, or the whole trace as JSON.

use std::collections::BTreeMap;

use adjoint_engine::Mode;
use adjoint_tensor::export::{shaped_text, tensor_trace_text};
use adjoint_tensor::inputs::value_json;
use adjoint_tensor::{gradients, presets, run, TensorError};
use serde_json::json;

use crate::args::Args;
use crate::error::CliError;

/// The program and inputs: from `--preset NAME`, or the positional program with
/// `--inputs JSON`.
fn source(a: &Args) -> Result<(String, String), CliError> {
    if let Some(name) = a.options.get("preset") {
        let all = presets::all();
        let keys = ["matmul", "dict", "mlp"];
        let i = keys.iter().position(|k| k == name).ok_or_else(|| {
            CliError::Usage(format!("unknown preset `{name}`: use {}", keys.join(", ")))
        })?;
        let p = all
            .get(i)
            .ok_or_else(|| CliError::Usage(format!("preset `{name}` is missing")))?;
        return Ok((p.program.to_string(), p.inputs.clone()));
    }
    let program = a
        .positional
        .clone()
        .ok_or_else(|| CliError::Usage("`adjoint tensor` needs a program or --preset".into()))?;
    let inputs = a.options.get("inputs").cloned().unwrap_or_default();
    Ok((program, inputs))
}

fn tensor_err(src: &str) -> impl Fn(TensorError) -> CliError + '_ {
    move |e| CliError::Engine(e.render(src))
}

/// `adjoint tensor PROGRAM --inputs JSON [--format text|json|trace-json]`, or
/// `adjoint tensor --preset matmul|dict|mlp [...]`.
pub fn tensor(a: &Args) -> Result<String, CliError> {
    let (src, inputs) = source(a)?;
    let default = if a.options.contains_key("json") {
        "json"
    } else {
        "text"
    };
    let format = a.options.get("format").map_or(default, String::as_str);
    match format {
        "text" => {
            let t = run(&src, &inputs, Mode::Extended).map_err(tensor_err(&src))?;
            let (_, grads) = gradients(&src, &inputs).map_err(tensor_err(&src))?;
            let mut out = tensor_trace_text(&t);
            for (name, g) in &grads {
                out.push_str(&format!("∂y/∂{name} = {}\n", shaped_text(&g.to_shaped())));
            }
            Ok(out)
        }
        "json" => {
            let (y, grads) = gradients(&src, &inputs).map_err(tensor_err(&src))?;
            let grads: BTreeMap<String, serde_json::Value> = grads
                .iter()
                .map(|(k, v)| (k.clone(), value_json(v)))
                .collect();
            Ok(serde_json::to_string(
                &json!({"output": value_json(&y), "gradient": grads}),
            )?)
        }
        "trace-json" => {
            let t = run(&src, &inputs, Mode::Extended).map_err(tensor_err(&src))?;
            Ok(serde_json::to_string(&t)?)
        }
        other => Err(CliError::Usage(format!(
            "unknown format `{other}`: use text, json or trace-json"
        ))),
    }
}
