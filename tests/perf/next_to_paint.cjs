'use strict';
// A benchmark, not a test: how long one step of the app takes, from the keypress to the
// next painted frame, in headless Chromium against the release build. For each workload it
// steps with ArrowRight over ≥ 60 steps (wrapping with Home, which is not timed) and
// reports p50 / p95 / max of:
//   dom      keydown dispatched → the DOM mutated (Yew's render and its effects; the
//            MutationObserver callback runs at the microtask checkpoint after them)
//   frame    rAF callback of the next frame → a message posted from it is handled, i.e.
//            the frame's style, layout and paint (the "rAF + postMessage" probe)
//   busy     dom + frame: main-thread work per step, the figure the 16 ms budget is for
//   paint    keydown → after that frame's paint (busy plus the wait for the next vsync)
//   2×rAF    keydown → the rAF after that (the classic double-rAF probe; ≥ one frame by
//            construction, so it says more about the vsync than about the app)
// plus Chromium's own per-step averages from the DevTools Performance domain (script,
// style recalculation, layout, and the rest of the task time). It also times a program
// change (typing the whole program at once) until the new graph is drawn: parse, all
// modes' engine run, layout and first render of the 300-node graph.
//
// Run: scripts/bench-web.sh (builds nothing unless --build; serves dist/ and runs this).
// By hand: ADJOINT_E2E_URL=http://127.0.0.1:PORT/ NODE_PATH=~/.adjoint-tools/node_modules \
//            node tests/perf/next_to_paint.cjs [--steps 120] [--chain 100] [--chain-extended 37] [--only REGEX] [--json FILE]
//          [--motion no-preference] [--ab URL_A,URL_B --rounds 3]  (A/B: alternating rounds, medians)

const path = require('node:path');
const fs = require('node:fs');
const { launchBrowser, openApp, BASE_URL } = require(path.join(__dirname, '..', 'e2e', 'helpers.cjs'));
const { arg, chainProgram } = require(path.join(__dirname, 'workload.cjs'));

const GRAPH_NODES = 'svg[data-testid=graph] g[data-testid=graph-node]';
const PENDING_NODES = 'svg[data-testid=graph] [data-testid=pending-node]';

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

function summary(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1] };
}

/** Installs window.__benchStep(key): dispatches a keydown and resolves with its timestamps. */
async function installProbe(page) {
  await page.evaluate(() => {
    window.__benchStep = (key) =>
      new Promise((resolve) => {
        const stepEl = document.querySelector('[data-testid=step]');
        const before = stepEl ? stepEl.textContent : '';
        let tMut = null;
        const done = setTimeout(() => {
          mo.disconnect();
          resolve(null);
        }, 5_000);
        const mo = new MutationObserver(() => {
          const now = document.querySelector('[data-testid=step]');
          if (tMut !== null || !now || now.textContent === before) return;
          tMut = performance.now();
          mo.disconnect();
          requestAnimationFrame(() => {
            const tRaf = performance.now();
            const ch = new MessageChannel();
            ch.port1.onmessage = () => {
              const tPaint = performance.now();
              requestAnimationFrame(() => {
                clearTimeout(done);
                resolve({ t0, tMut, tRaf, tPaint, tRaf2: performance.now() });
              });
            };
            ch.port2.postMessage(0);
          });
        });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const t0 = performance.now();
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      });
  });
}

async function stepOf(page) {
  const text = await page.locator('[data-testid=step]').innerText();
  const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
  return { k: Number(m[1]), n: Number(m[2]) };
}

async function metrics(cdp) {
  const { metrics: ms } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(ms.map((m) => [m.name, m.value]));
}

/** Loads `program`/`values` in `mode`; returns the time the program change took to draw. */
async function load(page, { program, values, mode }) {
  await page.click(`button[data-mode=${mode}]`);
  await page.locator('input#inputs').fill(values);
  const t = await page.evaluate(
    ([p, sel]) =>
      new Promise((resolve) => {
        const ta = document.querySelector('textarea#program');
        const t0 = performance.now();
        const before = document.querySelector('[data-testid=step]').textContent;
        ta.value = p;
        ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
        const tDom = performance.now();
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () =>
            resolve({ dom: tDom - t0, paint: performance.now() - t0, changed: document.querySelector('[data-testid=step]').textContent !== before, nodes: document.querySelectorAll(sel).length });
          ch.port2.postMessage(0);
        });
      }),
    [program, GRAPH_NODES],
  );
  const err = await page.locator('[data-testid=parse-error]').count();
  if (err) throw new Error(`the benchmark program does not parse: ${await page.locator('[data-testid=parse-error]').innerText()}`);
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  return t;
}

