// Opening case packs, at tablet size: a valid pack by the picker switches every view and
// stays after reload and offline; drag and drop; switching back and removing; a broken
// pack lists every error with line, column and field and changes nothing; a 50 MB file
// and a pack with 100,000 events get a clear message; and the hostile pack (122 payloads
// in every text field, tests/hostile/) runs nothing: no dialog, no console message, no
// navigation, no request to another origin, no CSP violation, on every view in use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, serve, sharedSession, waitForHydration, watchConsole, ROOT, ROUTES, visitUntilControlled, keptAside, packStore, clearStorage } from './browser.mjs';

/** Console messages, without Playwright's own note that it blocks service workers. */
const quiet = (messages) => messages.filter((m) => !m.includes('Service Worker registration blocked by Playwright'));

const session = sharedSession({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });
// The complete example of the format's documentation, written out for the file picker.
const EXAMPLE = join(mkdtempSync(join(tmpdir(), 'casebook-example-')), 'example.casepack.md');
writeFileSync(EXAMPLE, readFileSync(join(ROOT, 'docs', 'case-pack-format.md'), 'utf8').match(/```casepack\n([\s\S]*?)```/)[1]);
const HOSTILE = join(ROOT, 'tests', 'hostile', 'hostile.casepack.md');
const SEED_HEADING = 'Diffuse alveolar haemorrhage after alemtuzumab in multiple sclerosis';

async function openPack(page, file) {
  await page.locator('.case-library input[type=file]').setInputFiles(file);
}

test('a valid pack switches every view; it stays after reload; back to the built-in case; remove', async () => {
  const page = await session.browser.context.newPage();
  const messages = watchConsole(page);
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  await openPack(page, EXAMPLE);
  await page.getByText(/^Opened: /).waitFor();
  assert.match(await page.locator('h1').textContent(), /Diffuse alveolar hemorrhage during alemtuzumab infusion/);
  assert.match(await page.locator('.case-banner').textContent(), /Showing a case you opened/);
  // Every view shows it: the example has four events (one a drug given) and one comparison row.
  await page.getByRole('link', { name: 'Timeline', exact: true }).first().click();
  await page.locator('.event-list .event').first().waitFor();
  assert.equal(await page.locator('.event-list .event').count(), 4);
  assert.match(await page.locator('.case-banner').textContent(), /Showing a case you opened/);
  // Reload: still the opened case (read back from this device, not from the server).
  await page.reload();
  await waitForHydration(page);
  await page.locator('.case-banner').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.event-list .event').length === 4);
  // Back to the built-in case from the banner.
  await page.getByRole('button', { name: 'Back to the built-in case' }).tap();
  await page.waitForFunction(() => document.querySelectorAll('.event-list .event').length > 40);
  assert.equal(await page.locator('.case-banner').count(), 0);
  // The list on the overview: open it again, then remove it.
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  const entry = page.locator('.case-entry[data-case="example"]');
  await entry.waitFor();
  await entry.getByRole('button', { name: /^Open:/ }).tap();
  await page.locator('.case-banner').waitFor();
  await entry.getByRole('button', { name: /^Remove:/ }).tap();
  await entry.getByRole('button', { name: /^Yes, remove:/ }).tap();
  await page.waitForFunction(() => !document.querySelector('.case-entry[data-case="example"]'));
  assert.equal(await page.locator('.case-banner').count(), 0);
  assert.equal(await page.locator('h1').textContent(), SEED_HEADING);
  assert.equal(await packStore(page, 'count'), 0, 'nothing of it is kept');
  assert.deepEqual(quiet(messages), []);
  await page.close();
});

