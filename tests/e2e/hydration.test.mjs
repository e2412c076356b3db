// After hydration the DOM equals the prerendered DOM (Yew silently patches mismatched
// text, so watching the console is not enough), nothing is logged, and the page responds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession, watchConsole, waitForHydration, domSignature, ROUTES } from './browser.mjs';

const session = sharedSession({ serviceWorkers: 'block' });

for (const [route] of ROUTES) {
  test(`${route} hydrates to exactly the prerendered DOM`, async () => {
    const page = await session.browser.context.newPage();
    const messages = watchConsole(page);
    const response = await page.goto(session.server.url + route);
    const prerendered = await response.text();
    await waitForHydration(page);
    const [before, hydrated] = await page.evaluate(([html, signature]) => {
      const sign = new Function(`return (${signature})`)();
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      return [sign(parsed.getElementById('app')), sign(document.getElementById('app'))];
    }, [prerendered, domSignature.toString()]);
    assert.ok(before.length > 20, 'the prerendered app has content');
    if (route.startsWith('/timeline/')) {
      // Event pages select their event after hydration (by design: they share the
      // timeline's HTML); apart from that selection the DOM must be unchanged.
      const unselect = (items) => items.map((item) => item
        .replace(/ aria-current=true| open=[^ >]*/g, '')
        .replace(/ class=event (lane-[a-z]+) selected/, ' class=event $1'));
      assert.deepEqual(unselect(hydrated), unselect(before));
      assert.ok(hydrated.some((item) => item.includes('aria-current=true')), 'the event is selected');
    } else {
      assert.deepEqual(hydrated, before);
    }
    assert.equal(await page.locator('#crash').isHidden(), true, 'no crash screen');
    const relevant = messages.filter((m) => !/Service Worker registration blocked|could not register its service worker/.test(m));
    assert.deepEqual(relevant, [], 'no console errors or warnings');
    await page.close();
  });
}

test('after hydration, navigation is handled in the page (no reload)', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Timeline' }).click();
  await page.waitForURL(`${session.server.url}/timeline`);
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Timeline' }).waitFor());
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.equal(await page.locator('nav [aria-current="page"]').textContent(), 'Timeline');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: /Diffuse alveolar haemorrhage/ }).waitFor();
  await page.close();
});

test('keyboard: skip link, then the navigation, reachable by Tab', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('nav') !== null), true);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${session.server.url}/`);
  await page.close();
});
