// axe-core finds no violation on any view, at tablet portrait size, in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, waitForHydration, ROUTES, ROOT } from './browser.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let server;
before(async () => { server = await serve(); });
after(async () => { await server.stop(); });

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core: no violations on any view (${colorScheme})`, async () => {
    const browser = await launch({ colorScheme, serviceWorkers: 'block' });
    try {
      const page = await browser.context.newPage();
      for (const [route] of [...ROUTES, ['/no/such/page']]) {
        await page.goto(server.url + route);
        await waitForHydration(page);
        // Open every source note so their contents are checked too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        // Injected through the debugging protocol: the page's CSP rightly refuses inline script.
        await page.evaluate(AXE);
        const result = await page.evaluate(async () => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        }));
        assert.ok(result.passes.length > 20, `axe ran its rules on ${route}`);
        const violations = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} (${v.help})`);
        assert.deepEqual(violations, [], `${route} (${colorScheme})`);
      }
    } finally {
      await browser.close();
    }
  });
}
