// The strict Content-Security-Policy holds on every view while it is used: no violation
// is reported, and the policy is the one every page carries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession, waitForHydration, ROUTES } from './browser.mjs';

const session = sharedSession({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });

test('no CSP violation on any view, at rest or in use', async () => {
  const page = await session.browser.context.newPage();
  const violations = [];
  await page.exposeBinding('__reportViolation', (_, text) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  for (const [route] of ROUTES) {
    await page.goto(session.server.url + route);
    await waitForHydration(page);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(policy, /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  }
  // Use the views: timeline zoom and selection, compare choices, the reader's panels,
  // the differential's worked example, search.
  await page.goto(`${session.server.url}/timeline`);
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Acute phase' }).click();
  await page.locator('.mark[data-event="ctpa"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('.event-details h2').waitFor();
  await page.goto(`${session.server.url}/compare`);
  await waitForHydration(page);
  await page.getByLabel('Order').selectOption('patients');
  await page.goto(`${session.server.url}/reader`);
  await waitForHydration(page);
  await page.locator('.cite').first().click();
  await page.locator('.popover').waitFor();
  await page.goto(`${session.server.url}/differential`);
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Load the published case' }).click();
  await page.locator('#dx-dah[data-standing="supported"]').waitFor();
  await page.goto(`${session.server.url}/search?q=haemoptysis`);
  await waitForHydration(page);
  await page.locator('.result').first().waitFor();
  await page.waitForTimeout(200);
  assert.deepEqual(violations, []);
  // Control: an inline style set by script is refused and reported, so the listener
  // above would have seen a real violation.
  await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
  await page.waitForFunction(() => true);
  await page.waitForTimeout(200);
  assert.equal(violations.length, 1, 'the control violation is reported');
  assert.match(violations[0], /style-src/);
  await page.close();
});