test('a file opened while the last visit\'s case is still being read stays opened, now and on the next visit', async () => {
  // The last visit showed the synthetic case.
  const SYNTHETIC = join(ROOT, 'tests', 'packs', 'synthetic-days.casepack.md');
  const first = await session.browser.context.newPage();
  await first.goto(`${session.server.url}/`);
  await waitForHydration(first);
  await clearStorage(first);
  await first.reload();
  await waitForHydration(first);
  await openPack(first, SYNTHETIC);
  await first.getByText(/^Opened: /).waitFor();
  await first.close();

  // This visit's storage is slow: every IndexedDB connection waits for the test's word,
  // so reading the last visit's case back is still under way when the user opens a file.
  const page = await session.browser.context.newPage();
  await page.addInitScript(() => {
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    window.__releaseStorage = release;
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      const request = open.apply(this, args);
      let handler = null;
      Object.defineProperty(request, 'onsuccess', { configurable: true, get: () => handler, set: (fn) => { handler = fn; } });
      request.addEventListener('success', (event) => { gate.then(() => handler?.call(request, event)); });
      return request;
    };
  });
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  await openPack(page, EXAMPLE);
  await page.getByText(/^Checking example\.casepack\.md/).waitFor();
  // The slow read finishes while the file is being checked.
  await page.evaluate(() => window.__releaseStorage());
  await page.getByText(/^Opened: /).waitFor();
  // Give the finished read every chance to replace the choice (it must not).
  await page.waitForTimeout(1000);
  assert.match(await page.locator('h1').textContent(), /Diffuse alveolar hemorrhage during alemtuzumab infusion/);
  assert.equal(await page.getByText(/^Opened: /).count(), 1);
  assert.equal(await page.evaluate(() => localStorage.getItem('casebook.v2.active-case')), 'example');
  assert.equal(await page.locator('.case-entry[data-case="example"], .case-entry[data-case="synthetic-days"]').count(), 2, 'both cases are kept');
  // The next visit shows the file the user opened, not the one before it.
  await page.reload();
  await waitForHydration(page);
  await page.evaluate(() => window.__releaseStorage());
  await page.locator('.case-banner').waitFor();
  assert.match(await page.locator('h1').textContent(), /Diffuse alveolar hemorrhage during alemtuzumab infusion/);
  await clearStorage(page);
  await page.close();
});

test('a dropped file opens too', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  const text = readFileSync(EXAMPLE, 'utf8');
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.casepack.md', { type: 'text/markdown' }));
    return data;
  }, text);
  await page.dispatchEvent('.drop-zone', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: transfer });
  await page.getByText(/^Opened: /).waitFor();
  assert.match(await page.locator('.case-entry[data-case="example"]').textContent(), /dropped\.casepack\.md/);
  await page.getByRole('button', { name: 'Back to the built-in case' }).tap();
  await clearStorage(page);
  await page.close();
});

test('a broken pack lists every error with line, column and field, and nothing changes', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/differential`);
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Load the published case' }).click();
  await page.locator('#dx-dah[data-standing="supported"]').waitFor();
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  // Three defects: a wrong type, an unknown lane, a quote not in the article.
  const broken = readFileSync(EXAMPLE, 'utf8')
    .replace('year = 2018', 'year = "2018"')
    .replace('lane = "symptom"', 'lane = "symptoms"')
    .replace('showed bilateral alveolar opacities.', 'showed unilateral opacities.');
  await page.locator('.case-library input[type=file]').setInputFiles({ name: 'broken.casepack.md', mimeType: 'text/markdown', buffer: Buffer.from(broken) });
  const errors = page.locator('.import-errors');
  await errors.waitFor();
  assert.match(await errors.textContent(), /broken\.casepack\.md was not opened: it has \d+ problems?\. Nothing else changed/);
  const items = await errors.locator('.pack-errors li').allTextContents();
  assert.ok(items.some((t) => /^Line \d+, column \d+ · meta\.year: .*wrong type|invalid type/.test(t)), items.join('\n'));
  assert.ok(items.some((t) => /events\[1\]\.lane: unknown variant `symptoms`/.test(t)), items.join('\n'));
  assert.ok(items.length >= 2);
  assert.equal(await page.locator('h1').textContent(), SEED_HEADING);
  assert.equal(await page.locator('.case-banner').count(), 0);
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before, 'storage untouched');
  await clearStorage(page);
  await page.close();
});

test('a 50 MB file and a pack with 100,000 events get a clear message; the page stays usable', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  const huge = join(mkdtempSync(join(tmpdir(), 'casebook-huge-')), 'huge.casepack.md');
  writeFileSync(huge, '');
  truncateSync(huge, 50 * 1024 * 1024);
  await page.locator('.case-library input[type=file]').setInputFiles(huge);
  await page.getByText(/huge\.casepack\.md was not opened\. The file is 50\.0 MB; a case pack can be at most 10\.0 MB/).waitFor();
  const head = readFileSync(EXAMPLE, 'utf8').split('\n+++\n')[0];
  const events = Array.from({ length: 100000 }, (_, i) => `[[events]]\nid = "e${i}"\n`).join('');
  const many = `${head}\n${events}+++\n# Abstract\n\nText.\n`;
  assert.ok(many.length < 10 * 1024 * 1024, 'under the size limit, so the count limit speaks');
  await page.locator('.case-library input[type=file]').setInputFiles({ name: 'many.casepack.md', mimeType: 'text/markdown', buffer: Buffer.from(many) });
  const errors = page.locator('.import-errors');
  await errors.filter({ hasText: 'many.casepack.md' }).waitFor();
  assert.match(await errors.textContent(), /events: more than 5000 entries in `events`; a case pack can hold at most 5000 per list/);
  // The page answers at once: the overview's links still work.
  await page.getByRole('link', { name: 'Timeline', exact: true }).first().click();
  await page.locator('h1', { hasText: 'Timeline' }).waitFor();
  await page.close();
});

