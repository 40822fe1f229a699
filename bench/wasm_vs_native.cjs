'use strict';
// wasm vs native speed of the engine on the same workload: the adjoint-bench crate built
// for wasm32 (wasm-bindgen --target nodejs) runs in Node (V8, the engine Chromium uses);
// the same crate's engine_times binary runs natively. Both time forward+reverse and the
// extended-graph construction on chain and product. Prints ns per op node and the ratio.
//
// node bench/wasm_vs_native.cjs PKG_DIR ENGINE_TIMES_BINARY [KIND:OPS ...]
// (scripts/bench.sh builds both and passes them.)

const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const [pkgDir, nativeBin, ...rest] = process.argv.slice(2);
if (!pkgDir || !nativeBin) {
  console.error('usage: node bench/wasm_vs_native.cjs PKG_DIR ENGINE_TIMES_BINARY [KIND:OPS ...]');
  process.exit(2);
}
const specs = rest.length ? rest : ['chain:1000', 'chain:100000', 'product:1000', 'product:100000', 'product:1000000'];
const wasm = require(path.resolve(pkgDir, 'adjoint_bench.js'));

function median(v) {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median seconds of one `phase` over repeats (a build is timed separately and removed). */
function wasmTime(kind, ops, phase) {
  const reps = Math.max(3, Math.min(200, Math.floor(2_000_000 / ops)));
  const withPhase = [];
  const buildOnly = [];
  for (let i = 0; i < reps; i++) {
    let t0 = performance.now();
    wasm.run(kind, ops, phase, 1);
    withPhase.push(performance.now() - t0);
    t0 = performance.now();
    wasm.run(kind, ops, phase, 0);
    buildOnly.push(performance.now() - t0);
  }
  return Math.max(0, median(withPhase) - median(buildOnly)) / 1000;
}

const native = Object.fromEntries(
  execFileSync(nativeBin, specs, { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .map((r) => [`${r.kind}:${r.ops}`, r]),
);

const ns = (s, ops) => ((s / ops) * 1e9).toFixed(1);
console.log('ns per op node (medians); ratio = wasm / native');
console.log(`${'workload'.padEnd(18)}${'native fwd+bwd'.padStart(16)}${'wasm fwd+bwd'.padStart(14)}${'ratio'.padStart(8)}${'native extend'.padStart(15)}${'wasm extend'.padStart(13)}${'ratio'.padStart(8)}`);
for (const spec of specs) {
  const [kind, opsText] = spec.split(':');
  const ops = Number(opsText);
  const n = native[spec];
  const wb = wasmTime(kind, ops, 'backward');
  const we = wasmTime(kind, ops, 'extend');
  console.log(
    `${`${kind} ${ops.toLocaleString('en')}`.padEnd(18)}${ns(n.backward_s, ops).padStart(16)}${ns(wb, ops).padStart(14)}${(wb / n.backward_s).toFixed(2).padStart(7)}×` +
      `${ns(n.extend_s, ops).padStart(15)}${ns(we, ops).padStart(13)}${(we / n.extend_s).toFixed(2).padStart(7)}×`,
  );
}
