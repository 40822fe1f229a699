'use strict';
// A diagnostic for BENCHMARKS.md (web section), not a test: what one small DOM change costs
// in layout on a big graph. Loads a chain program (default: 100 statements in reverse mode,
// 301 nodes), takes 8 steps, then for each kind of change a step makes — a node's class, a
// node's text, a node or an edge added, the step counter's text, the narration's text —
// makes it 10 times, each followed by a forced layout, and prints the median in ms. Before
// the graph's svg got a pixel size (session 4), every one of them laid out the whole svg.
//
// Run: ADJOINT_E2E_URL=http://127.0.0.1:PORT/ NODE_PATH=~/.adjoint-tools/node_modules \
//        node tests/perf/relayout_cost.cjs [--chain 100] [--mode reverse]

const path = require('node:path');
const { launchBrowser, openApp } = require(path.join(__dirname, '..', 'e2e', 'helpers.cjs'));
const { arg, chainProgram } = require(path.join(__dirname, 'workload.cjs'));

async function main() {
  const chain = Number(arg('--chain', '100'));
  const mode = arg('--mode', 'reverse');
  const browser = await launchBrowser();
  try {
    const { page } = await openApp(browser.context);
    await page.click(`button[data-mode=${mode}]`);
    await page.locator('input#inputs').fill('x1=0.5, x2=0.7');
    await page.locator('textarea#program').fill(chainProgram(chain));
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.waitForTimeout(500);
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    const out = await page.evaluate(() => {
      const svg = document.querySelector('svg[data-testid=graph]');
      const stepEl = document.querySelector('[data-testid=step]');
      const force = () => svg.getBoundingClientRect().width + stepEl.offsetHeight;
      const ms = {};
      const time = (name, change) => {
        const ts = [];
        for (let i = 0; i < 10; i++) {
          force();
          const t = performance.now();
          change(i);
          force();
          ts.push(performance.now() - t);
        }
        ts.sort((a, b) => a - b);
        ms[name] = ts[5];
      };
      const node = svg.querySelector('g[data-testid=graph-node]');
      const cls = node.getAttribute('class');
      time('a node’s class', (i) => node.setAttribute('class', i % 2 ? `${cls} is-current` : cls));
      const text = node.querySelector('text.node-value');
      const was = text.textContent;
      time('a node’s text', (i) => (text.textContent = `${was}${i}`));
      text.textContent = was;
      let copy = null;
      time('a node added / removed', () => {
        if (copy) { copy.remove(); copy = null; } else { copy = node.cloneNode(true); node.parentNode.appendChild(copy); }
      });
      if (copy) copy.remove();
      const edge = svg.querySelector('g.edge-group');
      let edgeCopy = null;
      time('an edge added / removed', () => {
        if (edgeCopy) { edgeCopy.remove(); edgeCopy = null; } else { edgeCopy = edge.cloneNode(true); edge.parentNode.appendChild(edgeCopy); }
      });
      if (edgeCopy) edgeCopy.remove();
      const counter = stepEl.firstChild;
      const counterWas = counter.textContent;
      time('the step counter’s text', (i) => (counter.textContent = `${counterWas} ${i}`));
      counter.textContent = counterWas;
      const narration = document.querySelector('[data-testid=narration] span');
      const narrationWas = narration.textContent;
      time('the narration’s text', (i) => (narration.textContent = `${narrationWas} ${i}`));
      narration.textContent = narrationWas;
      return { ms, svgElements: svg.querySelectorAll('*').length };
    });
    console.log(`one change + forced layout, median of 10 (ms); chain ${chain}, ${mode}, ${out.svgElements} svg elements`);
    for (const [k, v] of Object.entries(out.ms)) console.log(`${v.toFixed(2).padStart(8)}  ${k}`);
    await page.close();
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`relayout_cost: FAILED: ${err.stack || err.message}`);
  process.exit(1);
});
