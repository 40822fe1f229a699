'use strict';
// A one-page smoke check (not a node:test file): opens the app at the URL given as the
// first argument (default ADJOINT_E2E_URL or http://127.0.0.1:8080/), waits until the
// graph shows, fails on console errors, page errors, failed or non-local requests, and
// saves tests/e2e/artifacts/smoke.png. Used by scripts/check-serve.sh against trunk serve.
// Run: NODE_PATH=~/.adjoint-tools/node_modules node tests/e2e/smoke.cjs [URL]

const { BASE_URL, launchBrowser, openApp, screenshot } = require('./helpers.cjs');

async function main() {
  const url = process.argv[2] || BASE_URL;
  const browser = await launchBrowser();
  try {
    const { page, problems, warnings } = await openApp(browser.context, { url, timeout: 60_000 });
    const nodes = await page.locator('svg[data-testid=graph] g[data-testid=graph-node]').count();
    const shot = await screenshot(page, 'smoke');
    for (const w of warnings) console.log(w);
    if (problems.length > 0) throw new Error(`the page reported problems:\n  ${problems.join('\n  ')}`);
    console.log(`smoke: ${url} shows a graph of ${nodes} nodes; screenshot ${shot}`);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`smoke: FAILED: ${err.message}`);
  process.exit(1);
});