/** Steps `steps` times with ArrowRight (Home, untimed, at the end); returns the summaries. */
async function run(page, cdp, steps) {
  await installProbe(page);
  const samples = { dom: [], frame: [], busy: [], paint: [], raf2: [] };
  // Warm up: one pass of 10 steps, untimed.
  for (let i = 0; i < 10; i++) await page.evaluate(() => window.__benchStep('ArrowRight'));
  await page.evaluate(() => window.__benchStep('Home'));
  const m0 = await metrics(cdp);
  let taken = 0;
  while (taken < steps) {
    const { k, n } = await stepOf(page);
    if (k >= n) {
      await page.evaluate(() => window.__benchStep('Home'));
      continue;
    }
    const r = await page.evaluate(() => window.__benchStep('ArrowRight'));
    if (!r) throw new Error('a step did not change [data-testid=step] within 5 s');
    samples.dom.push(r.tMut - r.t0);
    samples.frame.push(r.tPaint - r.tRaf);
    samples.busy.push(r.tMut - r.t0 + (r.tPaint - r.tRaf));
    samples.paint.push(r.tPaint - r.t0);
    samples.raf2.push(r.tRaf2 - r.t0);
    taken++;
  }
  const m1 = await metrics(cdp);
  const per = (name) => ((m1[name] - m0[name]) * 1000) / steps; // seconds → ms per step (Home included)
  const chrome = {
    script: per('ScriptDuration'),
    style: per('RecalcStyleDuration'),
    layout: per('LayoutDuration'),
    task: per('TaskDuration'),
    layouts: (m1.LayoutCount - m0.LayoutCount) / steps,
    styles: (m1.RecalcStyleCount - m0.RecalcStyleCount) / steps,
    domNodes: m1.Nodes,
  };
  return { ...Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summary(v)])), chrome };
}

function fmt(x) {
  return Number.isFinite(x) ? x.toFixed(1).padStart(6) : '     -';
}

/** One workload on a fresh page of `url` (so one workload's DOM does not weigh on the next). */
async function measure(browser, url, w, steps, motion) {
  const { page, problems } = await openApp(browser.context, { url });
  // The harness emulates reduced motion; `--motion no-preference` measures the animations too.
  await page.emulateMedia({ reducedMotion: motion });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const change = await load(page, w);
  const { n } = await stepOf(page);
  await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
  await page.waitForFunction(() => /Step (\d+) \/ \1$/.test(document.querySelector('[data-testid=step]').textContent.trim()));
  const nodes = await page.locator(GRAPH_NODES).count();
  const pending = await page.locator(PENDING_NODES).count();
  const svgElements = await page.evaluate(() => document.querySelector('svg[data-testid=graph]').querySelectorAll('*').length);
  await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })));
  const r = await run(page, cdp, steps);
  if (problems.length) throw new Error(`the page reported problems:\n  ${problems.join('\n  ')}`);
  await page.close();
  return { workload: w.name, mode: w.mode, steps: n, nodes, pending, svgElements, change, ...r };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** `--ab URL_A,URL_B`: each round measures every workload on A and on B, alternating which
 * goes first (A B, then B A, …), so a load change on the shared machine hits both; prints
 * each round and the medians over the rounds of each percentile, with the load average. */
async function abRounds(browser, urls, workloads, steps, motion, rounds) {
  if (urls.length !== 2) throw new Error('--ab needs two URLs separated by a comma');
  const os = require('node:os');
  const seen = new Map(); // `${workload}|${side}` → [{ busy, paint, dom, frame }]
  console.log(`A = ${urls[0]}\nB = ${urls[1]}\n${rounds} rounds × ${steps} steps, reduced motion: ${motion}`);
  console.log('round workload              side | dom p50  p95 | frame p50  p95 | busy p50  p95 | paint p50  p95 | load');
  for (let round = 1; round <= rounds; round++) {
    for (const w of workloads) {
      const order = round % 2 ? [0, 1] : [1, 0];
      for (const side of order) {
        const r = await measure(browser, urls[side], w, steps, motion);
        const key = `${w.name}|${'AB'[side]}`;
        if (!seen.has(key)) seen.set(key, []);
        seen.get(key).push(r);
        console.log(
          `${String(round).padStart(5)} ${w.name.padEnd(21)} ${'AB'[side].padStart(4)} |${fmt(r.dom.p50)}${fmt(r.dom.p95)} |  ${fmt(r.frame.p50)}${fmt(r.frame.p95)} |` +
            `${fmt(r.busy.p50)}${fmt(r.busy.p95)} |  ${fmt(r.paint.p50)}${fmt(r.paint.p95)} | ${os.loadavg()[0].toFixed(2)}`,
        );
      }
    }
  }
  console.log('\nmedians over the rounds (ms):');
  console.log('workload              side nodes | dom p50  p95 | frame p50  p95 | busy p50  p95 | paint p50  p95');
  for (const w of workloads) {
    for (const side of ['A', 'B']) {
      const rs = seen.get(`${w.name}|${side}`);
      const m = (k, q) => median(rs.map((r) => r[k][q]));
      console.log(
        `${w.name.padEnd(21)} ${side.padStart(4)} ${String(rs[0].nodes).padStart(5)} |${fmt(m('dom', 'p50'))}${fmt(m('dom', 'p95'))} |  ${fmt(m('frame', 'p50'))}${fmt(m('frame', 'p95'))} |` +
          `${fmt(m('busy', 'p50'))}${fmt(m('busy', 'p95'))} |  ${fmt(m('paint', 'p50'))}${fmt(m('paint', 'p95'))}`,
      );
    }
  }
}

