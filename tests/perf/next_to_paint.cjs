'use strict';
// A benchmark, not a test: how long one step of the app takes, from the keypress to the
// next painted frame, in headless Chromium against the release build. For each workload it
// steps with ArrowRight over ≥ 60 steps (wrapping with Home, which is not timed) and
// reports p50 / p95 / max of:
//   dom      keydown dispatched → the DOM mutated (Yew's render and its effects; the
//            MutationObserver callback runs at the microtask checkpoint after them)
//   frame    the next frame's first rAF callback → a message posted from a later one is
//            handled, i.e. the frame's rAF callbacks (the app measures its long lists in
//            one), style, layout and paint (the "rAF + postMessage" probe)
//   busy     dom + frame: main-thread work per step, the figure the 16 ms budget is for
//   paint    keydown → after that frame's paint (busy plus the wait for the next vsync)
//   2×rAF    keydown → the rAF after that (the classic double-rAF probe; ≥ one frame by
//            construction, so it says more about the vsync than about the app)
// Those keys are dispatched back to back (each right after the last step's double rAF), so
// their phase against the display's frames is not random: `paint` then holds a wait for
// the next vsync that depends on the probe. Two more passes over the same steps time what
// a person sees:
//   paint rnd   the same keydown → painted frame, after a random delay (uniform 0–17 ms,
//               seeded by --seed): a keypress at a random phase of the 60 Hz frame
//   key→paint   a trusted key (page.keyboard.press, after such a delay), from the event's
//               own timestamp (so it includes the input's delivery) to after the paint
//   EventTiming Chromium's own Event Timing entry for that keydown (PerformanceObserver
//               type 'event', durationThreshold 16: the "Performance API" of issue 5):
//               keydown → the frame presented, rounded to 8 ms; below 16 ms there is no
//               entry (printed "<16"). Synthetic keydowns get none: trusted input only.
// --gap MS paces the trusted keys like a person's: MS (say 150) more before each, and each
// key held until its frame is painted. By default the keys come back to back (0–17 ms after
// the last step's frames) and the keyup right after the keydown; Chromium then brings style
// and layout up to date to dispatch the keyup, often before the frame starts, and a key that
// lands in an interval whose frame the last step's probe already used waits for the next.
// --unthrottled launches Chromium with --disable-gpu-vsync --disable-frame-rate-limit:
// frames as soon as they are ready instead of at 60 Hz, the app's time without the display.
// plus Chromium's own per-step averages from the DevTools Performance domain (script,
// style recalculation, layout, and the rest of the task time). It also times a program
// change (typing the whole program at once) until the new graph is drawn: parse, all
// modes' engine run, layout and first render of the 300-node graph.
//
// An A/B run prints each round, the medians of the rounds' percentiles, and the percentiles
// of all rounds' samples pooled (the steadier p95).
// Run: scripts/bench-web.sh (builds nothing unless --build; serves dist/ and runs this).
// By hand: ADJOINT_E2E_URL=http://127.0.0.1:PORT/ NODE_PATH=~/.adjoint-tools/node_modules \
//            node tests/perf/next_to_paint.cjs [--steps 120] [--chain 100] [--chain-extended 37] [--only REGEX] [--json FILE]
//          [--motion no-preference] [--ab URL_A,URL_B --rounds 3]  (A/B: alternating rounds, medians)
//          [--unthrottled] [--seed 1] [--from K]  (each pass starts at step K instead of 0) [--gap MS]

const path = require('node:path');
const fs = require('node:fs');
const { launchBrowser, openApp, BASE_URL } = require(path.join(__dirname, '..', 'e2e', 'helpers.cjs'));
const { arg, chainProgram, rng, quantile } = require(path.join(__dirname, 'workload.cjs'));

const GRAPH_NODES = 'svg[data-testid=graph] g[data-testid=graph-node]';
const PENDING_NODES = 'svg[data-testid=graph] [data-testid=pending-node]';

function summary(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1] };
}

