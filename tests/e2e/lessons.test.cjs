'use strict';
// Browser tests of the lessons (issue #8): every lesson of §1.1–2.7 opened from the table
// of contents in English and in Simplified Chinese, its scene loaded with no console error
// and its text in the chosen language; a deep link `?lesson=reverse-mode&step=…&lang=zh`
// restoring lesson, step and language; lessons marked done surviving a reload; in Chinese,
// no English interface word left in the controls, tables and panels; §2.5's backprop and
// extended graphs side by side, stepping together (also from the mode tabs, stacked on
// narrow screens).
//
// Run: ADJOINT_E2E_URL=http://127.0.0.1:PORT/ NODE_PATH=~/.adjoint-tools/node_modules \
//     node --test tests/e2e/lessons.test.cjs

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { browserHarness, BASE_URL } = require('./helpers.cjs');

const TIMEOUT = { timeout: 180_000 };
const SLUGS = [
  'why-gradients', 'numerical-differentiation', 'symbolic-differentiation',
  'computational-graph', 'forward-mode', 'reverse-mode', 'multiple-paths', 'algorithm',
  'extended-graph', 'backprop-vs-reverse-ad', 'tensors', 'data-structures',
];
const CJK = /[\u4e00-\u9fff]/;

const withApp = browserHarness({ before, after }, 'lessons-');

/** The query string of `url`, parsed. */
function queryOf(page) {
  return new URL(page.url()).searchParams;
}

/** Opens the lessons panel from the header. */
async function openLessons(page) {
  await page.locator('#lessons-toggle').click();
  await page.locator('[data-testid=lesson-panel]').waitFor();
}

/** Waits until the open lesson is `slug` and its scene has drawn (a graph or a method panel). */
async function waitForLesson(page, slug) {
  await page.locator(`[data-testid=lesson-panel][data-lesson="${slug}"]`).waitFor();
  await page.waitForFunction(() =>
    document.querySelector('svg[data-testid=graph] g[data-testid=graph-node]')
    || document.querySelector('.stage--methods .panel')
    || document.querySelector('[data-testid=tensor-view], .tensor-view'));
}

for (const lang of ['en', 'zh']) {
  test(`every lesson's scene loads in ${lang} with its text in that language`, TIMEOUT, async (t) => {
    await withApp(t, `walk-${lang}`, async ({ page }) => {
      await openLessons(page);
      await page.locator(`button[data-lang=${lang}]`).click();
      // Chinese arrives with its strings (fetched on demand), a moment after the click.
      const want = lang === 'zh' ? 'zh-Hans' : 'en';
      await page.waitForFunction((w) => document.documentElement.lang === w, want, { timeout: 5_000 }).catch(() => {});
      assert.equal(await page.locator('html').getAttribute('lang'), want);
      // The first lesson through the table of contents, the rest with "next".
      await page.locator('[data-testid=toc-item]').first().click();
      for (const [i, slug] of SLUGS.entries()) {
        if (i > 0) await page.locator('#lesson-next').click();
        await waitForLesson(page, slug);
        await page.locator('#lesson-show').click();
        await waitForLesson(page, slug);
        const text = await page.locator('[data-testid=lesson-text]').innerText();
        assert.ok(text.length > 40, `${slug}: lesson text should not be empty`);
        assert.equal(CJK.test(text), lang === 'zh', `${slug}: text should be in ${lang}: ${text.slice(0, 80)}`);
        assert.equal(await page.locator('.parse-error').count(), 0, `${slug}: the scene should load without error`);
      }
      assert.equal(await page.locator('#lesson-next').isDisabled(), true);
    });
  });
}

test('switching language keeps the step and re-renders the lesson', TIMEOUT, async (t) => {
  await withApp(t, 'switch', async ({ page }) => {
    await openLessons(page);
    await page.locator('[data-testid=toc-item][data-lesson=reverse-mode]').click();
    await waitForLesson(page, 'reverse-mode');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const before = await page.locator('[data-testid=step]').innerText();
    await page.locator('button[data-lang=zh]').click();
    await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.querySelector('[data-testid=lesson-title]').textContent));
    const stepDigits = (s) => (s.match(/\d+/g) || []).join('/');
    assert.equal(stepDigits(await page.locator('[data-testid=step]').innerText()), stepDigits(before));
    await page.locator('button[data-lang=en]').click();
    await page.waitForFunction(() => !/[\u4e00-\u9fff]/.test(document.querySelector('[data-testid=lesson-title]').textContent));
  });
});

