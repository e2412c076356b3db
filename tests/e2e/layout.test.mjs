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

// Every control a finger aims at on its own has a hit area of at least 44 × 44 px at
// tablet sizes; one inside a sentence (a citation, a glossary term, a link in the text)
// at least 24 × 24. A radio or checkbox counts by the label that holds it; a mark of the
// timeline's drawing by its target (its row under the mark and its label).
for (const [width, height] of [[768, 1024], [1024, 768]]) {
  test(`hit areas at ${width}×${height}: 44 px alone, 24 px in a sentence`, async () => {
    const browser = await launch({ viewport: { width, height }, serviceWorkers: 'block' });
    try {
      const page = await browser.context.newPage();
      const tooSmall = [];
      for (const [route] of ROUTES.filter(([path]) => !/^\/timeline\/./.test(path))) {
        await page.goto(server.url + route);
        await waitForHydration(page);
        const small = await page.evaluate(() => {
          const found = [];
          const controls = document.querySelectorAll('main :is(a[href], button, select, summary, input:not([type=radio]):not([type=checkbox]):not([type=file]), label:has(> input:is([type=radio], [type=checkbox])), svg [role=button])');
          for (const control of controls) {
            if (control.closest('.skip-inline, .visually-hidden')) continue;
            const drawn = control.closest('svg');
            if (drawn && !control.matches('[role=button]')) continue;
            const box = (drawn ? control.querySelector(':scope > .hit') : control).getBoundingClientRect();
            if (!box.width || !box.height) continue;
            const style = getComputedStyle(control);
            const inSentence = control.matches('.cite, .term') || (!drawn && style.display === 'inline'
              && control.parentElement.textContent.trim().length > control.textContent.trim().length + 10);
            const least = inSentence ? 24 : 44;
            // Inline text wraps: a line of it counts by its own box.
            const rects = style.display === 'inline' && !drawn ? [...control.getClientRects()] : [box];
            const tallest = Math.max(...rects.map((r) => r.height));
            const widest = Math.max(...rects.map((r) => r.width));
            if (tallest < least - 0.5 || (widest < least - 0.5)) {
              found.push(`${control.tagName.toLowerCase()}.${[...control.classList].join('.')} ${Math.round(widest)}×${Math.round(tallest)} "${control.textContent.trim().slice(0, 40)}"`);
            }
          }
          return found;
        });
        tooSmall.push(...small.map((line) => `${route}: ${line}`));
      }
      assert.deepEqual(tooSmall, [], `${tooSmall.length} controls too small`);
    } finally {
      await browser.close();
    }
  });
}
