// When a new version is deployed, the page offers "update available, reload"; accepting
// it activates the new service worker and reloads into the new version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, waitForHydration, ROOT, visitUntilControlled } from './browser.mjs';

test('a waiting new version is offered, and Reload switches to it', async () => {
  const site = mkdtempSync(join(tmpdir(), 'casebook-site-'));
  cpSync(join(ROOT, 'dist'), site, { recursive: true });
  const server = await serve(site);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await visitUntilControlled(page, `${server.url}/`);
    const oldVersion = await page.evaluate(async () => (await caches.keys()).join(','));
    assert.equal(await page.locator('#update').isHidden(), true, 'no prompt without an update');

    // "Deploy" a new version: any change to the worker's precache version.
    const sw = join(site, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });

    const banner = page.getByRole('status').filter({ hasText: 'A new version of Casebook is ready.' });
    await banner.waitFor();
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await waitForHydration(page);
    const newVersion = await page.evaluate(async () => (await caches.keys()).join(','));
    assert.match(newVersion, /-next/, 'the new version controls the page');
    assert.notEqual(newVersion, oldVersion);
    assert.doesNotMatch(newVersion, new RegExp(`^${oldVersion}$`), 'the old cache was deleted');
    assert.equal(await page.locator('#update').isHidden(), true);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(site, { recursive: true, force: true });
  }
});
