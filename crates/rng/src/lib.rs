//! SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, seedable generator. Adjoint uses
//! it wherever it needs random numbers — benchmark workloads, random gradient-check
//! directions, generated test graphs — so runs are reproducible and wasm needs no OS
//! randomness. All arithmetic is mod 2⁶⁴:
//!
//! ```text
//! state += 0x9E3779B97F4A7C15; z = state
//! z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
//! z = (z ^ (z >> 27)) * 0x94D049BB133111EB
//! u64 = z ^ (z >> 31)
//! ```
#![forbid(unsafe_code)]

/// A SplitMix64 generator; equal seeds give equal sequences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose state starts at `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `(u64 >> 11) · 2⁻⁵³`: uniform in [0, 1), exact (53 bits fit a double and 2⁻⁵³ is a
    /// power of two).
    pub fn uniform(&mut self) -> f64 {
        const TWO_POW_M53: f64 = 1.0 / 9_007_199_254_740_992.0;
        (self.next_u64() >> 11) as f64 * TWO_POW_M53
    }

    /// `2·uniform − 1`: uniform in [−1, 1), exact.
    pub fn sym(&mut self) -> f64 {
        2.0 * self.uniform() - 1.0
    }

    /// A uniform integer in `0..n` (0 when `n` is 0); the modulo bias is negligible here.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// `true` with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.uniform() < p
    }
}

#[cfg(test)]
mod tests {
    use super::SplitMix64;

    #[test]
    fn reference_outputs_of_seed_42() {
        // The check numbers of BENCH_WORKLOADS.md.
        let mut r = SplitMix64::new(42);
        assert_eq!(
            [r.next_u64(), r.next_u64(), r.next_u64()],
            [
                13679457532755275413,
                2949826092126892291,
                5139283748462763858
            ]
        );
    }
}
