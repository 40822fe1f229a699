//! Fuzz targets for Adjoint. Each target takes raw bytes and must never panic:
//!
//! * [`parse_bytes`]: the bytes as program text and as input values (lossy UTF-8), through
//!   the lexer, parser, value parser, lowering, evaluation and diagnostics.
//! * [`engine_bytes`]: the bytes drive a grammar ([`gen::program`]) that writes a valid or
//!   nearly valid program and its values, which then run through every mode, the frames of
//!   every trace, the exports, the Hessian, n-th derivatives, the optimiser, numerical and
//!   symbolic differentiation, and the layout of the trace.
//! * [`modes_bytes`]: the same grammar through every mode and the reverse/extended
//!   agreement check only — the engine's core, fast enough for tens of millions of inputs.
//! * [`tensor_bytes`]: a tensor-program grammar ([`tensor_gen`]) with JSON inputs through
//!   the tensor engine's recording, frames and gradients, plus the raw bytes through its
//!   parser.
//!
//! `fuzz/` holds the libFuzzer binaries for long runs; `tests/smoke.rs` is the short run
//! in `cargo test` (seeded random inputs, seconds).
#![forbid(unsafe_code)]

pub mod exercise;
pub mod gen;
pub mod tensor_gen;

pub use exercise::{engine_bytes, modes_bytes, parse_bytes, run_everything, tensor_bytes};
