'use strict';
// A diagnostic for BENCHMARKS.md (web section), not a test: where a step's main-thread time goes.
// Loads one workload (default: the 100-statement chain in extended mode), then records a
// V8 CPU profile and a DevTools trace over `--steps` ArrowRight steps and prints self time
// per step grouped as: wasm (the app: Yew's render and diff, the engine's frame), the
// wasm-bindgen JS glue (mostly DOM calls from wasm: createElement, setAttribute, …), GC,
// and Blink's own work from the trace (style recalculation, layout, paint, pre-paint and
// layerize, hit testing), plus the top functions by self time. The release wasm has no
// name section, so wasm functions show as their index (`$func123`).
//
// Run: ADJOINT_E2E_URL=http://127.0.0.1:PORT/ NODE_PATH=~/.adjoint-tools/node_modules \
//        node tests/perf/profile_step.cjs [--chain 100] [--mode extended] [--steps 30] [--from 5] [--detail] [--dump trace.json]

const path = require('node:path');
const { launchBrowser, openApp } = require(path.join(__dirname, '..', 'e2e', 'helpers.cjs'));
const { arg, chainProgram } = require(path.join(__dirname, 'workload.cjs'));

/** Self time (ms) per profile node, from the samples and their time deltas. */
function selfTimes(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] || 0) / 1000;
    self.set(id, (self.get(id) || 0) + dt);
  });
  return [...self].map(([id, ms]) => ({ node: byId.get(id), ms }));
}

/** Inclusive time (ms) per function name: each sample counts once per name on its stack. */
function totalTimes(profile) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] || 0) / 1000;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at).callFrame.functionName;
      if (name && !seen.has(name)) seen.add(name);
    }
    for (const name of seen) total.set(name, (total.get(name) || 0) + dt);
  });
  return total;
}

function group(cf) {
  const url = cf.url || '';
  if (url.startsWith('wasm://') || url.endsWith('.wasm') || cf.functionName.startsWith('wasm-function')) return 'wasm (Yew + engine)';
  if (url.endsWith('.js') && /adjoint-web/.test(url)) return 'wasm-bindgen glue + DOM calls';
  if (cf.functionName === '(garbage collector)') return 'GC';
  if (cf.functionName === '(idle)') return 'idle';
  if (cf.functionName === '(program)') return '(program): native, incl. style/layout/paint';
  return `other JS (${cf.functionName || 'anonymous'})`;
}

