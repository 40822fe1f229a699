'use strict';
// What the browser benchmark scripts in tests/perf share: their command-line reading and
// the chain program they time (not a test).

/** The value after the flag `name` (`--chain 100`), or `fallback`. */
function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** A chain of `n` statements, each reading the one before: 3 forward ops per statement. */
function chainProgram(n) {
  const lines = ['a1 = sin(x1)*x2'];
  for (let i = 2; i <= n; i++) lines.push(`a${i} = a${i - 1}*x1 + sin(a${i - 1})`);
  return lines.join('\n');
}

/** A seeded generator of uniform numbers in [0, 1) (mulberry32): the same random waits
 * for every run, and for both sides of an A/B. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The `q` quantile of `sorted` (ascending): the smallest value with at least a fraction
 * `q` of the values at or below it; NaN when empty. */
function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

module.exports = { arg, chainProgram, rng, quantile };
