//! The program as PyTorch, JAX or Needle code that computes the same value and gradient,
//! so a student can check Adjoint's numbers in the framework they use.
//!
//! The code is written from the forward graph, one line per node with the node's lecture
//! name (`v3 = torch.log(x1)`), and ends by printing `{"output": …, "gradient": {…}}` as JSON,
//! the same shape as `adjoint grad --json`, so a test can compare the two.

use std::collections::BTreeSet;

use crate::error::EngineError;
use crate::graph::{Graph, NodeId, Op};
use crate::modes::compile::{compile, forward_labels, Compiled};

/// A framework to write code for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framework {
    /// PyTorch autograd on 0-d float64 tensors.
    PyTorch,
    /// JAX `value_and_grad` with 64-bit floats enabled.
    Jax,
    /// Needle, the teaching framework of CMU's Deep Learning Systems course.
    Needle,
}

impl Framework {
    /// Every framework, in menu order.
    pub const ALL: [Framework; 3] = [Framework::PyTorch, Framework::Jax, Framework::Needle];

    /// The name used on the command line and in the app.
    pub fn name(self) -> &'static str {
        match self {
            Framework::PyTorch => "pytorch",
            Framework::Jax => "jax",
            Framework::Needle => "needle",
        }
    }

    /// Parses a framework name.
    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == s)
    }

    /// The module prefix of elementwise functions (`torch.log`).
    fn module(self) -> &'static str {
        match self {
            Framework::PyTorch => "torch",
            Framework::Jax => "jnp",
            Framework::Needle => "ndl",
        }
    }
}

/// Compiles `source` at `values` and writes it as code for `framework`.
pub fn framework_code(
    source: &str,
    values: &[(String, f64)],
    framework: Framework,
) -> Result<String, EngineError> {
    let compiled = compile(source, values)?;
    Ok(code_for(&compiled, source, framework))
}

/// Writes an already compiled program as code for `framework`.
pub fn code_for(c: &Compiled, source: &str, framework: Framework) -> String {
    let g = c.graph();
    let names = python_names(g);
    let body = body_lines(g, &names, framework);
    let vars: Vec<Var> = g
        .variables()
        .iter()
        .zip(&c.inputs)
        .map(|(n, v)| Var {
            ident: python_ident(n),
            name: n.clone(),
            value: *v,
        })
        .collect();
    let output = &names[c.output().index()];
    let mut out = String::new();
    for line in source.lines() {
        out.push_str(&format!("# {line}\n"));
    }
    out.push_str("# Written by Adjoint: the same function and gradient as in the app.\n");
    match framework {
        Framework::PyTorch => tape_script(&mut out, &vars, &body, output, &PYTORCH),
        Framework::Jax => jax(&mut out, &vars, &body, output),
        Framework::Needle => tape_script(&mut out, &vars, &body, output, &NEEDLE),
    }
    out
}

/// An input variable: its Python name, its name in the program (the JSON key) and value.
struct Var {
    ident: String,
    name: String,
    value: f64,
}

/// How a tape-based framework (PyTorch, Needle) spells the parts of the script.
struct TapeSpelling {
    /// Imports and notes.
    header: &'static str,
    /// A leaf tensor that records its gradient: `x1 = torch.tensor(2.0, …)`.
    leaf: fn(&Var) -> String,
    /// The gradient of a leaf as a Python float.
    grad: fn(&Var) -> String,
    /// The output `y` as a Python float.
    output: &'static str,
}

const PYTORCH: TapeSpelling = TapeSpelling {
    header: "import json\nimport torch\n\n",
    leaf: |v| {
        format!(
            "{} = torch.tensor({}, dtype=torch.float64, requires_grad=True)",
            v.ident,
            py_float(v.value)
        )
    },
    // A variable the output does not depend on has no gradient (None): it is 0.
    grad: |v| {
        format!(
            "({0}.grad.item() if {0}.grad is not None else 0.0)",
            v.ident
        )
    },
    output: "y.item()",
};