test('a deep link restores lesson, step and language', TIMEOUT, async (t) => {
  const url = `${BASE_URL}?lesson=reverse-mode&step=3&lang=zh`;
  await withApp(t, 'deep-link', async ({ page }) => {
    await page.locator('[data-testid=lesson-panel][data-lesson=reverse-mode]').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
    assert.ok(CJK.test(await page.locator('[data-testid=lesson-text]').innerText()));
    assert.match(await page.locator('[data-testid=step]').innerText(), /\b3\s*\/\s*\d+/);
    // The link the app writes back carries the lesson and language (round trip).
    await page.waitForFunction(() => /lesson=reverse-mode/.test(location.search) && /lang=zh/.test(location.search));
    const q = queryOf(page);
    assert.equal(q.get('step'), '3');
  }, url);
});

test('lessons marked done survive a reload', TIMEOUT, async (t) => {
  await withApp(t, 'progress', async ({ page }) => {
    await openLessons(page);
    await page.locator('[data-testid=toc-item][data-lesson=forward-mode]').click();
    await waitForLesson(page, 'forward-mode');
    await page.locator('#lesson-done').click();
    await page.locator('[data-testid=toc-item][data-lesson=forward-mode][data-done=true]').waitFor();
    await page.reload({ waitUntil: 'load' });
    await page.locator('svg[data-testid=graph] g[data-testid=graph-node]').first().waitFor();
    if (await page.locator('[data-testid=lesson-panel]').count() === 0) await openLessons(page);
    await page.locator('[data-testid=toc-item][data-lesson=forward-mode][data-done=true]').waitFor();
    assert.equal(await page.locator('[data-testid=toc-item][data-done=true]').count(), 1);
  });
});

/**
 * The visible text of the app's chrome, without what is not interface text: the program
 * and code (pseudocode, formulas, graph drawings), the brand, the share panel (its own
 * strings) and the language switcher's "English".
 */
async function chromeText(page) {
  return page.evaluate(() => {
    const skip = 'textarea, input, select#examples, .pseudocode, .formula, math, svg.graph, .brand, '
      + '#share, .share-menu, [data-testid=share-menu], button[data-lang], .node-to-grad, '
      + '[data-testid=adjoint-row] td:not(:first-child), #open-full, option';
    const app = document.querySelector('.app');
    const clone = app.cloneNode(true);
    for (const el of clone.querySelectorAll(skip)) el.remove();
    // Titles and accessible names count too.
    const attrs = [...app.querySelectorAll('[title], [aria-label], [placeholder]')]
      .filter((e) => !e.closest(skip))
      .flatMap((e) => ['title', 'aria-label', 'placeholder'].map((a) => e.getAttribute(a) || ''));
    return `${clone.textContent}\n${attrs.join('\n')}`;
  });
}

/** English words of 3+ letters that are not names, math or code. */
function englishWords(text) {
  const allowed = new Set([
    'Adjoint', 'node_to_grad', 'grad', 'Home', 'End', 'JSON', 'MLP', 'softmax', 'ln', 'exp',
    'sin', 'cos', 'tan', 'tanh', 'sqrt', 'sigmoid', 'relu', 'sum', 'cat', 'dog', 'dict', 'XW', 'DAG',
  ]);
  return [...new Set((text.match(/[A-Za-z][A-Za-z_]{2,}/g) || []).filter((w) => !allowed.has(w)))];
}

/** Interface strings that must not appear in Chinese (the controls, tables and panels). */
const ENGLISH_UI = [
  'First', 'Prev', 'Next', 'Last', 'Play', 'Speed', 'Program', 'Input values', 'Lecture examples',
  'Mode', 'Forward', 'Reverse', 'Extended graph', 'Backprop', 'Side by side', 'Compare with AD',
  'Numerical', 'Symbolic', 'Adjoints', 'Tangents', 'equation', 'Pseudocode', 'Zoom', 'Fit',
  'Lessons', 'Presenter', 'Legend', 'forward op', 'Step',
];

test('in Chinese the controls, tables, panels and lessons show no English interface words', TIMEOUT, async (t) => {
  await withApp(t, 'zh-chrome', async ({ page }) => {
    await page.locator('[data-testid=lesson-panel]').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid=adjoint-row]').first().waitFor();
    const views = [['step-through', await chromeText(page)]];
    for (const mode of ['forward', 'extended']) {
      await page.locator(`button[data-mode=${mode}]`).click();
      await page.keyboard.press('End');
      await page.locator('[data-testid=adjoint-row]').first().waitFor();
      views.push([mode, await chromeText(page)]);
    }
    // The extended graph's band label is interface text inside the drawing.
    assert.ok(CJK.test(await page.locator('svg[data-testid=graph] .band-label').textContent()));
    for (const panel of ['numeric', 'symbolic']) {
      await page.locator(`button[data-panel=${panel}]`).click();
      await page.locator(`[data-testid=${panel}-panel] h3`).first().waitFor();
      views.push([panel, await chromeText(page)]);
      await page.locator(`button[data-panel=${panel}]`).click();
    }
    for (const [view, text] of views) {
      assert.ok(CJK.test(text), `${view}: the chrome should be in Chinese`);
      for (const s of ENGLISH_UI) {
        assert.ok(!new RegExp(`\\b${s}\\b`).test(text), `${view}: "${s}" should be translated`);
      }
      assert.deepEqual(englishWords(text), [], `${view}: English words left in the Chinese interface`);
    }
  }, `${BASE_URL}?lesson=reverse-mode&lang=zh`);
});

