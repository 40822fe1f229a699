//! `adjoint export`: the generated PyTorch / JAX / Needle code computes the same value and
//! gradient as `adjoint grad`. Where the framework is importable by `python3` the code is
//! run and its JSON compared; otherwise (and always for Needle, which is course code, not a
//! package) its text is checked line by line.

use std::io::Write;
use std::process::{Command, Stdio};

mod common;
use common::adjoint;

/// Programs covering every op the language has, at points inside every op's domain.
const PROGRAMS: &[(&str, &str)] = &[
    ("ln(x1) + x1*x2 - sin(x2)", "x1=2,x2=5"),
    ("v2 = exp(x1); v3 = v2 + 1; v4 = v2 * v3", "x1=0.5"),
    (
        "a = x^y + 2^x - 3/x + cos(x)*tan(y) + sqrt(y)/y - (1 - x)\nb = tanh(a/10) + sigmoid(x) + relu(y - x) + relu(x - y)\nb * -x + a*0.5 - 4 + x^3",
        "x=1.3,y=0.7",
    ),
];

fn python_has(module: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn run_python(code: &str) -> serde_json::Value {
    let mut child = Command::new("python3")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(code.as_bytes())
        .expect("code written");
    let out = child.wait_with_output().expect("python3 finishes");
    assert!(
        out.status.success(),
        "python failed:\n{}\n{code}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let last = text.lines().last().expect("a JSON line");
    serde_json::from_str(last).expect("JSON from the generated code")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * (1.0 + a.abs().max(b.abs()))
}

fn check_framework(framework: &str, module: &str) -> bool {
    if !python_has(module) {
        eprintln!("{module} is not importable: checked the text only");
        return false;
    }
    for (program, at) in PROGRAMS {
        let (code, expected, err) = adjoint(&["grad", program, "--at", at, "--json"]);
        assert_eq!(code, 0, "{err}");
        let expected: serde_json::Value = serde_json::from_str(&expected).expect("json");
        let (code, source, err) = adjoint(&["export", program, "--at", at, "--to", framework]);
        assert_eq!(code, 0, "{err}");
        let got = run_python(&source);
        let num = |v: &serde_json::Value| v.as_f64().expect("a number");
        assert!(
            close(num(&got["output"]), num(&expected["output"])),
            "{framework} output {got} vs {expected} for {program}"
        );
        let grads = expected["gradient"].as_object().expect("gradient object");
        for (name, want) in grads {
            assert!(
                close(num(&got["gradient"][name]), num(want)),
                "{framework} ∂/∂{name}: {got} vs {expected} for {program}"
            );
        }
    }
    true
}

#[test]
fn pytorch_code_computes_the_same_gradient() {
    check_framework("pytorch", "torch");
}

#[test]
fn jax_code_computes_the_same_gradient() {
    check_framework("jax", "jax");
}

/// `adjoint export LECTURE --at x1=2,x2=5 --to <framework>`, which must succeed.
fn lecture_export(to: &str) -> String {
    let (code, out, err) = adjoint(&[
        "export",
        "ln(x1) + x1*x2 - sin(x2)",
        "--at",
        "x1=2,x2=5",
        "--to",
        to,
    ]);
    assert_eq!(code, 0, "{err}");
    out
}

fn assert_lines(code: &str, lines: &[&str]) {
    for line in lines {
        assert!(
            code.lines().any(|l| l == *line),
            "missing `{line}` in\n{code}"
        );
    }
}

#[test]
fn lecture_code_reads_like_the_lecture() {
    assert_lines(
        &lecture_export("pytorch"),
        &[
            "x1 = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)",
            "v3 = torch.log(x1)",
            "v4 = x1 * x2",
            "v5 = torch.sin(x2)",
            "v7 = v6 - v5",
            "y.backward()",
        ],
    );
    assert_lines(
        &lecture_export("needle"),
        &[
            "x1 = ndl.Tensor([2.0], dtype=\"float64\", requires_grad=True)",
            "v3 = ndl.log(x1)",
            "v5 = ndl.sin(x2)",
            "y.backward()",
        ],
    );
    let jax = lecture_export("jax");
    assert!(
        jax.contains("def f(x1, x2):\n    v3 = jnp.log(x1)\n"),
        "{jax}"
    );
    assert!(
        jax.contains("jax.value_and_grad(f, argnums=(0, 1,))(2.0, 5.0)"),
        "{jax}"
    );
}

#[test]
fn python_keywords_and_clashing_names_are_renamed() {
    let (code, out, err) = adjoint(&[
        "export",
        "lambda = x * 2; torch = lambda + 1; torch * x",
        "--at",
        "x=3",
        "--to",
        "pytorch",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("lambda_ = x * 2.0"), "{out}");
    assert!(out.contains("torch_ = lambda_ + 1.0"), "{out}");
}

#[test]
fn latex_table_after_a_step() {
    let table = |extra: &[&str]| {
        let mut args = vec![
            "export",
            "ln(x1) + x1*x2 - sin(x2)",
            "--at",
            "x1=2,x2=5",
            "--to",
            "latex-table",
            "--mode",
            "reverse",
        ];
        args.extend_from_slice(extra);
        let (code, out, err) = adjoint(&args);
        assert_eq!(code, 0, "{err}");
        out
    };
    let last = table(&[]);
    assert!(last.contains("\\begin{align*}"), "{last}");
    assert!(
        last.contains("1.716"),
        "v̄2 = 1.716 in the final table: {last}"
    );
    let early = table(&["--step", "1"]);
    assert!(
        !early.contains("1.716"),
        "not yet visited at step 1: {early}"
    );
}

#[test]
fn bad_export_requests_exit_2_with_a_message() {
    let (code, _, err) = adjoint(&["export", "x*y", "--at", "x=1,y=2", "--to", "tensorflow"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("use pytorch, jax, needle or latex-table"),
        "{err}"
    );
    let (code, _, err) = adjoint(&["export", "x*", "--at", "x=1", "--to", "jax"]);
    assert_eq!(code, 2);
    assert!(err.contains('^'), "caret: {err}");
}