/** Installs window.__benchStep(key): dispatches a keydown and resolves with its timestamps. */
async function installProbe(page) {
  await page.evaluate(() => {
    window.__benchStep = (key, delay = 0) =>
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
            // The frame's first rAF callback (armed before the keydown), so the app's own
            // rAF work in that frame counts; the MutationObserver's comes after it.
            const tRaf = tRaf0 ?? performance.now();
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
        let t0 = null;
        let tRaf0 = null;
        const fire = () => {
          mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
          t0 = performance.now();
          requestAnimationFrame(() => {
            tRaf0 = performance.now();
          });
          window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        };
        // A delay before the keydown puts it at a random phase of the display's frame
        // interval, as a person's keypress is (back to back, the probe locks onto the vsync).
        if (delay > 0) setTimeout(fire, delay);
        else fire();
      });
    // Trusted keys (page.keyboard.press, for Event Timing): the keydown's own timestamp,
    // and a waiter for the step's DOM change and the frame after it, armed before the press.
    window.__keyTimes = [];
    window.addEventListener('keydown', (e) => e.isTrusted && window.__keyTimes.push(e.timeStamp), { capture: true });
    window.__armStep = () => {
      const stepEl = document.querySelector('[data-testid=step]');
      const before = stepEl ? stepEl.textContent : '';
      window.__stepDone = new Promise((resolve) => {
        const done = setTimeout(() => {
          mo.disconnect();
          resolve(null);
        }, 5_000);
        const mo = new MutationObserver(() => {
          const now = document.querySelector('[data-testid=step]');
          if (!now || now.textContent === before) return;
          mo.disconnect();
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => {
              const tPaint = performance.now();
              clearTimeout(done);
              // Let the frame's paint land before the next key (Event Timing needs it).
              requestAnimationFrame(() => resolve({ t0: window.__keyTimes[window.__keyTimes.length - 1], tPaint }));
            };
            ch.port2.postMessage(0);
          });
        });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
    };
    // Chromium's Event Timing entries (the Performance API): keydown → next paint, rounded
    // to 8 ms, reported only from 16 ms on (the smallest threshold the API allows).
    window.__eventEntries = [];
    new PerformanceObserver((list) => window.__eventEntries.push(...list.getEntries().map((e) => ({
      name: e.name, startTime: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd,
    })))).observe({ type: 'event', durationThreshold: 16, buffered: true });
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

/** Steps `steps` times with ArrowRight (Home, untimed, whenever the end is reached), calling
 * `step()` for each timed one. */
async function steps_(page, steps, step) {
  let taken = 0;
  while (taken < steps) {
    const { k, n } = await stepOf(page);
    if (k >= n) {
      await page.evaluate(() => window.__benchStep('Home'));
      continue;
    }
    await step(taken);
    taken++;
  }
}

/** `--gap MS`: the trusted-key pass's extra wait before each key (0: back to back). */
const GAP = Number(arg('--gap', '0'));

/** How the trusted-key pass paces its keys, for the printed legends. */
function keyPacing() {
  return GAP > 0 ? `a person's press: ${GAP}–${GAP + 17} ms after the last step, held until painted` : 'page.keyboard.press, back to back';
}

/** Below the Event Timing threshold: the API reports no entry for that keydown. */
const UNDER = -1;

/** Like `summary`, where UNDER sorts first and prints as "<16". */
function summaryUnder(xs) {
  return { ...summary(xs), under: xs.filter((x) => x === UNDER).length };
}

/** Times `steps` ArrowRight steps in three passes; returns the summaries:
 *   1. back to back from page.evaluate (dom, frame, busy, paint, 2×rAF: as before);
 *   2. each keydown after a random delay (uniform 0–17 ms, seeded): paint at a random
 *      phase of the frame interval (`paintRnd`);
 *   3. trusted keys (page.keyboard.press, after the same kind of delay): the keydown's
 *      timestamp → after the painted frame (`paintKey`), and Chromium's Event Timing
 *      `duration` of that keydown (`eventTiming`; UNDER when it reported none, < 16 ms). */
/** Home, then `--from K` untimed steps (default 0): where each pass starts. Late in a trace
 * the adjoint table and node_to_grad hold a row per node visited so far. */
async function toStart(page) {
  await page.evaluate(() => window.__benchStep('Home'));
  const { n } = await stepOf(page);
  const from = Math.min(Number(arg('--from', '0')), n - 1);
  for (let i = 0; i < from; i++) await page.evaluate(() => window.__benchStep('ArrowRight'));
}

async function run(page, cdp, steps, seed) {
  await installProbe(page);
  const samples = { dom: [], frame: [], busy: [], paint: [], raf2: [], paintRnd: [], paintKey: [], eventTiming: [] };
  // Warm up: one pass of 10 steps, untimed.
  for (let i = 0; i < 10; i++) await page.evaluate(() => window.__benchStep('ArrowRight'));
  await toStart(page);
  const m0 = await metrics(cdp);
  await steps_(page, steps, async () => {
    const r = await page.evaluate(() => window.__benchStep('ArrowRight'));
    if (!r) throw new Error('a step did not change [data-testid=step] within 5 s');
    samples.dom.push(r.tMut - r.t0);
    samples.frame.push(r.tPaint - r.tRaf);
    samples.busy.push(r.tMut - r.t0 + (r.tPaint - r.tRaf));
    samples.paint.push(r.tPaint - r.t0);
    samples.raf2.push(r.tRaf2 - r.t0);
  });
  const m1 = await metrics(cdp);
  const random = rng(seed);
  await toStart(page);
  await steps_(page, steps, async () => {
    const delay = random() * 17;
    const r = await page.evaluate((d) => window.__benchStep('ArrowRight', d), delay);
    if (!r) throw new Error('a step did not change [data-testid=step] within 5 s');
    samples.paintRnd.push(r.tPaint - r.t0);
  });
  await toStart(page);
  const keyed = [];
  await steps_(page, steps, async () => {
    await page.evaluate((d) => new Promise((resolve) => setTimeout(() => resolve(window.__armStep()), d)), GAP + random() * 17);
    // --gap: held like a person's press, the keyup after the painted frame (see the header).
    await page.keyboard.down('ArrowRight');
    if (GAP === 0) await page.keyboard.up('ArrowRight');
    const r = await page.evaluate(() => window.__stepDone);
    if (GAP > 0) await page.keyboard.up('ArrowRight');
    if (!r || r.t0 === undefined) throw new Error('a trusted ArrowRight did not change [data-testid=step] within 5 s');
    samples.paintKey.push(r.tPaint - r.t0);
    keyed.push(r.t0);
  });
  // Entries may be delivered a frame late: wait for two more frames.
  const entries = await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(window.__eventEntries), 50)))),
  );
  const keydowns = entries.filter((e) => e.name === 'keydown');
  for (const t0 of keyed) {
    const e = keydowns.find((x) => Math.abs(x.startTime - t0) < 0.5);
    samples.eventTiming.push(e ? e.duration : UNDER);
  }
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
  const out = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summary(v)]));
  out.eventTiming = summaryUnder(samples.eventTiming);
  // Synthetic keydowns (passes 1 and 2) get no entries: Event Timing times trusted input only.
  // The samples themselves too: A/B runs pool them over the rounds (see abRounds).
  const raw = { busy: samples.busy, paintRnd: samples.paintRnd, paintKey: samples.paintKey };
  return { ...out, chrome, keydownEntries: keydowns.length, raw };
}