test('the hostile pack runs nothing on any view', async () => {
  const payloads = JSON.parse(readFileSync(join(ROOT, 'tests', 'hostile', 'payloads.json'), 'utf8')).payloads;
  assert.ok(payloads.length >= 100);
  const page = await session.browser.context.newPage();
  const messages = watchConsole(page);
  page.on('console', (message) => {
    if (!['error', 'warning'].includes(message.type())) messages.push(`${message.type()}: ${message.text()}`);
  });
  const dialogs = [];
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  const foreign = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(session.server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  const navigations = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && !frame.url().startsWith(session.server.url)) navigations.push(frame.url());
  });
  const violations = [];
  await page.exposeBinding('__reportViolation', (_, text) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  await openPack(page, HOSTILE);
  await page.getByText(/^Opened: /).waitFor({ timeout: 30000 });
  // Every view with the hostile case, at rest and in use.
  for (const [route] of ROUTES) {
    await page.goto(session.server.url + route);
    await waitForHydration(page);
    await page.locator('.case-banner').waitFor();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  }
  await page.goto(`${session.server.url}/reader`);
  await waitForHydration(page);
  await page.locator('.case-banner').waitFor();
  // The payloads are shown as text.
  await page.getByText('Hostile 0: <script>alert(1)</script>').first().waitFor();
  const cites = page.locator('.cite');
  if (await cites.count()) { await cites.first().click(); }
  for (const link of await page.locator('#main a[href]').all()) {
    const href = await link.getAttribute('href');
    assert.match(href, /^(https?:|mailto:|\/|#)/, `a link in the reader points to ${href}`);
  }
  await page.goto(`${session.server.url}/differential`);
  await waitForHydration(page);
  await page.locator('.case-banner').waitFor();
  await page.getByRole('button', { name: 'Load the published case' }).click();
  await page.goto(`${session.server.url}/timeline`);
  await waitForHydration(page);
  await page.locator('.case-banner').waitFor();
  await page.locator('.mark').first().focus();
  await page.keyboard.press('Enter');
  await page.goto(`${session.server.url}/search?q=script`);
  await waitForHydration(page);
  await page.locator('.case-banner').waitFor();
  await page.locator('.result').first().waitFor();
  await page.goto(`${session.server.url}/study`);
  await waitForHydration(page);
  await page.locator('.case-banner').waitFor();
  await page.locator('.add-diagnoses .chip').first().click();
  await page.getByRole('button', { name: 'Commit and compare' }).first().click();
  await page.locator('#flashcards').getByRole('button', { name: 'Show the answer' }).click();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'window.__xss was never set');
  assert.deepEqual(dialogs, [], 'no dialog');
  assert.deepEqual(foreign, [], 'no request to another origin');
  assert.deepEqual(navigations, [], 'no navigation away');
  assert.deepEqual(violations, [], 'no CSP violation: nothing was even attempted');
  assert.deepEqual(quiet(messages), [], 'no console message');
  await clearStorage(page);
  await page.close();
});

