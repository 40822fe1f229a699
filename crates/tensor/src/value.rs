//! `Value`: what a node holds — a tensor, a tuple or a string-keyed dict of values.
//! The adjoint of a value has the same structure (lecture §2.7).

use std::collections::BTreeMap;

use adjoint_engine::ShapedValue;
use serde::{Deserialize, Serialize};

use crate::array::Tensor;
use crate::error::TensorError;

/// A tensor or a structure of values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// A tensor of any rank (rank 0 is a scalar).
    Tensor(Tensor),
    /// A tuple `(a, b)`.
    Tuple(Vec<Value>),
    /// A dict `{"cat": a0, "dog": a1}`.
    Dict(BTreeMap<String, Value>),
}

/// A dict from its entries, inserted one by one.
///
/// `collect()` into a `BTreeMap` first sorts the entries with a stable sort compiled
/// anew for every call site (≈ 16 KB of the app's wasm for the five dict builders); the
/// entries here always come from another dict, already in key order.
pub fn dict_from(entries: impl IntoIterator<Item = (String, Value)>) -> BTreeMap<String, Value> {
    let mut dict = BTreeMap::new();
    for (key, value) in entries {
        dict.insert(key, value);
    }
    dict
}

/// [`dict_from`] for entries that may fail: the first error is returned.
pub fn try_dict_from(
    entries: impl IntoIterator<Item = Result<(String, Value), TensorError>>,
) -> Result<BTreeMap<String, Value>, TensorError> {
    let mut dict = BTreeMap::new();
    for entry in entries {
        let (key, value) = entry?;
        dict.insert(key, value);
    }
    Ok(dict)
}

impl Value {
    /// A scalar.
    pub fn scalar(x: f64) -> Self {
        Value::Tensor(Tensor::scalar(x))
    }

    /// The tensor inside, or an error naming `op` and what it got instead.
    pub fn tensor(&self, op: &str) -> Result<&Tensor, TensorError> {
        match self {
            Value::Tensor(t) => Ok(t),
            other => Err(TensorError::structure(
                op,
                format!("needs a tensor, got {}", other.describe()),
            )),
        }
    }

    /// The same structure with every entry `f(entry)`.
    pub fn map(&self, f: &impl Fn(f64) -> f64) -> Self {
        match self {
            Value::Tensor(t) => Value::Tensor(t.map(f)),
            Value::Tuple(items) => Value::Tuple(items.iter().map(|v| v.map(f)).collect()),
            Value::Dict(d) => Value::Dict(dict_from(d.iter().map(|(k, v)| (k.clone(), v.map(f))))),
        }
    }

    /// Zeros of the same structure and shapes: the adjoint where nothing flowed.
    pub fn zeros_like(&self) -> Self {
        self.map(&|_| 0.0)
    }

    /// Every entry, depth first (dict entries by key).
    pub fn flat(&self) -> Vec<f64> {
        let mut out = Vec::new();
        self.flat_into(&mut out);
        out
    }

    /// How many entries it holds (the length of [`Value::flat`], without building it).
    pub fn entry_count(&self) -> usize {
        match self {
            Value::Tensor(t) => t.data.len(),
            Value::Tuple(items) => items.iter().map(Value::entry_count).sum(),
            Value::Dict(d) => d.values().map(Value::entry_count).sum(),
        }
    }

    fn flat_into(&self, out: &mut Vec<f64>) {
        match self {
            Value::Tensor(t) => out.extend_from_slice(&t.data),
            Value::Tuple(items) => items.iter().for_each(|v| v.flat_into(out)),
            Value::Dict(d) => d.values().for_each(|v| v.flat_into(out)),
        }
    }

    /// The same structure holding the entries `data` (in [`Value::flat`] order).
    pub fn with_flat(&self, data: &[f64]) -> Self {
        let mut at = 0;
        self.refill(data, &mut at)
    }

    fn refill(&self, data: &[f64], at: &mut usize) -> Self {
        match self {
            Value::Tensor(t) => {
                let n = t.data.len();
                let mut d: Vec<f64> = data.iter().skip(*at).take(n).copied().collect();
                d.resize(n, 0.0);
                *at += n;
                Value::Tensor(Tensor {
                    shape: t.shape.clone(),
                    data: d,
                })
            }
            Value::Tuple(items) => Value::Tuple(items.iter().map(|v| v.refill(data, at)).collect()),
            Value::Dict(m) => Value::Dict(dict_from(
                m.iter().map(|(k, v)| (k.clone(), v.refill(data, at))),
            )),
        }
    }

    /// `⟨self, other⟩`: the sum of the products of matching entries.
    pub fn dot(&self, other: &Value) -> f64 {
        self.flat()
            .iter()
            .zip(other.flat())
            .map(|(a, b)| a * b)
            .sum()
    }

    /// True when both have the same structure and shapes.
    pub fn same_form(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Tensor(a), Value::Tensor(b)) => a.shape == b.shape,
            (Value::Tuple(a), Value::Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_form(y))
            }
            (Value::Dict(a), Value::Dict(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b)
                        .all(|((k, x), (l, y))| k == l && x.same_form(y))
            }
            _ => false,
        }
    }

    /// In words, for errors: `a tensor of shape [2, 3]`, `a dict with keys cat, dog`.
    pub fn describe(&self) -> String {
        match self {
            Value::Tensor(t) if t.rank() == 0 => "a scalar".into(),
            Value::Tensor(t) => format!("a tensor of shape {:?}", t.shape),
            Value::Tuple(items) => format!("a tuple of {}", items.len()),
            Value::Dict(d) => format!(
                "a dict with keys {}",
                d.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
        }
    }

    /// A short badge for the picture: `2×3`, `scalar`, `(2)`, `{cat, dog}`.
    pub fn badge(&self) -> String {
        match self {
            Value::Tensor(t) if t.rank() == 0 => "scalar".into(),
            Value::Tensor(t) => t
                .shape
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join("×"),
            Value::Tuple(items) => format!("({})", items.len()),
            Value::Dict(d) => format!("{{{}}}", d.keys().cloned().collect::<Vec<_>>().join(", ")),
        }
    }

    /// The scalar the engine's `NodeView::value` carries: the entry of a rank-0 tensor,
    /// 0.0 for anything else (whose entries travel in `shaped`).
    pub fn scalar_or_zero(&self) -> f64 {
        match self {
            Value::Tensor(t) => t.as_scalar().unwrap_or(0.0),
            _ => 0.0,
        }
    }

    /// The engine's serializable form.
    pub fn to_shaped(&self) -> ShapedValue {
        match self {
            Value::Tensor(t) => ShapedValue::Tensor {
                shape: t.shape.clone(),
                data: t.data.clone(),
            },
            Value::Tuple(items) => ShapedValue::Tuple {
                items: items.iter().map(Value::to_shaped).collect(),
            },
            Value::Dict(d) => ShapedValue::Dict {
                entries: d.iter().map(|(k, v)| (k.clone(), v.to_shaped())).collect(),
            },
        }
    }
}
