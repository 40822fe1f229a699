'use strict';
// Browser tests of the lessons (issue #8): every lesson of §1.1–2.7 opened from the table
// of contents in English and in Simplified Chinese, its scene loaded with no console error
// and its text in the chosen language; a deep link `?lesson=reverse-mode&step=…&lang=zh`
// restoring lesson, step and language; lessons marked done surviving a reload.
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
      assert.equal(await page.locator('html').getAttribute('lang'), lang === 'zh' ? 'zh-Hans' : 'en');
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
