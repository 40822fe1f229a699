//! The algorithms, each recording a `Trace`: forward mode, reverse mode with numbers,
//! reverse AD by extending the graph, backpropagation, and higher derivatives.

pub mod backprop;
pub mod compile;
pub mod extended;
pub mod extended_trace;
pub mod forward;
pub mod higher;
pub mod reverse;
