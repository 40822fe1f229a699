//! `adjoint`: the engine on the command line. Prints the same traces the app shows
//! (text, JSON, LaTeX, DOT), gradients and Hessians, and lays out DOT graphs.
//! Bad input prints a message with a caret on stderr and exits with code 2.
#![forbid(unsafe_code)]

mod args;
mod commands;
mod error;
mod export_cmd;
mod tensor_cmd;

use std::process::ExitCode;

use error::CliError;

/// The help text.
pub const USAGE: &str = "usage:
  adjoint grad PROGRAM --at x1=2,x2=5 [--mode extended|reverse|forward|backprop] [--json]
  adjoint hessian PROGRAM --at ... [--json]
  adjoint trace PROGRAM --at ... [--mode m] [--wrt x1] [--format text|json|latex|dot]
  adjoint optimize PROGRAM --at ... [--json]
  adjoint numeric PROGRAM --at ... [--wrt x1] [--eps 1e-6] [--seed 0] [--json]
  adjoint symbolic PROGRAM --at ... [--json]   |   adjoint symbolic --product N [--json]
  adjoint layout GRAPH.dot --json
  adjoint tensor PROGRAM --inputs JSON [--format text|json|trace-json] | --preset matmul|dict|mlp
  adjoint export PROGRAM --at ... --to pytorch|jax|needle|latex-table [--mode m] [--step K]

example:
  adjoint grad 'ln(x1) + x1*x2 - sin(x2)' --at x1=2,x2=5 --json";

fn dispatch(argv: &[String]) -> Result<String, CliError> {
    let a = args::parse_args(argv)?;
    match a.command.as_str() {
        "grad" => commands::grad(&a),
        "hessian" => commands::hessian_cmd(&a),
        "trace" => commands::trace(&a),
        "layout" => commands::layout(&a),
        "optimize" => commands::optimize(&a),
        "numeric" => commands::numeric(&a),
        "symbolic" => commands::symbolic(&a),
        "export" => export_cmd::export(&a),
        "tensor" => tensor_cmd::tensor(&a),
        "help" | "--help" | "-h" => Ok(USAGE.to_string()),
        other => Err(CliError::Usage(format!("unknown command `{other}`"))),
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&argv) {
        Ok(out) => {
            println!("{}", out.trim_end());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
