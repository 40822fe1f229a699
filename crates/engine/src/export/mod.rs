//! A trace written out for people and other tools: a text table like the lecture's,
//! LaTeX for slides, DOT for Graphviz, and PyTorch/JAX/Needle code that computes the same
//! gradient. The CLI and the app's export share these.

pub mod dot;
pub mod framework;
pub mod latex;
pub mod text;
