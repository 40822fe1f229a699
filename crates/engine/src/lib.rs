//! Adjoint's engine: a small language of scalar programs, their computational graphs,
//! and automatic differentiation recorded as replayable traces — forward mode, reverse
//! mode with numbers, reverse AD by extending the graph (the lecture's §2.4),
//! backpropagation, and higher derivatives.
//!
//! No `std::time`, threads or OS randomness: the same code runs natively and in wasm.
//!
//! ```
//! let trace = adjoint_engine::run("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5",
//!     adjoint_engine::Mode::Extended, 0).expect("valid program");
//! assert_eq!(trace.result.gradient[0].value, 5.5);
//! ```
#![forbid(unsafe_code)]

pub mod error;
pub mod export;
pub mod frame;
pub mod graph;
pub mod modes;
pub mod numeric;
pub mod optimize;
pub mod render;
pub mod rules;
pub mod symbolic;
pub mod syntax;
pub mod teach;
pub mod trace;
pub mod workloads;

pub use error::{Diagnostic, EngineError, Span};
pub use frame::{frame_at, Frame};
pub use graph::{Graph, NodeId, Op};
pub use modes::compile::{compile, Compiled};
pub use trace::{Mode, NodeKind, NodeView, ShapedValue, Step, StepKind, Trace};

/// Runs `mode` on `source` at the values written in `values` (`x1=2, x2=5`).
/// `wrt` picks the variable for forward mode (ignored by the others).
pub fn run(source: &str, values: &str, mode: Mode, wrt: usize) -> Result<Trace, EngineError> {
    let values = syntax::parse_values(values)?;
    run_with(source, &values, mode, wrt)
}

/// Like [`run`], with the values already parsed.
pub fn run_with(
    source: &str,
    values: &[(String, f64)],
    mode: Mode,
    wrt: usize,
) -> Result<Trace, EngineError> {
    let c = compile(source, values)?;
    Ok(match mode {
        Mode::Forward => modes::forward::forward_trace(&c, wrt)?,
        Mode::Reverse => modes::reverse::reverse_trace(&c),
        Mode::Extended => modes::extended_trace::extended_trace(&c),
        Mode::Backprop => modes::backprop::backprop_trace(&c),
    })
}
