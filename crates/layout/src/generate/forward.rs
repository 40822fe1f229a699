//! The random forward program behind [`super::extended_graph`]: a layered DAG.
//!
//! `n` nodes are spread over `≈ 2√n` levels (the last one holds the output, and level `l`
//! holds at most `2^(depth−1−l)` nodes so the levels can funnel into it). Level 0 holds
//! leaves; an op in level `L` reads one or two values from level `L−1` (sometimes `L−2`),
//! first consuming values of `L−1` that nobody reads yet, so nearly every value reaches the
//! output. A few later nodes are leaves (constants). Values are read at most 3 times.

use super::SplitMix64;

/// Chance that a node after level 0 is a leaf (a constant), when the level can spare it.
const LEAF: f64 = 0.08;
/// Chance that an op is binary.
const BINARY: f64 = 0.6;
/// Chance that an optional second input comes from two levels back.
const SKIP_LEVEL: f64 = 0.3;
/// Maximum number of uses of one value.
const MAX_FAN_OUT: usize = 3;

/// Inputs of each of `n` nodes (ids increase level by level).
pub(super) fn program(n: usize, rng: &mut SplitMix64) -> Vec<Vec<usize>> {
    let levels = level_ranges(n, rng);
    let mut inputs: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut fan_out = vec![0usize; n];
    for l in 1..levels.len() {
        let (prev, here) = (levels[l - 1].clone(), levels[l].clone());
        let older = if l >= 2 {
            Some(levels[l - 2].clone())
        } else {
            None
        };
        let mut unused: Vec<usize> = prev.clone().rev().collect(); // pop() gives the first
        for j in here.clone() {
            let slots_after = here.end - j - 1;
            let last_level = l + 1 == levels.len();
            let spare = unused.len() <= slots_after * 2;
            if !last_level && spare && unused.len() < slots_after * 2 && rng.chance(LEAF) {
                continue;
            }
            let first = unused.pop().unwrap_or_else(|| reuse(&prev, &fan_out, rng));
            let mut ins = vec![first];
            let must = unused.len() > slots_after * 2
                || (unused.len() > slots_after && !unused.is_empty());
            if must {
                ins.extend(unused.pop());
            } else if rng.chance(BINARY) {
                let from = match &older {
                    Some(o) if rng.chance(SKIP_LEVEL) => o.clone(),
                    _ => prev.clone(),
                };
                ins.push(reuse(&from, &fan_out, rng));
            }
            for &i in &ins {
                fan_out[i] += 1;
            }
            inputs[j] = ins;
        }
    }
    inputs
}

/// Node id ranges of the levels.
fn level_ranges(n: usize, rng: &mut SplitMix64) -> Vec<std::ops::Range<usize>> {
    if n == 0 {
        return Vec::new();
    }
    let depth = ((2.0 * (n as f64).sqrt()).round() as usize).clamp(1, n);
    let cap = |l: usize| {
        1usize
            .checked_shl((depth - 1 - l).min(62) as u32)
            .unwrap_or(usize::MAX)
    };
    let mut sizes = vec![1usize; depth];
    let mut left = n - depth;
    while left > 0 {
        let l = rng.below(depth - 1);
        if sizes[l] < cap(l) {
            sizes[l] += 1;
            left -= 1;
        }
    }
    let mut start = 0;
    sizes
        .iter()
        .map(|&s| {
            start += s;
            start - s..start
        })
        .collect()
}

/// A random value of `level` that may be read again (fewer than 3 uses), else its first.
fn reuse(level: &std::ops::Range<usize>, fan_out: &[usize], rng: &mut SplitMix64) -> usize {
    for _ in 0..4 {
        let c = level.start + rng.below(level.len());
        if fan_out[c] < MAX_FAN_OUT {
            return c;
        }
    }
    level.start
}

/// Which nodes have a path to the last node (the output).
pub(super) fn reaches_output(inputs: &[Vec<usize>]) -> Vec<bool> {
    let mut reaches = vec![false; inputs.len()];
    if let Some(last) = reaches.last_mut() {
        *last = true;
    }
    for j in (0..inputs.len()).rev() {
        if reaches[j] {
            for &i in &inputs[j] {
                reaches[i] = true;
            }
        }
    }
    reaches
}
