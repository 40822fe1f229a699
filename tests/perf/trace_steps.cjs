'use strict';
// A benchmark, not a test: the main thread's CPU time per step, phase by phase, from a
// DevTools trace of trusted keypresses late in a long trace. Wall-clock figures on a shared
// 2-core VM move by ±2 ms between runs; thread CPU time (`tdur`) of the keydown's handler
// and of the frame after it (`ProxyMain::BeginMainFrame`) is steadier, and an A/B run pairs
// the same steps of both builds, so a change of ~1 ms shows.
//
// For each round and side it opens the app, loads the workload, steps to --from with
// untimed keys, then traces --steps trusted ArrowRight presses (each after a random wait of
// --gap (150) + 0–17 ms, seeded, and held 60 ms like a person's: a keyup right after the
// keydown makes Chromium bring style and layout up to date before the frame, a cost the
// frame then does not show) and reads, per step:
//   handler   the keydown's EventDispatch (Yew's render and DOM patch run inside it)
//   frame     the next BeginMainFrame after it, plus any style and layout run between the
//             handler and that frame; and in all of that:
//   style, layout, prepaint, paint, layerize, commit (top-level events, thread time)
//   cpu       handler + frame
// and prints mean / p50 / p95 per side over all rounds, and for --ab the per-step median
// over rounds of B − A, summarised by its median and mean.
//
// --css RULES / --css-b RULES add a style sheet to side A / side B after the workload has
// loaded (a constructed sheet, which the page's strict CSP allows): with --ab on the same URL
// this measures a CSS change without a build, or a part's share of a step by hiding it
// (`--css-b '.graph-box{content-visibility:hidden}'`).
// Run (a served release build; scripts/bench-web.sh shows how to serve one):
//   NODE_PATH=~/.adjoint-tools/node_modules node tests/perf/trace_steps.cjs \
//     --url http://127.0.0.1:PORT/ [--ab http://127.0.0.1:PORT_B/] [--rounds 3] \
//     [--chain 100] [--mode reverse] [--from 250] [--steps 30] [--seed 1] [--gap 150] [--css R] [--css-b R]

const path = require('node:path');
const { launchBrowser, openApp } = require(path.join(__dirname, '..', 'e2e', 'helpers.cjs'));
const { arg, chainProgram, rng, quantile } = require(path.join(__dirname, 'workload.cjs'));

const PHASES = [
  ['style', 'UpdateLayoutTree'],
  ['layout', 'Layout'],
  ['prepaint', 'PrePaint'],
  ['paint', 'Paint'],
  ['layerize', 'Layerize'],
  ['commit', 'Commit'],
];
const COLUMNS = ['handler', 'frame', ...PHASES.map(([k]) => k), 'cpu'];

/** Thread time of an event in ms (wall time when the trace has none). */
const cpu = (e) => (e.tdur ?? e.dur ?? 0) / 1000;

/** Thread time of the events named `name` among `evs` (sorted by start), top-level only:
 * nested ones of the same name are inside the first. */
function topLevel(evs, name) {
  let sum = 0;
  let end = -Infinity;
  for (const e of evs) {
    if (e.name === name && e.ts >= end) {
      sum += cpu(e);
      end = e.ts + e.dur;
    }
  }
  return sum;
}

