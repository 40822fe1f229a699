//! NaN and ±∞ in tensor programs: the node where they first appear carries the reason
//! and the offending entry; the nodes after it say where they flow in from.

use adjoint_engine::Mode;
use adjoint_tensor::run;

#[test]
fn the_first_bad_node_names_the_entry_and_later_nodes_name_it() {
    let t = run(
        "L = log(X)\ny = sum(L)",
        r#"{"X": [[1, 2], [-3, 4]]}"#,
        Mode::Extended,
    )
    .expect("NaN is a value, not an error");
    let issue = |label: &str| {
        t.nodes
            .iter()
            .find(|n| n.label == label)
            .and_then(|n| n.issue.clone())
    };
    assert_eq!(issue("X"), None);
    assert_eq!(
        issue("L").as_deref(),
        Some("1 entry is not finite: ln of a non-positive entry (X[1, 0] = -3)")
    );
    assert_eq!(
        issue("y").as_deref(),
        Some("1 entry is not finite: NaN flows in from L[1, 0]")
    );
}
