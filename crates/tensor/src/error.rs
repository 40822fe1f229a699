//! The tensor engine's one error type. Errors with a place in the program render with
//! the engine's caret diagnostics.

use adjoint_engine::{Diagnostic, EngineError, Span};
use thiserror::Error;

/// Everything that can go wrong between program text, JSON inputs and a trace.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum TensorError {
    /// The text does not follow the grammar.
    #[error("{message}")]
    Parse {
        /// What went wrong.
        message: String,
        /// Where.
        span: Span,
    },
    /// The program has no statement.
    #[error("the program is empty: type an expression such as Z = X @ W; v = sum(tanh(Z))")]
    EmptyProgram,
    /// A name that is neither assigned before nor given in the inputs.
    #[error("`{name}` has no value: assign it above or give it in the inputs JSON, e.g. {{\"{name}\": [[1, 2], [3, 4]]}}")]
    UnknownName {
        /// The name.
        name: String,
        /// Where it is read.
        span: Span,
    },
    /// Shapes that do not fit an op. The message names the op and both shapes.
    #[error("{op}: shapes {left:?} and {right:?} {why}")]
    Shape {
        /// The op, as written (`@ (matmul)`, `+`, `reshape`).
        op: String,
        /// The first operand's shape (or the shape given).
        left: Vec<usize>,
        /// The second operand's shape (or the shape asked for).
        right: Vec<usize>,
        /// Why they do not fit.
        why: String,
        /// Where, once known.
        span: Option<Span>,
    },
    /// A value of the wrong kind (a dict where a tensor is needed, a missing key, …).
    #[error("{op}: {message}")]
    Structure {
        /// The op.
        op: String,
        /// What is wrong.
        message: String,
        /// Where, once known.
        span: Option<Span>,
    },
    /// The inputs JSON is malformed.
    #[error("inputs JSON: {0}")]
    Inputs(String),
    /// A size limit was hit.
    #[error("{what} is over the limit of {limit}")]
    Limit {
        /// What was too large.
        what: &'static str,
        /// The limit.
        limit: usize,
    },
}

impl TensorError {
    /// A shape error for `op` on shapes `left` and `right`.
    pub fn shape(op: &str, left: &[usize], right: &[usize], why: impl Into<String>) -> Self {
        Self::Shape {
            op: op.to_string(),
            left: left.to_vec(),
            right: right.to_vec(),
            why: why.into(),
            span: None,
        }
    }

    /// A structure error for `op`.
    pub fn structure(op: &str, message: impl Into<String>) -> Self {
        Self::Structure {
            op: op.to_string(),
            message: message.into(),
            span: None,
        }
    }

    /// The same error, placed at `at` if it has no place yet.
    pub fn at(mut self, at: Span) -> Self {
        if let Self::Shape { span, .. } | Self::Structure { span, .. } = &mut self {
            span.get_or_insert(at);
        }
        self
    }

    /// Where in the program the error points, if anywhere.
    pub fn span(&self) -> Option<Span> {
        match self {
            Self::Parse { span, .. } | Self::UnknownName { span, .. } => Some(*span),
            Self::Shape { span, .. } | Self::Structure { span, .. } => *span,
            _ => None,
        }
    }

    /// A diagnostic with the offending line and a caret under the problem (the engine's
    /// renderer, so scalar and tensor errors look the same).
    pub fn diagnostic(&self, source: &str) -> Diagnostic {
        let message = self.to_string();
        match self.span() {
            Some(span) => EngineError::Parse { message, span }.diagnostic(source),
            None => EngineError::Invalid(message).diagnostic(source),
        }
    }

    /// The diagnostic as plain text.
    pub fn render(&self, source: &str) -> String {
        self.diagnostic(source).to_string()
    }
}
