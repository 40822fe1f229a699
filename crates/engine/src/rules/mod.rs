//! One rule per op per mode: evaluation, the numeric local derivative (shared by forward
//! mode, reverse mode and backprop), its formula for display, and the graph-building
//! vector-Jacobian product used by reverse AD on the extended graph.

pub mod domain;
pub mod eval;
pub mod partial;
pub mod partial_term;
pub mod vjp;
