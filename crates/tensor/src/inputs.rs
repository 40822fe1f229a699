//! Inputs as JSON: `{"X": [[1, 2], [3, 4]], "a0": 1.5, "d": {"cat": 1}}` — numbers are
//! scalars, nested arrays tensors, objects dicts.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use crate::array::{entries, Tensor};
use crate::error::TensorError;
use crate::value::{try_dict_from, Value};

/// Parses the inputs JSON (an object; empty text means no inputs).
pub fn parse_inputs(text: &str) -> Result<BTreeMap<String, Value>, TensorError> {
    if text.trim().is_empty() {
        return Ok(BTreeMap::new());
    }
    let json: Json = serde_json::from_str(text)
        .map_err(|e| TensorError::Inputs(format!("not valid JSON: {e}")))?;
    let Json::Object(map) = json else {
        return Err(TensorError::Inputs(
            "give an object of named values, e.g. {\"X\": [[1, 2], [3, 4]], \"a0\": 1.5}".into(),
        ));
    };
    try_dict_from(map.iter().map(|(k, v)| Ok((k.clone(), from_json(v, k)?))))
}

/// One JSON value as a `Value`; `path` names it in errors (`X[1]`).
pub fn from_json(v: &Json, path: &str) -> Result<Value, TensorError> {
    match v {
        Json::Number(n) => n
            .as_f64()
            .map(Value::scalar)
            .ok_or_else(|| TensorError::Inputs(format!("`{path}` is not a finite number"))),
        Json::Array(_) => {
            let mut shape = Vec::new();
            let mut data = Vec::new();
            collect(v, path, &mut Vec::new(), &mut shape, &mut data)?;
            Ok(Value::Tensor(Tensor::new(shape, data)?))
        }
        Json::Object(m) => {
            Ok(Value::Dict(try_dict_from(m.iter().map(|(k, x)| {
                Ok((k.clone(), from_json(x, &format!("{path}.{k}"))?))
            }))?))
        }
        other => Err(TensorError::Inputs(format!(
            "`{path}` is {other}; give a number, an array of numbers or an object"
        ))),
    }
}

/// `X[1][0]`: the name of the entry at `at` inside input `path`, for errors.
fn entry_name(path: &str, at: &[usize]) -> String {
    at.iter().fold(path.to_string(), |s, i| format!("{s}[{i}]"))
}

/// Walks a nested array at depth `at.len()`, fixing the shape from the first entry at
/// each depth and rejecting ragged arrays. `at` is the index path (named only in errors).
fn collect(
    v: &Json,
    path: &str,
    at: &mut Vec<usize>,
    shape: &mut Vec<usize>,
    data: &mut Vec<f64>,
) -> Result<(), TensorError> {
    const MAX_RANK: usize = 32;
    let depth = at.len();
    match v {
        Json::Array(items) => {
            if depth >= MAX_RANK {
                return Err(TensorError::Limit {
                    what: "the rank of an input",
                    limit: MAX_RANK,
                });
            }
            if items.is_empty() {
                return Err(TensorError::Inputs(format!(
                    "`{}` is an empty array",
                    entry_name(path, at)
                )));
            }
            match shape.get(depth) {
                None if data.is_empty() => shape.push(items.len()),
                Some(&n) if n == items.len() => {}
                _ => {
                    let before = shape.get(depth).map_or_else(
                        || "the entries before it are numbers".to_string(),
                        |n| format!("the arrays before it have {n}"),
                    );
                    return Err(TensorError::Inputs(format!(
                        "`{}` is ragged: an array of {} where {before}",
                        entry_name(path, at),
                        items.len()
                    )));
                }
            }
            for (i, x) in items.iter().enumerate() {
                at.push(i);
                collect(x, path, at, shape, data)?;
                at.pop();
            }
            Ok(())
        }
        Json::Number(n) => {
            if depth != shape.len() {
                return Err(TensorError::Inputs(format!(
                    "`{}` is ragged: a number where an array of {} was expected",
                    entry_name(path, at),
                    shape.get(depth).copied().unwrap_or(0)
                )));
            }
            let x = n.as_f64().ok_or_else(|| {
                TensorError::Inputs(format!("`{}` is not a number", entry_name(path, at)))
            })?;
            data.push(x);
            entries(&[data.len()])?;
            Ok(())
        }
        other => Err(TensorError::Inputs(format!(
            "`{}` is {other}; arrays hold numbers only",
            entry_name(path, at)
        ))),
    }
}

/// Values written back as inputs JSON (tensors as nested arrays, dicts as objects,
/// tuples as arrays of their items).
pub fn to_json(values: &BTreeMap<String, Value>) -> String {
    Json::Object(json_object(values)).to_string()
}

/// One value as JSON: tensors as nested arrays (a scalar as a number), dicts as
/// objects, tuples as arrays of their items.
pub fn value_json(v: &Value) -> Json {
    match v {
        Value::Tensor(t) => nested(&t.shape, &t.data),
        Value::Tuple(items) => Json::Array(items.iter().map(value_json).collect()),
        Value::Dict(d) => Json::Object(json_object(d)),
    }
}

fn nested(shape: &[usize], data: &[f64]) -> Json {
    match shape.split_first() {
        None => data.first().map_or(Json::Null, |&x| Json::from(x)),
        Some((&n, rest)) => {
            let size = rest.iter().product::<usize>().max(1);
            Json::Array(
                (0..n)
                    .map(|i| nested(rest, data.get(i * size..(i + 1) * size).unwrap_or(&[])))
                    .collect(),
            )
        }
    }
}

/// A dict as a JSON object, inserted one by one (`collect()` into a map compiles a
/// stable sort of its own).
fn json_object(dict: &BTreeMap<String, Value>) -> serde_json::Map<String, Json> {
    let mut object = serde_json::Map::new();
    for (k, x) in dict {
        object.insert(k.clone(), value_json(x));
    }
    object
}
