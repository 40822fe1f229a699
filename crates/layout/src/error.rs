//! The crate's single error type.

use thiserror::Error;

/// Everything that can go wrong while validating, parsing or laying out a graph.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum LayoutError {
    /// The graph has a directed cycle; `node` lies on it.
    #[error("the graph has a cycle through node {node}")]
    Cycle {
        /// A node on the cycle.
        node: usize,
    },
    /// An edge from a node to itself.
    #[error("node {node} has an edge to itself")]
    SelfLoop {
        /// The node with the self loop.
        node: usize,
    },
    /// An edge refers to a node index that does not exist.
    #[error("edge {edge} refers to node {node}, but there are only {count} nodes")]
    EdgeOutOfRange {
        /// Index of the edge in the input.
        edge: usize,
        /// The bad node index.
        node: usize,
        /// Number of nodes.
        count: usize,
    },
    /// A node's width or height is NaN, infinite or negative.
    #[error("node {node} has an invalid size (NaN, infinite or negative)")]
    BadSize {
        /// The node with the bad size.
        node: usize,
    },
    /// An adjoint node's `column_of` is out of range or names a node that is not forward.
    #[error(
        "node {node} is placed in the column of node {column_of}, which is not a forward node"
    )]
    BadColumn {
        /// The adjoint node.
        node: usize,
        /// Its `column_of` value.
        column_of: usize,
    },
    /// A spacing option is NaN, infinite or negative.
    #[error("layout option `{name}` must be finite and not negative")]
    BadOption {
        /// The option's field name.
        name: &'static str,
    },
    /// DOT text could not be parsed.
    #[error("DOT parse error at line {line}, column {column}: {message}")]
    Parse {
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// What was wrong.
        message: String,
    },
    /// The layout could not be written as JSON.
    #[error("could not write the layout as JSON: {message}")]
    Json {
        /// The serializer's message.
        message: String,
    },
    /// A layout error about a node of a DOT graph, named by its DOT id.
    #[error("at DOT node `{id}`: {source}")]
    AtDotNode {
        /// The DOT id of the node the inner error names.
        id: String,
        /// The error in terms of node indexes.
        source: Box<LayoutError>,
    },
}
