//! The CLI's errors: usage mistakes and engine errors rendered with their caret.

use thiserror::Error;

/// Why a command failed. Every variant exits with code 2.
#[derive(Debug, Error)]
pub enum CliError {
    /// Wrong arguments.
    #[error("{0}\n\n{usage}", usage = crate::USAGE)]
    Usage(String),
    /// The program or values were rejected; the message already has the caret.
    #[error("{0}")]
    Engine(String),
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// Output could not be serialised.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}
