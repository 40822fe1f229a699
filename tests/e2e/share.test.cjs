'use strict';
// Share, embed and export (issue #9): the permalink of the share panel reopens the exact
// view (program, values, mode, step, theme, and the open lesson and language), a long
// program is packed (`z=`) and a damaged one is reported without losing the rest of the
// link, an iframe view (`?embed=1`) honours every `hide=` flag, the SVG export parses as
// XML and contains the visible nodes, the PNG export is the graph at twice its on-screen
// size, and the panel speaks the interface language.
//
// Run: ADJOINT_E2E_URL=http://127.0.0.1:<port>/ node --test tests/e2e/share.test.cjs

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const zlib = require('node:zlib');
const { BASE_URL, browserHarness } = require('./helpers.cjs');

const TIMEOUT = { timeout: 120_000 };
const withApp = browserHarness({ before, after }, 'share-');

/** Opens the share panel and returns the permalink it shows. */
async function permalink(page) {
  await page.click('#share');
  await page.locator('[data-testid=share-panel]').waitFor();
  return page.inputValue('#share-link');
}

test('a permalink round-trips program, values, mode, step and theme', TIMEOUT, async (t) => {
  const start = `${BASE_URL}?mode=extended&step=3&p=${encodeURIComponent('ln(x1)+x1*x2-sin(x2)')}&at=${encodeURIComponent('x1=3, x2=4')}&theme=dark`;
  let link;
  await withApp(t, 'permalink-make', async ({ page }) => {
    await page.click('#next');
    await page.click('#next');
    assert.match(await page.textContent('[data-testid=step]'), /Step 5 \//);
    link = await permalink(page);
    assert.match(link, /[?&]v=2(&|$)/, link);
    assert.match(link, /[?&]theme=dark(&|$)/, link);
  }, start);
  await withApp(t, 'permalink-open', async ({ page }) => {
    assert.match(await page.textContent('[data-testid=step]'), /Step 5 \//);
    assert.equal(await page.inputValue('#program'), 'ln(x1)+x1*x2-sin(x2)');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.match(link, /[?&]mode=extended(&|$)/, link);
    assert.equal(await permalink(page), link);
  }, link);
});

test('a permalink round-trips the open lesson, the language and the theme too', TIMEOUT, async (t) => {
  const start = `${BASE_URL}?lesson=multiple-paths&lang=zh&theme=dark&mode=reverse&step=4&p=${encodeURIComponent('x*y + sin(x)')}&at=${encodeURIComponent('x=1, y=2')}`;
  let link;
  await withApp(t, 'permalink-lesson-make', async ({ page }) => {
    await page.click('#next');
    link = await permalink(page);
    for (const part of ['lesson=multiple-paths', 'lang=zh', 'theme=dark', 'mode=reverse', 'step=5']) {
      assert.match(link, new RegExp(`[?&]${part}(&|$)`), `${part} in ${link}`);
    }
    // The panel speaks the interface language.
    assert.equal(await page.textContent('#share-title'), '分享与导出');
    assert.equal(await page.textContent('button[data-export=png]'), '图片（PNG，2 倍）');
  }, start);
  await withApp(t, 'permalink-lesson-open', async ({ page }) => {
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.equal(await page.getAttribute('[data-testid=lesson-panel]', 'data-lesson'), 'multiple-paths');
    assert.equal(await page.inputValue('#program'), 'x*y + sin(x)');
    assert.match(await page.textContent('[data-testid=step]'), /5 \/ /);
    assert.equal(await permalink(page), link);
  }, link);
});

test('a long program is packed into z= and reopens; a damaged z= is reported', TIMEOUT, async (t) => {
  const program = Array.from({ length: 30 }, (_, i) => `sin(x1*${i + 1})`).join(' + ');
  let link;
  await withApp(t, 'packed-make', async ({ page }) => {
    link = await permalink(page);
    assert.match(link, /[?&]z=/, link);
    assert.ok(link.length < encodeURIComponent(program).length, `${link.length} chars`);
  }, `${BASE_URL}?p=${encodeURIComponent(program)}&at=x1%3D2&step=4`);
  await withApp(t, 'packed-open', async ({ page }) => {
    assert.equal(await page.inputValue('#program'), program);
    assert.match(await page.textContent('[data-testid=step]'), /Step 4 \//);
  }, link);
  await withApp(t, 'packed-damaged', async ({ page }) => {
    await page.locator('[data-testid=link-problem]').waitFor();
    assert.match(await page.textContent('[data-testid=step]'), /Step 2 \//);
  }, `${BASE_URL}?z=%21%21not-deflate&step=2`);
});

test('an iframe embed honours every hide flag', TIMEOUT, async (t) => {
  const parts = {
    editor: '#program',
    tables: '[data-testid=adjoint-table]',
    pseudocode: '[data-testid=pseudocode]',
    controls: '#next',
  };
  await withApp(t, 'embed-plain', async ({ page }) => {
    assert.equal(await page.locator('header.app-header').count(), 0, 'no header in an embed');
    for (const sel of Object.values(parts)) assert.equal(await page.locator(sel).count(), 1, sel);
    const code = await page.evaluate(() => document.querySelector('#open-full')?.getAttribute('href'));
    assert.ok(code && !code.includes('embed=1'), code);
  }, `${BASE_URL}?embed=1&step=2`);
  for (const [flag, sel] of Object.entries(parts)) {
    await withApp(t, `embed-hide-${flag}`, async ({ page }) => {
      assert.equal(await page.locator(sel).count(), 0, `${flag} hidden`);
      for (const [other, s] of Object.entries(parts)) {
        if (other !== flag) assert.equal(await page.locator(s).count(), 1, `${other} still shown`);
      }
    }, `${BASE_URL}?embed=1&hide=${flag}`);
  }
  await withApp(t, 'embed-hide-all', async ({ page }) => {
    for (const sel of Object.values(parts)) assert.equal(await page.locator(sel).count(), 0, sel);
    // The keyboard still steps with the controls hidden.
    await page.locator('svg[data-testid=graph]').click();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.location.search.includes('step=1'));
  }, `${BASE_URL}?embed=1&hide=${Object.keys(parts).join(',')}`);
  await withApp(t, 'embed-code', async ({ page }) => {
    await permalink(page);
    const code = await page.inputValue('#embed-code');
    assert.match(code, /^<iframe [^>]*src="[^"]*embed=1[^"]*"[^>]*><\/iframe>$/, code);
  });
});

test('the SVG export parses as XML and contains the visible nodes', TIMEOUT, async (t) => {
  await withApp(t, 'svg-export', async ({ page }) => {
    await page.click('#next');
    await page.click('#next');
    const labels = await page.$$eval('svg[data-testid=graph] g[data-testid=graph-node]',
      (gs) => gs.map((g) => g.getAttribute('data-label')));
    await permalink(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button[data-export=svg]'),
    ]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    const checked = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const bad = doc.querySelector('parsererror');
      const root = doc.documentElement;
      return {
        error: bad ? bad.textContent : null,
        ns: root.namespaceURI,
        labels: [...doc.querySelectorAll('g[data-testid=graph-node]')].map((g) => g.getAttribute('data-label')),
      };
    }, text);
    assert.equal(checked.error, null);
    assert.equal(checked.ns, 'http://www.w3.org/2000/svg');
    assert.deepEqual(checked.labels, labels);
    assert.ok(labels.length > 0);
  });
});

/** Decodes an 8-bit RGBA, non-interlaced PNG (what canvas.toBlob writes) to its pixels. */
function decodePng(buf) {
  assert.deepEqual([...buf.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  let at = 8;
  let width = 0;
  let height = 0;
  const idat = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.equal(data[8], 8, 'bit depth');
      assert.equal(data[9], 6, 'colour type RGBA');
      assert.equal(data[12], 0, 'not interlaced');
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? px[y * stride + x - 4] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? px[(y - 1) * stride + x - 4] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      px[y * stride + x] = v & 255;
    }
  }
  return { width, height, px };
}

test('the PNG export is the graph at twice its on-screen size, and drawn', TIMEOUT, async (t) => {
  await withApp(t, 'png-export', async ({ page }) => {
    await page.click('#next');
    await page.click('#next');
    await permalink(page);
    const size = await page.$eval('svg[data-testid=graph]', (s) => {
      const r = s.getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button[data-export=png]'),
    ]);
    assert.equal(download.suggestedFilename(), 'adjoint-step-2.png');
    const png = decodePng(fs.readFileSync(await download.path()));
    assert.equal(png.width, Math.round(2 * size.width), `width ${png.width} for ${size.width} CSS px`);
    assert.equal(png.height, Math.round(2 * size.height), `height ${png.height} for ${size.height} CSS px`);
    // The backdrop is the most common colour; the nodes, edges and labels are the rest.
    const counts = new Map();
    for (let i = 0; i < png.px.length; i += 4) {
      const key = png.px.readUInt32BE(i);
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const total = png.width * png.height;
    const backdrop = Math.max(...counts.values());
    assert.ok(total - backdrop > total * 0.02, `${total - backdrop} of ${total} pixels drawn`);
    assert.ok(counts.size > 50, `${counts.size} colours (text is antialiased)`);
    assert.equal(png.px[3], 255, 'opaque backdrop');
    await page.waitForFunction(() => /adjoint-step-2\.png/.test(document.querySelector('[data-testid=share-status]').textContent));
  });
});

test('the text exports, written by the lab: the trace JSON and the LaTeX table at the step', TIMEOUT, async (t) => {
  await withApp(t, 'text-export', async ({ page }) => {
    await page.click('#next');
    await page.click('#next');
    const shown = await page.locator('svg[data-testid=graph] g[data-testid=graph-node]').count();
    // A broken edit keeps the last good graph: the exports are of that graph's program.
    await page.locator('#program').fill('ln(x1) + x1*x2 - sin(');
    await page.locator('[data-testid=parse-error]').waitFor();
    await permalink(page);
    const save = async (kind) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`button[data-export=${kind}]`),
      ]);
      return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
    };
    const json = await save('json');
    assert.equal(json.name, 'adjoint-trace.json');
    const trace = JSON.parse(json.text);
    assert.equal(trace.mode, 'extended');
    assert.ok(trace.nodes.length >= shown, `${trace.nodes.length} nodes in the trace, ${shown} drawn`);
    assert.ok(trace.nodes.some((n) => n.label === 'v2'));
    const latex = await save('latex');
    assert.equal(latex.name, 'adjoint-table-step-2.tex');
    assert.match(latex.text, /\\bar\{v\}_\{7\} &= 1/);
    const torch = await save('pytorch');
    assert.match(torch.text, /import torch/);
    assert.match(torch.text, /sin/);
  });
});
