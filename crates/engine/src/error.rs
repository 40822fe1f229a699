//! The engine's one error type, and the caret diagnostics it renders for the user.

use serde::Serialize;
use thiserror::Error;

/// A half-open byte range `[start, end)` into the program text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span covering `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
}

/// Everything that can go wrong between program text and a trace.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum EngineError {
    /// The text does not follow the grammar.
    #[error("{message}")]
    Parse {
        /// What went wrong, in words.
        message: String,
        /// Where.
        span: Span,
    },
    /// The program has no statement.
    #[error("the program is empty: type an expression such as ln(x1) + x1*x2 - sin(x2)")]
    EmptyProgram,
    /// A function name the language does not know.
    #[error(
        "unknown function `{name}`; known: ln (log), exp, sin, cos, tan, tanh, sqrt, sigmoid, relu"
    )]
    UnknownFunction {
        /// The name as written.
        name: String,
        /// Where.
        span: Span,
    },
    /// A name read before the statement that assigns it.
    #[error("`{name}` is used before it is assigned (it is assigned further down)")]
    UsedBeforeAssigned {
        /// The name.
        name: String,
        /// Where it is read.
        span: Span,
    },
    /// An input without a value.
    #[error("no value given for input `{name}` (give one like {name}=1)")]
    MissingValue {
        /// The input's name.
        name: String,
        /// Where it first appears.
        span: Span,
    },
    /// The output is a constant, so there is nothing to differentiate.
    #[error("the output does not depend on any input, so there is nothing to differentiate")]
    ConstantOutput {
        /// The last statement.
        span: Span,
    },
    /// The list of input values (`x1=2, x2=5`) is malformed.
    #[error("input values: {message}")]
    BadValues {
        /// What went wrong.
        message: String,
        /// Where in the values text.
        span: Span,
    },
    /// A size or depth limit was hit.
    #[error("{what} is over the limit of {limit}")]
    Limit {
        /// What was too large.
        what: &'static str,
        /// The limit.
        limit: usize,
    },
    /// A request that does not fit the graph (unknown variable, wrong mode argument).
    #[error("{0}")]
    Invalid(String),
}

impl EngineError {
    /// The span this error points at, if any: in the program text, or for `BadValues`
    /// in the values text (see [`EngineError::in_values`]).
    pub fn span(&self) -> Option<Span> {
        match self {
            Self::BadValues { span, .. }
            | Self::Parse { span, .. }
            | Self::UnknownFunction { span, .. }
            | Self::UsedBeforeAssigned { span, .. }
            | Self::MissingValue { span, .. }
            | Self::ConstantOutput { span } => Some(*span),
            _ => None,
        }
    }

    /// True when the span points into the values text (`x1=2, x2=5`), not the program.
    pub fn in_values(&self) -> bool {
        matches!(self, Self::BadValues { .. })
    }

    /// A diagnostic with the offending line and a caret under the problem.
    pub fn diagnostic(&self, source: &str) -> Diagnostic {
        let message = self.to_string();
        let Some(span) = self.span() else {
            return Diagnostic {
                message,
                line: 0,
                column: 0,
                source_line: String::new(),
                caret: String::new(),
            };
        };
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let source_line = source[line_start..line_end].to_string();
        let column = source[line_start..start].chars().count();
        let end = floor_char_boundary(source, span.end.clamp(start, line_end));
        let width = source[start..end].chars().count().max(1);
        let caret = format!("{}{}", " ".repeat(column), "^".repeat(width));
        let line = source[..line_start].matches('\n').count() + 1;
        Diagnostic {
            message,
            line,
            column: column + 1,
            source_line,
            caret,
        }
    }

    /// The diagnostic as plain text: `error: …`, the line, and the caret.
    pub fn render(&self, source: &str) -> String {
        self.diagnostic(source).to_string()
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A user-facing error: message plus the source line and a caret line.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// The message.
    pub message: String,
    /// 1-based line number (0 when the error has no place in the text).
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// The text of the offending line.
    pub source_line: String,
    /// Spaces and `^` under the problem.
    pub caret: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            return write!(f, "error: {}", self.message);
        }
        write!(
            f,
            "error: {}\n  --> line {}, column {}\n   | {}\n   | {}",
            self.message, self.line, self.column, self.source_line, self.caret
        )
    }
}