const NEEDLE: TapeSpelling = TapeSpelling {
    header: "import json\nimport math\nimport needle as ndl\n\n\
             # Needle's course version has no sin, cos or tan ops: add them (with their\n\
             # gradients) to your ops if the program uses them.\n",
    leaf: |v| {
        format!(
            "{} = ndl.Tensor([{}], dtype=\"float64\", requires_grad=True)",
            v.ident,
            py_float(v.value)
        )
    },
    grad: |v| format!("float({}.grad.numpy()[0])", v.ident),
    output: "float(y.numpy()[0])",
};

/// Leaves, one line per node, `y.backward()`, then the JSON line.
fn tape_script(out: &mut String, vars: &[Var], body: &[String], output: &str, s: &TapeSpelling) {
    out.push_str(s.header);
    for v in vars {
        out.push_str(&(s.leaf)(v));
        out.push('\n');
    }
    for line in body {
        out.push_str(&format!("{line}\n"));
    }
    out.push_str(&format!("y = {output}\ny.backward()\n"));
    let grads: Vec<String> = vars.iter().map(|v| (s.grad)(v)).collect();
    print_json(out, s.output, vars, &grads);
}

fn jax(out: &mut String, vars: &[Var], body: &[String], output: &str) {
    out.push_str("import json\nimport jax\nimport jax.numpy as jnp\n\n");
    out.push_str("jax.config.update(\"jax_enable_x64\", True)\n\n");
    let params: Vec<&str> = vars.iter().map(|v| v.ident.as_str()).collect();
    out.push_str(&format!("def f({}):\n", params.join(", ")));
    for line in body {
        out.push_str(&format!("    {line}\n"));
    }
    out.push_str(&format!("    return {output}\n\n"));
    let argnums: Vec<String> = (0..vars.len()).map(|i| i.to_string()).collect();
    let args: Vec<String> = vars.iter().map(|v| py_float(v.value)).collect();
    out.push_str(&format!(
        "y, grads = jax.value_and_grad(f, argnums=({},))({})\n",
        argnums.join(", "),
        args.join(", ")
    ));
    let grads: Vec<String> = (0..vars.len())
        .map(|i| format!("float(grads[{i}])"))
        .collect();
    print_json(out, "float(y)", vars, &grads);
}

/// The last line: `{"output": y, "gradient": {"x1": …}}`, as `adjoint grad --json` prints.
fn print_json(out: &mut String, output: &str, vars: &[Var], grads: &[String]) {
    let entries: Vec<String> = vars
        .iter()
        .zip(grads)
        .map(|(v, g)| format!("\"{}\": {g}", v.name))
        .collect();
    out.push_str(&format!(
        "print(json.dumps({{\"output\": {output}, \"gradient\": {{{}}}}}))\n",
        entries.join(", ")
    ));
}

/// One `name = expression` line per non-input node, in graph order.
fn body_lines(g: &Graph, names: &[String], fw: Framework) -> Vec<String> {
    let mut lines = Vec::with_capacity(g.len());
    for (i, node) in g.nodes().iter().enumerate() {
        if matches!(node.op, Op::Input(_)) {
            continue;
        }
        let args: Vec<&str> = node
            .inputs
            .iter()
            .map(|&NodeId(k)| names[k as usize].as_str())
            .collect();
        lines.push(format!("{} = {}", names[i], expression(node.op, &args, fw)));
    }
    lines
}

