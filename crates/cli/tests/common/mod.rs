//! Runs the `adjoint` binary built for these tests.

use std::process::Command;

/// Runs `adjoint ARGS…`: (exit code, stdout, stderr).
pub fn adjoint(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_adjoint"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
