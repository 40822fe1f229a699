//! The rules a wrong answer can miss. Each variant names one rule; the app maps them to
//! sentences in each language.

use serde::{Deserialize, Serialize};

/// A diagnosed mistake: which rule the answer did not follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", content = "slip", rename_all = "snake_case")]
pub enum Mistake {
    /// Took one partial adjoint instead of the sum over every path:
    /// v̄_i = Σ_{j ∈ next(i)} v̄_{i→j} (the lecture's v̄2 = v̄_{2→5} + v̄_{2→4}).
    OnePath,
    /// Sent the local derivative ∂v_i/∂v_k alone, without the chain-rule factor v̄_i.
    ForgotChainFactor,
    /// Multiplied by the wrong local derivative ∂v_i/∂v_k.
    WrongLocal(Slip),
    /// The output's adjoint is ∂y/∂y = 1, not 0 or its value.
    SeedIsOne,
}

/// Which local derivative went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Slip {
    /// d(sin a)/da = cos a, not sin a (or d(cos a)/da = −sin a, not cos a).
    SinCos,
    /// The minus sign of a subtraction or negation was dropped: d(a − b)/db = −1.
    DroppedMinus,
    /// For a product, the derivative by one factor is the *other* factor: d(ab)/da = b.
    OtherFactor,
    /// d(ln a)/da = 1/a, d(a/b)/da = 1/b: the reciprocal, not the value itself.
    Reciprocal,
    /// d(e^a)/da = e^a (the node's own value), not the input a.
    ExpIsItself,
    /// d(a^c)/da = c·a^(c−1): the exponent goes down by one and multiplies.
    PowerRule,
}
