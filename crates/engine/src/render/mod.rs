//! Formulas as data (`Term`) and their renderings: Unicode text, LaTeX and MathML.

pub mod latex;
pub mod mathml;
pub mod number;
pub mod term;
pub mod text;

pub use term::{Accent, Sym, Term};
