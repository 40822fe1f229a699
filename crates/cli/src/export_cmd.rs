//! `adjoint export`: the program as PyTorch, JAX or Needle code that computes the same
//! gradient, or the adjoint table after a given step as LaTeX for a slide.

use adjoint_engine::export::framework::{framework_code, Framework};
use adjoint_engine::export::latex::frame_table_latex;
use adjoint_engine::run_with;

use crate::args::Args;
use crate::commands::{engine_err, mode, program, values};
use crate::error::CliError;

/// `adjoint export PROGRAM --at ... --to pytorch|jax|needle|latex-table [--mode m] [--step K]`
pub fn export(a: &Args) -> Result<String, CliError> {
    let src = program(a)?;
    let vals = values(a)?;
    let to = a.options.get("to").map(String::as_str).unwrap_or("pytorch");
    if to == "latex-table" {
        let t = run_with(src, &vals, mode(a)?, 0).map_err(engine_err(src))?;
        let step = match a.options.get("step") {
            None => t.steps.len(),
            Some(s) => s.parse::<usize>().map_err(|_| {
                CliError::Usage(format!(
                    "--step {s:?}: expected a step number (0, 1, 2, ...)"
                ))
            })?,
        };
        return Ok(frame_table_latex(&t, step));
    }
    let framework = Framework::from_name(to).ok_or_else(|| {
        CliError::Usage(format!(
            "unknown export `{to}`: use pytorch, jax, needle or latex-table"
        ))
    })?;
    framework_code(src, &vals, framework).map_err(engine_err(src))
}