function fmt(x) {
  if (x === UNDER) return '   <16';
  return Number.isFinite(x) ? x.toFixed(1).padStart(6) : '     -';
}

/** One workload on a fresh page of `url` (so one workload's DOM does not weigh on the next). */
async function measure(browser, url, w, steps, motion, seed) {
  if (w.floor) return measureFloor(browser, url, w, steps, seed);
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
  const r = await run(page, cdp, steps, seed);
  if (problems.length) throw new Error(`the page reported problems:\n  ${problems.join('\n  ')}`);
  await page.close();
  return { workload: w.name, mode: w.mode, steps: n, nodes, pending, svgElements, change, ...r };
}

/** The control (`floor.html`, served beside the app as FLOOR_PAGE by bench-web.sh): the same
 * passes on a page whose step changes one text node, i.e. what the browser and the display
 * cost before the app does anything. */
async function measureFloor(browser, url, w, steps, seed) {
  const page = await browser.context.newPage();
  const res = await page.goto(new URL(FLOOR_PAGE, url).href);
  if (!res || !res.ok()) throw new Error(`${FLOOR_PAGE} is not served at ${url} (bench-web.sh copies tests/perf/floor.html there)`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const r = await run(page, cdp, steps, seed);
  await page.close();
  return { workload: w.name, mode: '-', steps: 1000, nodes: 0, pending: 0, svgElements: 0, change: { dom: NaN, paint: NaN }, ...r };
}

/** Where bench-web.sh serves tests/perf/floor.html. */
const FLOOR_PAGE = 'perf-floor.html';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  // With an UNDER among them, the lower middle (an average with "<16" means nothing).
  if (s.length % 2 === 0 && s.includes(UNDER)) return s[s.length / 2 - 1];
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The columns every table prints: [header, key] with p50 and p95 each. */
const COLUMNS = [
  ['busy', 'busy'],
  ['paint', 'paint'],
  ['paint rnd', 'paintRnd'],
  ['key→paint', 'paintKey'],
  ['EventTiming', 'eventTiming'],
];
/** The header of a table of [header, key] columns, and one p50 / p95 cell of it. */
const headerOf = (columns) => columns.map(([h]) => `${h.padStart(11)}  p50   p95`).join(' |');
const cell = (p50, p95) => `${' '.repeat(10)}${fmt(p50)}${fmt(p95)}`;
const HEADER = headerOf(COLUMNS);
const cells = (get) => COLUMNS.map(([, k]) => cell(get(k, 'p50'), get(k, 'p95'))).join(' |');

/** `--ab URL_A,URL_B`: each round measures every workload on A and on B, alternating which
 * goes first (A B, then B A, …), so a load change on the shared machine hits both; prints
 * each round and the medians over the rounds of each percentile, with the load average. */
async function abRounds(browser, urls, workloads, o) {
  if (urls.length !== 2) throw new Error('--ab needs two URLs separated by a comma');
  const os = require('node:os');
  const seen = new Map(); // `${workload}|${side}` → [measure's result]
  console.log(`A = ${urls[0]}\nB = ${urls[1]}\n${o.rounds} rounds × ${o.steps} steps, reduced motion: ${o.motion}, ${o.vsync}, trusted keys: ${keyPacing()}`);
  console.log(`round workload              side |${HEADER} | load`);
  for (let round = 1; round <= o.rounds; round++) {
    for (const w of workloads) {
      const order = round % 2 ? [0, 1] : [1, 0];
      for (const side of order) {
        const r = await measure(browser, urls[side], w, o.steps, o.motion, o.seed + round);
        const key = `${w.name}|${'AB'[side]}`;
        if (!seen.has(key)) seen.set(key, []);
        seen.get(key).push(r);
        console.log(`${String(round).padStart(5)} ${w.name.padEnd(21)} ${'AB'[side].padStart(4)} |${cells((k, q) => r[k][q])} | ${os.loadavg()[0].toFixed(2)}`);
      }
    }
  }
  console.log('\nmedians over the rounds (ms):');
  console.log(`workload              side nodes |${HEADER}`);
  for (const w of workloads) {
    for (const side of ['A', 'B']) {
      const rs = seen.get(`${w.name}|${side}`);
      console.log(`${w.name.padEnd(21)} ${side.padStart(4)} ${String(rs[0].nodes).padStart(5)} |${cells((k, q) => median(rs.map((r) => r[k][q])))}`);
    }
  }
  // A p95 of one round's 60 steps is its 57th value, and moves by ±2 ms between rounds;
  // the same percentile over all rounds' steps together is the steadier figure.
  const pooled = [['busy', 'busy'], ['paint rnd', 'paintRnd'], ['key→paint', 'paintKey']];
  console.log('\npooled: p50 / p95 over all rounds\' steps together (ms):');
  console.log(`workload              side     n |${headerOf(pooled)}`);
  for (const w of workloads) {
    for (const side of ['A', 'B']) {
      const rs = seen.get(`${w.name}|${side}`);
      const all = pooled.map(([, k]) => summary(rs.flatMap((r) => r.raw[k])));
      console.log(`${w.name.padEnd(21)} ${side.padStart(4)} ${String(all[2].n).padStart(5)} |${all.map((x) => cell(x.p50, x.p95)).join(' |')}`);
    }
  }
}

/** Chromium's flags for `--unthrottled`: frames produced as soon as they are ready, not at
 * 60 Hz, so keypress → painted frame is the app's own time, not the display's. */
const UNTHROTTLED = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

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
    // The control: a page that changes one text node per step (see measureFloor).
    { name: 'floor (one text node)', floor: true },
  ];
  // --only REGEX: just the workloads whose name matches (e.g. 'lecture|chain 37').
  const only = arg('--only', null);
  if (only) workloads.splice(0, workloads.length, ...workloads.filter((w) => new RegExp(only).test(w.name)));
  const motion = arg('--motion', 'reduce');
  const seed = Number(arg('--seed', '1'));
  const unthrottled = process.argv.includes('--unthrottled');
  const vsync = unthrottled ? `unthrottled (${UNTHROTTLED.join(' ')})` : '60 Hz (headless default)';
  const ab = arg('--ab', null);
  const browser = await launchBrowser(unthrottled ? UNTHROTTLED : []);
  const results = [];
  try {
    if (ab) {
      await abRounds(browser, ab.split(','), workloads, { steps, motion, seed, vsync, rounds: Number(arg('--rounds', '3')) });
      return;
    }
    for (const w of workloads) results.push(await measure(browser, BASE_URL, w, steps, motion, seed));
  } finally {
    await browser.close();
  }

  console.log(`next-to-paint, ${steps} timed ArrowRight steps per workload and pass (ms; headless Chromium ${CHROMIUM_VERSION()}; frames: ${vsync})`);
  console.log('workload              nodes steps | dom p50  p95 | frame p50  p95 | busy p50   p95   max | paint p50  p95 | 2×rAF p50 p95');
  for (const r of results) {
    console.log(
      `${r.workload.padEnd(21)} ${String(r.nodes).padStart(5)} ${String(r.steps).padStart(5)} |` +
        `${fmt(r.dom.p50)}${fmt(r.dom.p95)} |  ${fmt(r.frame.p50)}${fmt(r.frame.p95)} |` +
        `${fmt(r.busy.p50)}${fmt(r.busy.p95)}${fmt(r.busy.max)} |  ${fmt(r.paint.p50)}${fmt(r.paint.p95)} |` +
        `${fmt(r.raf2.p50)}${fmt(r.raf2.p95)}`,
    );
  }
  console.log('\nkeypress → painted frame, the four measures (ms): paint = back to back (phase locked to the');
  console.log(`vsync), paint rnd = after a random 0–17 ms delay, key→paint = trusted key (${keyPacing()})`);
  console.log("from its event's timestamp, EventTiming = Chromium's keydown `duration` (8 ms steps; <16 = no entry)");
  console.log(`workload              nodes |${HEADER} | EventTiming entries`);
  for (const r of results) {
    console.log(`${r.workload.padEnd(21)} ${String(r.nodes).padStart(5)} |${cells((k, q) => r[k][q])} | ${r.eventTiming.n - r.eventTiming.under} of ${r.eventTiming.n} (keydown entries in all: ${r.keydownEntries})`);
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
  // Unthrottled results go next to the 60 Hz ones (bench-web.sh --both runs both).
  const file = out && unthrottled ? out.replace(/(\.json)?$/, '.unthrottled.json') : out;
  if (file) fs.writeFileSync(file, JSON.stringify({ frames: vsync, results }, null, 2));
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
