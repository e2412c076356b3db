// axe-core finds no violation on any view, at tablet portrait size in light and dark with
// every details element open, and as Lighthouse audits it: at 412×823, just as loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT, ROUTES, scrollThrough, sharedServer, waitForHydration } from './browser.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const SYNTHETIC = join(ROOT, 'tests', 'packs', 'synthetic-days.casepack.md');

/** axe-core's violations on the page as it is, one line each. */
async function violations(page, route) {
  // Injected through the debugging protocol: the page's CSP rightly refuses inline script.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => window.axe.run(document, {
    // wcag22aa brings target-size: touch targets at least 24 px or spaced apart.
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    // Label in name (WCAG 2.5.3) is tagged experimental, so the tags leave it out.
    rules: { 'label-content-name-mismatch': { enabled: true } },
  }));
  assert.ok(result.passes.length > 20, `axe ran its rules on ${route}`);
  return result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} (${v.help})`);
}

const server = sharedServer();

for (const [colorScheme, viewport] of [['light'], ['dark'], ['light', { width: 412, height: 823 }]]) {
  const size = viewport ? `, ${viewport.width}×${viewport.height}, as loaded` : '';
  test(`axe-core: no violations on any view (${colorScheme}${size})`, async () => {
    const browser = await launch({ colorScheme, serviceWorkers: 'block', ...(viewport ? { viewport } : {}) });
    try {
      const page = await browser.context.newPage();
      for (const [route] of [...ROUTES, ['/no/such/page']]) {
        await page.goto(server.url + route);
        await waitForHydration(page);
        // Open every source note so their contents are checked too.
        if (!viewport) await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        // Scroll through the page as a reader would: sections skipped off screen
        // (content-visibility) are laid out at their remembered size, which opening
        // details off screen made stale; axe measures target spacing from that layout.
        if (!viewport) await scrollThrough(page, { back: true });
        assert.deepEqual(await violations(page, route), [], `${route} (${colorScheme}${size})`);
      }
    } finally {
      await browser.close();
    }
  });
}

// A case of another kind opened from a file: its banner and every view, in dark and light.
for (const colorScheme of ['dark', 'light']) {
  test(`axe-core: no violations with another case opened (${colorScheme})`, async () => {
    const browser = await launch({ colorScheme, serviceWorkers: 'block' });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/`);
      await waitForHydration(page);
      await page.locator('.case-library input[type=file]').setInputFiles(SYNTHETIC);
      await page.getByText(/^Opened: /).waitFor();
      for (const route of ['/', '/timeline', '/compare', '/differential', '/reader', '/study', '/sources', '/search?q=day']) {
        await page.goto(server.url + route);
        await waitForHydration(page);
        await page.locator('.case-banner').waitFor();
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        await scrollThrough(page, { back: true });
        assert.deepEqual(await violations(page, route), [], `${route} with another case (${colorScheme})`);
      }
    } finally {
      await browser.close();
    }
  });
}
