//! The workspace sort agrees with the standard library's stable sort, element for
//! element (stability included), on random inputs.

use adjoint_order::{apply_order, sort, sort_by, sort_by_key, sort_floats, sorted_positions};
use proptest::prelude::*;

proptest! {
    #[test]
    fn sort_by_key_is_std_stable_sort(items in prop::collection::vec((0u8..6, any::<u32>()), 0..200usize)) {
        let mut ours = items.clone();
        let mut theirs = items;
        // Only the first field is the key: ties keep their order in both.
        sort_by_key(&mut ours, |p| p.0);
        theirs.sort_by_key(|p| p.0);
        prop_assert_eq!(ours, theirs);
    }

    #[test]
    fn sort_by_reversed_matches(items in prop::collection::vec(any::<i64>(), 0..200)) {
        let mut ours = items.clone();
        let mut theirs = items;
        sort_by(&mut ours, |a, b| b.cmp(a));
        theirs.sort_by(|a, b| b.cmp(a));
        prop_assert_eq!(ours, theirs);
    }

    #[test]
    fn sort_of_strings_matches(items in prop::collection::vec("[a-c]{0,3}", 0..60)) {
        let mut ours = items.clone();
        let mut theirs = items;
        sort(&mut ours);
        theirs.sort();
        prop_assert_eq!(ours, theirs);
    }

    #[test]
    fn floats_follow_total_order(items in prop::collection::vec(any::<f64>(), 0..100)) {
        let mut ours = items.clone();
        let mut theirs = items;
        sort_floats(&mut ours);
        theirs.sort_by(f64::total_cmp);
        prop_assert_eq!(ours.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                        theirs.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
    }

    #[test]
    fn apply_order_is_indexing(perm in Just((0..50usize).collect::<Vec<_>>()).prop_shuffle()) {
        let items: Vec<String> = (0..50).map(|i| format!("item{i}")).collect();
        let mut moved = items.clone();
        apply_order(&mut moved, &perm);
        let expected: Vec<String> = perm.iter().map(|&i| items[i].clone()).collect();
        prop_assert_eq!(moved, expected);
    }
}

#[test]
fn positions_name_where_each_rank_is() {
    let values = [30, 10, 20, 10];
    let order = sorted_positions(values.len(), &|a, b| values[a].cmp(&values[b]));
    assert_eq!(order, vec![1, 3, 2, 0]);
}

#[test]
fn a_bad_order_never_panics() {
    let mut items = vec!['a', 'b', 'c'];
    apply_order(&mut items, &[2, 2, 9]);
    items.sort_unstable();
    assert_eq!(
        items,
        vec!['a', 'b', 'c'],
        "still a permutation of the input"
    );
    apply_order(&mut items, &[]);
    assert_eq!(items.len(), 3);
}
