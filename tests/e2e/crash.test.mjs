// A panic in the wasm shows a recovery screen with a reload link, never a blank page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession, waitForHydration } from './browser.mjs';

const session = sharedSession({ serviceWorkers: 'block' });

test('a panic shows the recovery screen, and its reload link works', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/timeline`);
  await waitForHydration(page);
  assert.equal(await page.locator('#crash').isHidden(), true);
  // The test-only trigger: an event only a script on the page can dispatch.
  await page.evaluate(() => window.dispatchEvent(new Event('casebook-test-panic')));
  const dialog = page.getByRole('alertdialog', { name: 'Casebook stopped working' });
  await dialog.waitFor();
  assert.match(await page.locator('#crash-detail').textContent(), /test panic requested/);
  assert.equal(await page.locator('#crash-reload').getAttribute('href'), page.url(), 'reloads the same page');
  // The page behind is still there, not blank.
  assert.equal(await page.locator('h1').first().textContent(), 'Timeline');
  await page.locator('#crash-reload').click();
  await page.waitForLoadState('load');
  await waitForHydration(page);
  assert.equal(await page.locator('#crash').isHidden(), true, 'the reloaded page works');
  await page.close();
});
