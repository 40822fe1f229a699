//! The seeded generator of extended AD graphs.

use adjoint_layout::generate::{extended_graph, SplitMix64};
use adjoint_layout::Band;

#[test]
fn same_seed_same_graph_other_seed_other_graph() {
    assert_eq!(extended_graph(50, 7), extended_graph(50, 7));
    assert_ne!(extended_graph(50, 7), extended_graph(50, 8));
}

#[test]
fn splitmix_known_values() {
    // Reference values of SplitMix64 seeded with 1234567 (from the published C code).
    let mut rng = SplitMix64::new(1_234_567);
    assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
    assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
}

#[test]
fn shape_is_like_an_extended_graph() {
    for n in [10, 100, 1000] {
        let g = extended_graph(n, 42);
        let forward = g.nodes.iter().filter(|v| v.band == Band::Forward).count();
        let adjoint = g.nodes.len() - forward;
        assert_eq!(forward, n);
        assert!(
            adjoint >= n * 3 / 2 && adjoint <= n * 5 / 2,
            "n={n}: {adjoint} adjoint nodes"
        );
        let mut fan_in = vec![0usize; g.nodes.len()];
        let mut fan_out = vec![0usize; g.nodes.len()];
        for e in &g.edges {
            fan_in[e.dst] += 1;
            fan_out[e.src] += 1;
        }
        assert!(fan_in[..n].iter().all(|&k| k <= 2), "forward fan-in is 1-2");
        assert!(fan_out[..n].iter().any(|&k| k >= 2), "some forward fan-out");
        // Every forward node reaching the output has exactly one pinned adjoint.
        let pinned = g
            .nodes
            .iter()
            .filter(|v| matches!(v.band, Band::Adjoint { column_of: Some(_) }))
            .count();
        assert!(
            pinned <= n && pinned * 10 >= n * 9,
            "n={n}: {pinned} pinned"
        );
    }
}

#[test]
fn zero_and_one() {
    assert!(extended_graph(0, 1).nodes.is_empty());
    let g = extended_graph(1, 1);
    assert_eq!(g.nodes.len(), 2);
    assert_eq!(g.nodes[1].band, Band::Adjoint { column_of: Some(0) });
}