test('an opened case works offline, and a pack can be opened offline', async () => {
  const server = await serve();
  const browser = await launch({ viewport: { width: 768, height: 1024 } });
  try {
    const page = await browser.context.newPage();
    await visitUntilControlled(page, `${server.url}/`);
    await browser.context.setOffline(true);
    await server.stop();
    await openPack(page, EXAMPLE);
    await page.getByText(/^Opened: /).waitFor();
    const offline = await page.reload();
    assert.equal(offline.fromServiceWorker(), true);
    await waitForHydration(page);
    await page.locator('.case-banner').waitFor();
    assert.match(await page.locator('h1').textContent(), /Diffuse alveolar hemorrhage during alemtuzumab infusion/);
    await page.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a stale encoding is re-checked from the text; packs an earlier version kept are moved; an unreadable list is kept aside', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  await openPack(page, EXAMPLE);
  await page.getByText(/^Opened: /).waitFor();
  // An encoding from another layout of the app: the pack's text is checked again by the
  // importer (the migration), the case is shown as before, and the fresh encoding kept.
  await packStore(page, 'spoil', { id: 'example', bytes: 'CASEPK01 from an older app' });
  await page.reload();
  await waitForHydration(page);
  await page.locator('.case-banner').waitFor();
  assert.match(await page.locator('h1').textContent(), /Diffuse alveolar hemorrhage during alemtuzumab infusion/);
  for (let tries = 0; (await packStore(page, 'tag', { id: 'example' })) !== 'CB'; tries += 1) {
    assert.ok(tries < 100, 'the fresh encoding is kept');
    await page.waitForTimeout(100);
  }

  // A pack an earlier version kept in local storage (its list and its text) is moved to
  // this version's storage, then the old copies go; the case it showed is shown.
  const text = readFileSync(EXAMPLE, 'utf8');
  await packStore(page, 'clear');
  await page.evaluate((text) => {
    localStorage.removeItem('casebook.v2.active-case');
    localStorage.setItem('casebook.v1.library', JSON.stringify({ kind: 'casebook-library', format: 1, active: 'example', packs: [{ id: 'example', title: 'Example case', file: 'example.casepack.md', bytes: text.length }] }));
    localStorage.setItem('casebook.v1.pack.example', text);
  }, text);
  await page.reload();
  await waitForHydration(page);
  await page.locator('.case-banner').waitFor();
  await page.locator('.case-entry[data-case="example"]').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('casebook.v1.pack.example')), null);
  assert.equal(await page.evaluate(() => localStorage.getItem('casebook.v1.library')), null);
  assert.equal(await packStore(page, 'count'), 1);

  // An earlier version's list that cannot be read: kept aside unchanged and offered for
  // download; a pack whose text it would have named is recovered all the same.
  await packStore(page, 'clear');
  const damaged = '{"kind":"casebook-library","format":1,"packs":[{';
  await page.evaluate(([damaged, text]) => {
    localStorage.removeItem('casebook.v2.active-case');
    localStorage.setItem('casebook.v1.library', damaged);
    localStorage.setItem('casebook.v1.pack.example', text);
  }, [damaged, text]);
  await page.reload();
  await waitForHydration(page);
  await page.getByText(/The list of cases you opened could not be read/).waitFor();
  assert.equal(await page.locator('.case-banner').count(), 0);
  assert.equal(await page.locator('h1').textContent(), SEED_HEADING);
  assert.deepEqual(await keptAside(page, 'casebook.v1.library'), [damaged]);
  await page.locator('.case-entry[data-case="example"]').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unreadable list' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /kept/);
  await clearStorage(page);
  await page.close();
});

test('cases kept by a newer version (a higher database version) are said to be so, and the choice is kept', async () => {
  const page = await session.browser.context.newPage();
  // Set up from a page of the site that runs no app, so no connection holds the database.
  await page.goto(`${session.server.url}/robots.txt`);
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise((resolve) => { const r = indexedDB.deleteDatabase('casebook'); r.onsuccess = r.onerror = r.onblocked = resolve; });
    await new Promise((resolve, reject) => {
      const request = indexedDB.open('casebook', 7);
      request.onupgradeneeded = () => request.result.createObjectStore('packs', { keyPath: 'id' }).put({ id: 'example', text: 'kept by a newer version' });
      request.onsuccess = () => { request.result.close(); resolve(); };
      request.onerror = () => reject(request.error);
    });
    localStorage.setItem('casebook.v2.active-case', 'example');
  });
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  await page.getByText(/could not be read from this device \(they were kept by a newer version of Casebook; reload the page to get it\); it is still chosen/).waitFor();
  assert.equal(await page.getByText(/no longer stored/).count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('casebook.v2.active-case')), 'example', 'the choice is kept');
  assert.equal(await page.locator('main h1').textContent(), SEED_HEADING);
  // The newer version's database is left as it was.
  assert.equal(await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'casebook')?.version), 7);
  await page.goto(`${session.server.url}/robots.txt`);
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise((resolve) => { const r = indexedDB.deleteDatabase('casebook'); r.onsuccess = r.onerror = r.onblocked = resolve; });
  });
  await page.close();
});