/** Graph nodes drawn in one pane of the side-by-side view. */
function paneNodes(page, pane) {
  return page.locator(`[data-testid=${pane}] svg[data-testid=graph] g[data-testid=graph-node]`).count();
}

test('§2.5 shows backprop and the extended graph side by side, stepping together', TIMEOUT, async (t) => {
  await withApp(t, 'side-by-side', async ({ page }) => {
    await openLessons(page);
    await page.locator('[data-testid=toc-item][data-lesson=backprop-vs-reverse-ad]').click();
    await page.locator('[data-testid=side-by-side]').waitFor();
    assert.equal(await page.locator('[data-testid=side-by-side] svg[data-testid=graph]').count(), 2);
    assert.equal(await page.locator('#side-by-side').getAttribute('aria-pressed'), 'true');
    // From the start: both graphs show the 7 forward nodes.
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('[data-testid=side-backprop]').dataset.step === '0');
    assert.equal(await paneNodes(page, 'side-backprop'), 7);
    assert.equal(await paneNodes(page, 'side-extended'), 7);
    const annotations = () => page.locator('[data-testid=side-backprop] .node-annotation').count();
    assert.equal(await annotations(), 0);
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-testid=side-extended]').dataset.step === '6');
    assert.equal(await page.locator('[data-testid=side-backprop]').getAttribute('data-step'), '6');
    // Backprop writes adjoints onto its 7 nodes; the extended graph grows new ones.
    assert.equal(await paneNodes(page, 'side-backprop'), 7);
    assert.ok(await annotations() > 0, 'backprop writes adjoints onto the forward nodes');
    const grown = await paneNodes(page, 'side-extended');
    assert.ok(grown > 7, `the extended graph should grow: ${grown}`);
    await page.keyboard.press('End');
    await page.waitForFunction((n) => document.querySelectorAll(
      '[data-testid=side-extended] svg g[data-testid=graph-node]').length > n, grown);
    assert.equal(await paneNodes(page, 'side-backprop'), 7);
    // Differentiate again: the order meter under them.
    assert.equal(await page.locator('[data-testid=side-by-side] [data-testid=order-row]').count(), 4);
    // A mode tab goes back to one graph.
    await page.locator('button[data-mode=reverse]').click();
    await page.locator('[data-testid=side-by-side]').waitFor({ state: 'detached' });
    assert.equal(await page.locator('svg[data-testid=graph]').count(), 1);
  });
});

test('the side-by-side view is reachable from the mode tabs and stacks on narrow screens', TIMEOUT, async (t) => {
  await withApp(t, 'side-tab', async ({ page }) => {
    await page.locator('#side-by-side').click();
    await page.locator('[data-testid=side-by-side]').waitFor();
    const boxes = async () => Promise.all(['side-backprop', 'side-extended']
      .map((p) => page.locator(`[data-testid=${p}]`).boundingBox()));
    let [a, b] = await boxes();
    assert.ok(Math.abs(a.y - b.y) < 2 && b.x > a.x + a.width - 1, 'side by side on a wide screen');
    // The view is in the link: a reload (or the link shared) opens it again at the same step.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /[?&]side=1(&|$)/.test(location.search) && /[?&]step=3(&|$)/.test(location.search));
    await page.reload();
    await page.locator('[data-testid=side-by-side]').waitFor();
    assert.equal(await page.locator('[data-testid=side-extended]').getAttribute('data-step'), '3');
    assert.equal(await page.locator('#side-by-side').getAttribute('aria-pressed'), 'true');
    await page.setViewportSize({ width: 700, height: 900 });
    await page.waitForFunction(() => {
      const [p, q] = ['side-backprop', 'side-extended'].map((id) =>
        document.querySelector(`[data-testid=${id}]`).getBoundingClientRect());
      return q.top >= p.bottom - 1;
    });
    [a, b] = await boxes();
    assert.ok(b.y >= a.y + a.height - 1, 'stacked on a narrow screen');
    // Only one zoom toolbar on the page: its buttons' ids stay unique.
    assert.equal(await page.locator('#fit').count(), 0);
  });
});
