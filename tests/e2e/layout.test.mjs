// Nothing on any view is wider than the screen at the sizes users have (wide tables
// scroll inside their own frame), in light and dark alike.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, waitForHydration, ROUTES } from './browser.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.stop(); });

for (const [width, height] of [[768, 1024], [1024, 768], [390, 844]]) {
  test(`no view scrolls sideways at ${width}×${height}`, async () => {
    const browser = await launch({ viewport: { width, height }, serviceWorkers: 'block' });
    try {
      const page = await browser.context.newPage();
      for (const [route] of ROUTES) {
        await page.goto(server.url + route);
        await waitForHydration(page);
        // Open every details element: opened content must fit too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${route} is ${overflow}px wider than the screen`);
      }
    } finally {
      await browser.close();
    }
  });
}
