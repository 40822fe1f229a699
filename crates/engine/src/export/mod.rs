//! A trace written out for people and other tools: a text table like the lecture's,
//! LaTeX for slides, and DOT for Graphviz. The CLI and the app's export share these.

pub mod dot;
pub mod latex;
pub mod text;