async function main() {
  const steps = Number(arg('--steps', '120'));
  // 100 statements give 301 forward nodes; in extended mode 37 give ~300 nodes in all
  // (forward + adjoint + partial), and 100 give ~800 (a stress case).
  const chain = Number(arg('--chain', '100'));
  const chainExt = Number(arg('--chain-extended', '37'));
  const lecture = { program: 'ln(x1) + x1*x2 - sin(x2)', values: 'x1=2, x2=5' };
  const at = 'x1=0.5, x2=0.7';
  const workloads = [
    { name: 'lecture, reverse', ...lecture, mode: 'reverse' },
    { name: 'lecture, extended', ...lecture, mode: 'extended' },
    { name: `chain ${chain}, reverse`, program: chainProgram(chain), values: at, mode: 'reverse' },
    { name: `chain ${chainExt}, extended`, program: chainProgram(chainExt), values: at, mode: 'extended' },
    { name: `chain ${chain}, extended`, program: chainProgram(chain), values: at, mode: 'extended' },
  ];
  // --only REGEX: just the workloads whose name matches (e.g. 'lecture|chain 37').
  const only = arg('--only', null);
  if (only) workloads.splice(0, workloads.length, ...workloads.filter((w) => new RegExp(only).test(w.name)));
  const motion = arg('--motion', 'reduce');
  const ab = arg('--ab', null);
  const browser = await launchBrowser();
  const results = [];
  try {
    if (ab) {
      await abRounds(browser, ab.split(','), workloads, steps, motion, Number(arg('--rounds', '3')));
      return;
    }
    for (const w of workloads) results.push(await measure(browser, BASE_URL, w, steps, motion));
  } finally {
    await browser.close();
  }

  console.log(`next-to-paint, ${steps} timed ArrowRight steps per workload (ms; headless Chromium ${CHROMIUM_VERSION()})`);
  console.log('workload              nodes steps | dom p50  p95 | frame p50  p95 | busy p50   p95   max | paint p50  p95 | 2×rAF p50 p95');
  for (const r of results) {
    console.log(
      `${r.workload.padEnd(21)} ${String(r.nodes).padStart(5)} ${String(r.steps).padStart(5)} |` +
        `${fmt(r.dom.p50)}${fmt(r.dom.p95)} |  ${fmt(r.frame.p50)}${fmt(r.frame.p95)} |` +
        `${fmt(r.busy.p50)}${fmt(r.busy.p95)}${fmt(r.busy.max)} |  ${fmt(r.paint.p50)}${fmt(r.paint.p95)} |` +
        `${fmt(r.raf2.p50)}${fmt(r.raf2.p95)}`,
    );
  }
  console.log('\nChromium per step (DevTools Performance.getMetrics deltas / steps, ms):');
  console.log('workload              script  style layout   task | layouts styles | DOM nodes  SVG elements | program change: dom  paint');
  for (const r of results) {
    const c = r.chrome;
    console.log(
      `${r.workload.padEnd(21)} ${fmt(c.script)} ${fmt(c.style)} ${fmt(c.layout)} ${fmt(c.task)} |` +
        `  ${c.layouts.toFixed(1).padStart(5)}  ${c.styles.toFixed(1).padStart(5)} | ${String(c.domNodes).padStart(9)} ${String(r.svgElements).padStart(13)} |` +
        `               ${fmt(r.change.dom)} ${fmt(r.change.paint)}`,
    );
  }
  const out = arg('--json', null);
  if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
}

function CHROMIUM_VERSION() {
  try {
    const bin = process.env.ADJOINT_CHROMIUM || '/usr/bin/chromium';
    return require('node:child_process').execFileSync(bin, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown version';
  }
}

main().catch((err) => {
  console.error(`next_to_paint: FAILED: ${err.stack || err.message}`);
  process.exit(1);
});