/** Per-step rows from a trace's events. */
function stepRows(events) {
  const keys = events
    .filter((e) => e.name === 'EventDispatch' && e.ph === 'X' && e.args?.data?.type === 'keydown')
    .sort((a, b) => a.ts - b.ts);
  if (keys.length === 0) return [];
  const { pid, tid } = keys[0];
  const main = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const rows = [];
  for (const k of keys) {
    const bmf = main.find((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ts >= k.ts);
    if (!bmf) continue;
    // Style and layout may run before the frame, as soon as the handler is done (Chromium
    // brings them up to date to dispatch the next input event), so the phases count from the
    // handler's end to the frame's.
    const inside = main.filter((e) => e.ts >= k.ts + k.dur && e.ts < bmf.ts + bmf.dur);
    const before = inside.filter((e) => e.ts < bmf.ts);
    const early = topLevel(before, 'UpdateLayoutTree') + topLevel(before, 'Layout');
    const row = { handler: cpu(k), frame: cpu(bmf) + early };
    for (const [key, name] of PHASES) row[key] = topLevel(inside, name);
    row.cpu = row.handler + row.frame;
    rows.push(row);
  }
  return rows;
}

/** One traced run against `url`: per-step rows. */
async function traceRun(url, opts) {
  const browser = await launchBrowser([]);
  try {
    const { page } = await openApp(browser.context, { url });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.click(`button[data-mode=${opts.mode}]`);
    await page.locator('input#inputs').fill('x1=0.5, x2=0.7');
    await page.locator('textarea#program').fill(chainProgram(opts.chain));
    await page.waitForFunction(() => /\b0\s*\/\s*\d+/.test(document.querySelector('[data-testid=step]')?.textContent ?? ''));
    if (opts.css) {
      await page.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }, opts.css);
    }
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    for (let i = 0; i < opts.from; i++) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(500);
    const cdp = await page.context().newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'cc'] },
    });
    const random = rng(opts.seed);
    for (let i = 0; i < opts.steps; i++) {
      await page.waitForTimeout(opts.gap + random() * 17);
      // Held like a person's press: the keyup comes after the step's frame, not in it.
      await page.keyboard.down('ArrowRight');
      await page.waitForTimeout(60);
      await page.keyboard.up('ArrowRight');
    }
    await cdp.send('Tracing.end');
    await done;
    return stepRows(events);
  } finally {
    await browser.close();
  }
}

/** `quantile` of the values `xs` in any order. */
const quantileOf = (xs, q) => quantile([...xs].sort((a, b) => a - b), q);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x) => x.toFixed(2).padStart(9);

function printSide(name, runs) {
  const all = runs.flat();
  console.log(`${name} (${all.length} steps)`);
  console.log(`${''.padEnd(10)}${COLUMNS.map((c) => c.padStart(9)).join('')}`);
  for (const [label, f] of [['mean', mean], ['p50', (xs) => quantileOf(xs, 0.5)], ['p95', (xs) => quantileOf(xs, 0.95)]]) {
    console.log(`${label.padEnd(10)}${COLUMNS.map((c) => fmt(f(all.map((r) => r[c])))).join('')}`);
  }
}

(async () => {
  const opts = {
    mode: arg('--mode', 'reverse'),
    chain: Number(arg('--chain', '100')),
    from: Number(arg('--from', '250')),
    steps: Number(arg('--steps', '30')),
    seed: Number(arg('--seed', '1')),
    gap: Number(arg('--gap', '150')),
  };
  const rounds = Number(arg('--rounds', '1'));
  const urlA = arg('--url', process.env.ADJOINT_E2E_URL || 'http://127.0.0.1:8080/');
  const urlB = arg('--ab', '');
  const A = [];
  const B = [];
  for (let r = 0; r < rounds; r++) {
    A.push(await traceRun(urlA, { ...opts, css: arg('--css', '') }));
    if (urlB) B.push(await traceRun(urlB, { ...opts, css: arg('--css-b', '') }));
  }
  console.log(`chain ${opts.chain}, ${opts.mode}, steps ${opts.from + 1}–${opts.from + opts.steps}, ${rounds} round(s); thread CPU ms per step`);
  printSide(`A ${urlA}`, A);
  if (!urlB) return;
  printSide(`B ${urlB}`, B);
  const n = Math.min(...A.concat(B).map((r) => r.length));
  const median = (xs) => quantileOf(xs, 0.5);
  const diffs = Object.fromEntries(COLUMNS.map((c) => [c, Array.from({ length: n }, (_, i) =>
    median(B.map((run) => run[i][c])) - median(A.map((run) => run[i][c])))]));
  console.log(`B − A, per step (median over rounds), ${n} steps`);
  console.log(`${'median'.padEnd(10)}${COLUMNS.map((c) => fmt(median(diffs[c]))).join('')}`);
  console.log(`${'mean'.padEnd(10)}${COLUMNS.map((c) => fmt(mean(diffs[c]))).join('')}`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
