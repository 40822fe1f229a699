//! Adjoint's tensor engine: reverse AD lifted from scalars to tensors (lecture §2.6:
//! Z = XW, X̄ = Z̄Wᵀ) and to data structures (§2.7: the adjoint of
//! d = {"cat": a0, "dog": a1} read at "cat" is {"cat": b̄, "dog": 0}).
//!
//! A program in the tensor language (a superset of the scalar one) and its inputs as
//! JSON are lowered to an evaluated graph ([`graph`]); reverse AD extends that graph
//! with adjoint nodes built by each op's vjp ([`vjp`], [`reverse`]), so gradients can be
//! differentiated again; [`record`] writes the run as the engine's `Trace`.
//!
//! **Dispatch rule** ([`looks_like_tensor_program`]): a program is a tensor program when
//! its inputs text is JSON (starts with `{`) or the program uses tensor syntax (`[`,
//! `]`, `{`, `}`, `@`, `"`, `,` outside a call, `.T`) or a tensor function (`sum`,
//! `mean`, `logsumexp`, `reshape`, `broadcast_to`, `transpose`), comments aside. Otherwise the scalar
//! engine runs it (the tensor engine would accept it too, with scalar inputs as JSON).
//!
//! ```
//! let (loss, grads) = adjoint_tensor::gradients(
//!     "Z = X @ W\nv = sum(Z)", r#"{"X": [[1, 2]], "W": [[3], [4]]}"#).expect("valid");
//! assert_eq!(loss.flat(), vec![11.0]);
//! assert_eq!(grads["X"].flat(), vec![3.0, 4.0]); // X̄ = Z̄ Wᵀ
//! ```
#![forbid(unsafe_code)]

pub mod array;
pub mod check;
pub mod domain;
pub mod error;
pub mod eval;
pub mod export;
pub mod graph;
pub mod inputs;
pub mod jvp;
pub mod kernels;
pub mod lower;
pub mod op;
pub mod outcome;
pub mod presets;
pub mod record;
pub mod reverse;
pub mod syntax;
pub mod terms;
pub mod value;
pub mod vjp;
pub mod workloads;

use std::collections::BTreeMap;

use adjoint_engine::{Mode, Trace};

pub use array::Tensor;
pub use error::TensorError;
pub use graph::{Graph, NodeId};
pub use lower::Program;
pub use op::Op;
pub use value::Value;

/// Parses `source` and lowers it with the inputs in `inputs_json`.
pub fn compile(source: &str, inputs_json: &str) -> Result<Program, TensorError> {
    let stmts = syntax::parse(source)?;
    let values = inputs::parse_inputs(inputs_json)?;
    lower::lower(&stmts, &values)
}

/// The most entries [`run`] records over all nodes of a trace (32 MB of f64): a trace
/// keeps every node's value for the step-through, so one large tensor copied through a
/// dozen nodes would otherwise fill a browser tab's memory. [`gradients`] has no such
/// limit (it keeps no trace).
pub const MAX_RECORDED_ENTRIES: usize = 4_000_000;

/// Runs reverse AD on `source` and records it. Tensor programs are recorded in
/// [`Mode::Extended`] (the graph is extended with adjoint nodes); other modes are
/// refused with an error that says so.
pub fn run(source: &str, inputs_json: &str, mode: Mode) -> Result<Trace, TensorError> {
    if mode != Mode::Extended {
        return Err(TensorError::structure(
            "mode",
            format!(
                "tensor programs run in extended mode (reverse AD by extending the graph), not {}",
                mode.name()
            ),
        ));
    }
    let p = compile(source, inputs_json)?;
    let mut g = p.graph.clone();
    let b = reverse::backward(&mut g, p.output, None)?;
    let recorded: usize = g.nodes().iter().map(|n| n.value.entry_count()).sum();
    if recorded > MAX_RECORDED_ENTRIES {
        return Err(TensorError::Limit {
            what: "the entries a step-through records (every node's value, adjoints included)",
            limit: MAX_RECORDED_ENTRIES,
        });
    }
    Ok(record::record(&p, &g, &b))
}

/// The output value and the gradient of (the sum of the entries of) the output with
/// respect to every input used, each shaped like its input.
pub fn gradients(
    source: &str,
    inputs_json: &str,
) -> Result<(Value, BTreeMap<String, Value>), TensorError> {
    let p = compile(source, inputs_json)?;
    let mut g = p.graph.clone();
    let b = reverse::backward(&mut g, p.output, None)?;
    let grads = p
        .inputs
        .iter()
        .map(|(name, id)| (name.clone(), reverse::adjoint_value(&g, &b, *id)))
        .collect();
    Ok((g.value(p.output).clone(), grads))
}

/// One gradient-descent step: the inputs JSON with every input named in `params`
/// moved by `−rate ×` its gradient. Returns the new inputs JSON and the loss before
/// the step.
pub fn gradient_step(
    source: &str,
    inputs_json: &str,
    params: &[&str],
    rate: f64,
) -> Result<(String, f64), TensorError> {
    let (loss, grads) = gradients(source, inputs_json)?;
    let mut values = inputs::parse_inputs(inputs_json)?;
    for name in params {
        let (Some(v), Some(gr)) = (values.get_mut(*name), grads.get(*name)) else {
            continue;
        };
        let moved: Vec<f64> = v
            .flat()
            .iter()
            .zip(gr.flat())
            .map(|(x, d)| x - rate * d)
            .collect();
        *v = v.with_flat(&moved);
    }
    let loss = loss.flat().iter().sum();
    Ok((inputs::to_json(&values), loss))
}

/// True when `source` with `inputs` should run on the tensor engine (see the module
/// documentation for the rule).
pub fn looks_like_tensor_program(source: &str, inputs: &str) -> bool {
    const FUNCTIONS: [&str; 6] = [
        "sum(",
        "mean(",
        "logsumexp(",
        "reshape(",
        "broadcast_to(",
        "transpose(",
    ];
    // Comments say nothing about the program: `# see [1]` must not make it a tensor one.
    let source = &without_comments(source);
    inputs.trim_start().starts_with('{')
        || source.contains(['[', ']', '{', '}', '@', '"'])
        || source.contains(".T")
        || FUNCTIONS.iter().any(|f| source.contains(f))
        || has_top_level_comma(source)
}

/// `source` with each `#` comment (to the end of its line, outside a string) removed.
fn without_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        let mut in_string = false;
        for c in line.chars() {
            match c {
                '"' => in_string = !in_string,
                '#' if !in_string => break,
                _ => {}
            }
            out.push(c);
        }
        out.push('\n');
    }
    out
}

/// A comma outside any call's parentheses (a tuple): `(a, b)` but not `f(a, b)`.
fn has_top_level_comma(source: &str) -> bool {
    let mut calls: Vec<bool> = Vec::new();
    let mut prev_word = false;
    for c in source.chars() {
        match c {
            '(' => calls.push(prev_word),
            ')' => {
                calls.pop();
            }
            ',' if !calls.last().copied().unwrap_or(false) => return true,
            _ => {}
        }
        prev_word = c.is_alphanumeric() || c == '_';
    }
    false
}