/** Counts per step from the trace: what style, layout and paint touched, and why. */
function printDetail(events, steps) {
  const per = (x) => (x / steps).toFixed(1).padStart(8);
  const sum = new Map();
  const add = (k, v) => sum.set(k, (sum.get(k) || 0) + (v || 0));
  const reasons = new Map();
  const count = (k) => reasons.set(k, (reasons.get(k) || 0) + 1);
  const layers = new Set();
  for (const e of events) {
    const a = e.args || {};
    if (e.name === 'UpdateLayoutTree' && e.ph === 'X') {
      add('style passes', 1);
      add('elements restyled', (a.elementCount ?? (a.data && a.data.elementCount)) || 0);
    } else if (e.name === 'Layout' && (e.ph === 'X' || e.ph === 'B')) {
      add('layout passes', 1);
      if (a.beginData) {
        add('objects dirty at layout', a.beginData.dirtyObjects);
        add('objects in tree at layout', a.beginData.totalObjects);
      }
    } else if (e.name === 'Paint' && e.ph === 'X') {
      add('paint events', 1);
    } else if (e.name === 'RasterTask' && e.ph === 'X') {
      // Software raster on the worker threads: one task per re-rastered tile.
      add('tiles rastered', 1);
      add('raster ms (worker threads)', (e.dur || 0) / 1000);
      layers.add(a.tileData && a.tileData.layerId);
    } else if (e.name === 'Animation' && a.data && a.data.compositeFailed !== undefined) {
      // An animation or transition Chromium could not run on the compositor.
      add('animations started on the main thread', 1);
    } else if (e.name === 'Animation' && a.data && a.data.state === 'running') {
      add('animations entering the running state', 1);
    } else if (/InvalidationTracking$/.test(e.name)) {
      const d = a.data || {};
      const what = d.nodeName ? d.nodeName.replace(/ id='[^']*'/, '') : '';
      count(`${e.name.replace('InvalidationTracking', '')}: ${d.reason || d.invalidationSet?.reason || '?'} ${what}`.slice(0, 110));
    }
  }
  console.log('\nper step (trace counts):');
  for (const [k, v] of sum) console.log(`${per(v)}  ${k}`);
  console.log(`${per(layers.size)}  distinct composited layers rastered`);
  console.log('\ninvalidations per step by reason and element (top 25):');
  for (const [k, v] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${per(v)}  ${k}`);
}

async function main() {
  const steps = Number(arg('--steps', '30'));
  const chain = Number(arg('--chain', '100'));
  const mode = arg('--mode', 'extended');
  // --detail: also how much each phase touched (elements restyled, objects laid out, tiles
  // rastered, CSS animations and transitions started) and why (Blink's invalidation
  // tracking, grouped by reason and element). --dump FILE writes the raw trace events.
  const detail = process.argv.includes('--detail');
  const program = chain > 0 ? chainProgram(chain) : 'ln(x1) + x1*x2 - sin(x2)';
  const values = chain > 0 ? 'x1=0.5, x2=0.7' : 'x1=2, x2=5';
  const browser = await launchBrowser();
  try {
    const { page } = await openApp(browser.context);
    await page.click(`button[data-mode=${mode}]`);
    await page.locator('input#inputs').fill(values);
    await page.locator('textarea#program').fill(program);
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.waitForTimeout(500);
    const stepOnce = () =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
            requestAnimationFrame(() => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => resolve();
              ch.port2.postMessage(0);
            });
          }),
      );
    // --from K: profile from step K on (the table and node_to_grad hold more rows later).
    const from = Math.max(5, Number(arg('--from', '5')));
    for (let i = 0; i < from; i++) await stepOnce();

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      // --categories adds trace categories (e.g. 'blink,disabled-by-default-blink.debug').
      categories: (detail
        ? 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.invalidationTracking'
        : 'devtools.timeline,disabled-by-default-devtools.timeline') + (arg('--categories', '') && `,${arg('--categories', '')}`),
      transferMode: 'ReportEvents',
    });
    await cdp.send('Profiler.start');
    for (let i = 0; i < steps; i++) await stepOnce();
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Tracing.end');
    await traced;

    const groups = new Map();
    const fns = new Map();
    for (const { node, ms } of selfTimes(profile)) {
      const g = group(node.callFrame);
      groups.set(g, (groups.get(g) || 0) + ms);
      const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url ? path.basename(node.callFrame.url) : ''}`;
      fns.set(key, (fns.get(key) || 0) + ms);
    }
    // Blink's rendering phases from the trace (complete events, main thread of the page).
    // Wall time (dur) and the thread's CPU time (tdur): on a shared, loaded machine the
    // wall time holds whatever preempted the thread, the CPU time does not.
    const blink = new Map();
    const cpu = new Map();
    const names = ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'HitTest', 'ParseHTML', 'MinorGC', 'MajorGC', 'Commit'];
    // A Paint of the #document holds the Paint of its <html>: count only the outermost event
    // of each name on a thread (summed, nested ones counted each phase twice).
    const openUntil = new Map();
    const sorted = events.filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts);
    for (const e of sorted) {
      const k = `${e.tid} ${e.name}`;
      if ((openUntil.get(k) || -1) > e.ts) continue;
      openUntil.set(k, e.ts + (e.dur || 0));
      if (names.includes(e.name)) {
        blink.set(e.name, (blink.get(e.name) || 0) + (e.dur || 0) / 1000);
        cpu.set(e.name, (cpu.get(e.name) || 0) + (e.tdur || 0) / 1000);
      } else if (e.name === 'RasterTask') {
        cpu.set('RasterTask (workers)', (cpu.get('RasterTask (workers)') || 0) + (e.tdur || 0) / 1000);
      }
    }
    const per = (ms) => (ms / steps).toFixed(2).padStart(8);
    const inclusive = totalTimes(profile);
    console.log(`profile of ${steps} steps, ${chain > 0 ? `chain ${chain}` : 'lecture'} in ${mode} mode (ms per step)`);
    console.log('\nCPU profile, self time by group:');
    for (const [g, ms] of [...groups].sort((a, b) => b[1] - a[1])) if (g !== 'idle') console.log(`${per(ms)}  ${g}`);
    console.log('\nBlink trace events (inclusive; style = UpdateLayoutTree): wall, thread CPU');
    for (const [n, ms] of [...blink].sort((a, b) => b[1] - a[1])) console.log(`${per(ms)}${per(cpu.get(n) || 0)}  ${n}`);
    console.log(`${' '.repeat(8)}${per(cpu.get('RasterTask (workers)') || 0)}  RasterTask (workers)`);
    console.log('\ntop functions by self time:');
    for (const [f, ms] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${per(ms)}  ${f}`);
    // Inclusive time of the app's own functions: only readable with a name section (a build
    // with data-keep-debug, see BENCHMARKS.md (web section)); the release build shows indexes.
    console.log('\ntop app functions by inclusive time (needs a wasm name section):');
    const mine = [...inclusive].filter(([f]) => /adjoint|yew|frame_at|table_rows|annotations/.test(f));
    for (const [f, ms] of mine.sort((a, b) => b[1] - a[1]).slice(0, Number(arg('--top', '25')))) console.log(`${per(ms)}  ${f.slice(0, 150)}`);
    if (detail) printDetail(events, steps);
    if (arg('--dump', null)) require('node:fs').writeFileSync(arg('--dump', null), JSON.stringify(events));
    await page.close();
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`profile_step: FAILED: ${err.stack || err.message}`);
  process.exit(1);
});
