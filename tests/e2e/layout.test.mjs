// Nothing on any view is wider than the screen at the sizes users have (wide tables
// scroll inside their own frame), in light and dark alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ROUTES, scrollThrough, sharedServer, waitForHydration } from './browser.mjs';

const server = sharedServer();

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

test('the page keeps its height while the reader scrolls (sections skipped off screen keep their real size)', async () => {
  const browser = await launch({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  try {
    const page = await browser.context.newPage();
    for (const route of ['/timeline', '/differential']) {
      await page.goto(server.url + route);
      await waitForHydration(page);
      const heights = () => page.evaluate(() => [document.documentElement.scrollHeight,
        ...[...document.querySelectorAll('.finding-group, .workup-layout, .share, .below-chart')].map((s) => Math.round(s.getBoundingClientRect().height))]);
      const before = await heights();
      assert.ok(before.length > 2, `${route} has sections skipped off screen`);
      await scrollThrough(page);
      assert.deepEqual(await heights(), before, `${route}: nothing changed height as it came into view`);
    }
  } finally {
    await browser.close();
  }
});
