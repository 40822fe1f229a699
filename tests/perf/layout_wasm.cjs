'use strict';
// A benchmark, not a test: how long the layout crate takes in wasm, inside the app, for
// extended graphs of growing size. The app leaves the time of its last layout on <html> as
// data-layout-ms (performance.now() around adjoint_layout::layout) and the node count as
// data-layout-nodes. For each size this types a program of that many statements, waits for
// the new layout, and repeats a few times (changing a value forces a new trace and layout)
// to report the median. Program shapes (the same as crates/layout/examples/programs/mod.rs,
// which the native benchmarks use):
//   chain-x1    a1 = sin(x1)*x2; a{i} = a{i-1}*x1 + sin(a{i-1})   (x1 read by every statement)
//   chain-local y1 = sin(x)*x + 0.5*x; y{i} = sin(y{i-1})*y{i-1} + 0.5*y{i-1}   (short edges)
//   fan         s1 = x1*x2; s{i} = s{i-1} + x1*x{i+1}
//
// Run by hand against a served release dist/:
//   ADJOINT_E2E_URL=http://127.0.0.1:PORT/ NODE_PATH=~/.adjoint-tools/node_modules \
//     node tests/perf/layout_wasm.cjs [--shape chain-x1] [--sizes 3,10,33,100,333,1000] [--repeats 5]

const path = require('node:path');
const { launchBrowser, openApp } = require(path.join(__dirname, '..', 'e2e', 'helpers.cjs'));

const SHAPES = {
  'chain-x1': {
    program(n) {
      const lines = ['a1 = sin(x1)*x2'];
      for (let i = 2; i <= n; i++) lines.push(`a${i} = a${i - 1}*x1 + sin(a${i - 1})`);
      return lines.join('\n');
    },
    values: (n, r) => `x1=${0.5 + r / 100}, x2=0.7`,
  },
  'chain-local': {
    program(n) {
      const lines = ['y1 = sin(x)*x + 0.5*x'];
      for (let i = 2; i <= n; i++) lines.push(`y${i} = sin(y${i - 1})*y${i - 1} + 0.5*y${i - 1}`);
      return lines.join('\n');
    },
    values: (n, r) => `x=${0.5 + r / 100}`,
  },
  fan: {
    program(n) {
      const lines = ['s1 = x1*x2'];
      for (let i = 2; i <= n; i++) lines.push(`s${i} = s${i - 1} + x1*x${i + 1}`);
      return lines.join('\n');
    },
    values: (n, r) =>
      Array.from({ length: n + 1 }, (_, i) => `x${i + 1}=${(0.5 + (i + 1) / 100 + r / 1000).toFixed(3)}`).join(', '),
  },
};

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

async function layoutOnce(page, program, values) {
  await page.evaluate(
    ([p, v]) => {
      const set = (sel, text) => {
        const el = document.querySelector(sel);
        const proto = Object.getPrototypeOf(el);
        Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, text);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      };
      document.documentElement.removeAttribute('data-layout-ms');
      set('textarea#program', p);
      set('input#inputs', v);
    },
    [program, values],
  );
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-layout-ms'), null, { timeout: 120000 });
  return page.evaluate(() => ({
    ms: Number(document.documentElement.getAttribute('data-layout-ms')),
    nodes: Number(document.documentElement.getAttribute('data-layout-nodes')),
  }));
}

async function main() {
  const shapeName = arg('shape', 'chain-x1');
  const shape = SHAPES[shapeName];
  if (!shape) throw new Error(`unknown --shape ${shapeName}: use ${Object.keys(SHAPES).join(', ')}`);
  const sizes = arg('sizes', '3,10,33,100,333,1000').split(',').map(Number);
  const repeats = Number(arg('repeats', '5'));
  const browser = await launchBrowser();
  const { context } = browser;
  const { page } = await openApp(context, { url: `${process.env.ADJOINT_E2E_URL}?mode=extended` });
  console.log('| shape | statements | nodes (forward + adjoint) | layout in wasm, median ms | min ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const n of sizes) {
    const times = [];
    let nodes = 0;
    for (let r = 0; r < repeats; r++) {
      const got = await layoutOnce(page, shape.program(n), shape.values(n, r));
      times.push(got.ms);
      nodes = got.nodes;
    }
    times.sort((a, b) => a - b);
    console.log(`| ${shapeName} | ${n} | ${nodes} | ${times[Math.floor(times.length / 2)].toFixed(1)} | ${times[0].toFixed(1)} |`);
  }
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
