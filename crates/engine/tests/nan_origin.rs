//! NaN and ±∞ are marked where they first appear, with the reason; nodes downstream say
//! where their NaN or ∞ flows in from instead of claiming to be the origin.

use adjoint_engine::{run, Mode};

/// (label, issue) of the forward nodes of `src` at `values`.
fn issues(src: &str, values: &str) -> Vec<(String, Option<String>)> {
    let t = run(src, values, Mode::Reverse, 0).expect("the program is valid");
    t.nodes[..t.forward_count as usize]
        .iter()
        .map(|n| (n.label.clone(), n.issue.clone()))
        .collect()
}

fn issue_of<'a>(all: &'a [(String, Option<String>)], label: &str) -> Option<&'a str> {
    all.iter()
        .find(|(l, _)| l == label)
        .and_then(|(_, i)| i.as_deref())
}

#[test]
fn ln_of_a_negative_number_is_marked_on_its_node_only() {
    let all = issues("ln(x1) + x1*x2 - sin(x2)", "x1=-1, x2=5");
    let v3 = issue_of(&all, "v3").expect("v3 = ln v1 is NaN");
    assert!(v3.contains("ln of a negative number"), "{v3}");
    for finite in ["v1", "v2", "v4", "v5"] {
        assert_eq!(issue_of(&all, finite), None, "{finite} is finite");
    }
    assert_eq!(issue_of(&all, "v6"), Some("NaN flows in from v3"));
    assert_eq!(issue_of(&all, "v7"), Some("NaN flows in from v6"));
}

#[test]
fn division_by_zero_and_overflow_name_their_reason() {
    let all = issues("a = x / y\nb = exp(x * 1000)\na + b", "x=1, y=0");
    assert_eq!(issue_of(&all, "a"), Some("division by zero"));
    let b = issue_of(&all, "b").expect("exp(1000) overflows");
    assert!(b.contains("overflows"), "{b}");
    let sum = all.last().and_then(|(_, i)| i.as_deref()).expect("∞ + ∞");
    assert!(sum.contains("flows in from"), "{sum}");
}

#[test]
fn ln_of_zero_is_minus_infinity() {
    let all = issues("ln(x) * 2", "x=0");
    assert_eq!(issue_of(&all, "v2"), Some("ln 0 is −∞"));
    assert_eq!(issue_of(&all, "v3"), Some("∞ flows in from v2"));
}
