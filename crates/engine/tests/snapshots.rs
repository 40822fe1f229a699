//! Snapshot tests of the lecture examples' traces in text form: any change to numbering,
//! formulas, step order or narration shows up as a reviewable diff.

use adjoint_engine::export::text::trace_text;
use adjoint_engine::{run, Mode};

fn narrated(src: &str, at: &str, mode: Mode) -> String {
    let t = run(src, at, mode, 0).expect("valid");
    let mut out = trace_text(&t);
    out.push_str("\nNarration\n");
    for s in &t.steps {
        out.push_str(&format!("  {}\n", s.narration));
    }
    out
}

#[test]
fn lecture_example_1_every_mode() {
    for mode in Mode::ALL {
        insta::assert_snapshot!(
            format!("example1_{}", mode.name()),
            narrated("ln(x1) + x1*x2 - sin(x2)", "x1=2, x2=5", mode)
        );
    }
}

#[test]
fn lecture_example_2_extended() {
    insta::assert_snapshot!(narrated(
        "v2 = exp(x1); v3 = v2 + 1; v4 = v2 * v3",
        "x1=1",
        Mode::Extended
    ));
}