/// The right-hand side for one op over argument names.
fn expression(op: Op, a: &[&str], fw: Framework) -> String {
    let m = fw.module();
    let x = a.first().copied().unwrap_or("0.0");
    let y = a.get(1).copied().unwrap_or("0.0");
    let call = |f: &str| format!("{m}.{f}({x})");
    match op {
        Op::Input(_) | Op::Id => x.to_string(),
        Op::Const(c) => constant(c, fw),
        Op::Neg => format!("-{x}"),
        Op::Add => format!("{x} + {y}"),
        Op::Sub => format!("{x} - {y}"),
        Op::Mul => format!("{x} * {y}"),
        Op::Div => format!("{x} / {y}"),
        // a^b = exp(b ln a) for Needle, which only has a scalar power.
        Op::Pow => match fw {
            Framework::Needle => format!("ndl.exp({y} * ndl.log({x}))"),
            _ => format!("{x} ** {y}"),
        },
        Op::AddScalar(c) => format!("{x} + {}", py_float(c)),
        Op::SubScalar(c) => format!("{x} - {}", py_float(c)),
        Op::RSubScalar(c) => format!("-{x} + {}", py_float(c)),
        Op::MulScalar(c) => format!("{x} * {}", py_float(c)),
        Op::DivScalar(c) => format!("{x} / {}", py_float(c)),
        Op::RDivScalar(c) => match fw {
            Framework::Needle => format!("{x} ** -1.0 * {}", py_float(c)),
            _ => format!("{} / {x}", py_float(c)),
        },
        Op::PowScalar(c) => format!("{x} ** {}", py_float(c)),
        // c^a = exp(a ln c)
        Op::RPowScalar(c) => match fw {
            Framework::Needle => format!("ndl.exp({x} * math.log({}))", py_float(c)),
            _ => format!("{} ** {x}", py_float(c)),
        },
        Op::Ln => call("log"),
        Op::Exp => call("exp"),
        Op::Sin => call("sin"),
        Op::Cos => call("cos"),
        Op::Tan => call("tan"),
        Op::Tanh => call("tanh"),
        Op::Sqrt => match fw {
            Framework::Needle => format!("{x} ** 0.5"),
            _ => call("sqrt"),
        },
        Op::Sigmoid => match fw {
            Framework::PyTorch => call("sigmoid"),
            Framework::Jax => format!("jax.nn.sigmoid({x})"),
            Framework::Needle => format!("(ndl.exp(-{x}) + 1.0) ** -1.0"),
        },
        Op::Relu => match fw {
            Framework::Jax => format!("jax.nn.relu({x})"),
            _ => call("relu"),
        },
        Op::Step => match fw {
            Framework::PyTorch => format!("({x} > 0).to(torch.float64)"),
            Framework::Jax => format!("jnp.where({x} > 0, 1.0, 0.0)"),
            Framework::Needle => format!("ndl.Tensor(({x}.numpy() > 0) * 1.0, dtype=\"float64\")"),
        },
        Op::Sum => {
            if a.is_empty() {
                "0.0".into()
            } else {
                a.join(" + ")
            }
        }
    }
}

fn constant(c: f64, fw: Framework) -> String {
    match fw {
        Framework::PyTorch => format!("torch.tensor({}, dtype=torch.float64)", py_float(c)),
        Framework::Jax => format!("jnp.float64({})", py_float(c)),
        Framework::Needle => format!("ndl.Tensor([{}], dtype=\"float64\")", py_float(c)),
    }
}

/// A float as Python source that reads back to the same f64.
pub fn py_float(v: f64) -> String {
    if v.is_nan() {
        "float(\"nan\")".into()
    } else if v.is_infinite() {
        if v > 0.0 {
            "float(\"inf\")".into()
        } else {
            "float(\"-inf\")".into()
        }
    } else {
        // Rust's `{:?}` is the shortest round-trip form (`2.0`, `1e-7`), valid Python.
        format!("{v:?}")
    }
}

/// Python's keywords and the names the generated code itself uses.
const RESERVED: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", "json", "math", "torch", "jax", "jnp", "ndl", "f", "y", "grads",
];

/// A name made safe as a Python identifier.
fn python_ident(name: &str) -> String {
    if RESERVED.contains(&name) {
        format!("{name}_")
    } else {
        name.to_string()
    }
}

/// One distinct Python name per node: its lecture label, made safe and unique.
fn python_names(g: &Graph) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let labels = forward_labels(g);
    g.nodes()
        .iter()
        .zip(&labels)
        .enumerate()
        .map(|(i, (node, label))| {
            // An input is the variable itself: `x1`, not its node label `v1`.
            let mut name = match node.op {
                Op::Input(k) => python_ident(g.variables().get(k as usize).unwrap_or(label)),
                _ => python_ident(label),
            };
            if !seen.insert(name.clone()) {
                name = format!("{name}_{}", i + 1);
                seen.insert(name.clone());
            }
            name
        })
        .collect()
}
