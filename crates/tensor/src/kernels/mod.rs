//! The numeric kernels the ops are made of: broadcasting, matrix products, reductions.

pub mod broadcast;
pub mod linalg;
pub mod reduce;
