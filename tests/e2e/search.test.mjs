// Search as a user types it: results update per keystroke, grouped and highlighted, in
// either spelling and with a slip; an empty result says so; the address keeps the query.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession, waitForHydration } from './browser.mjs';

const session = sharedSession({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });

test('results follow typing, in either spelling, grouped and highlighted', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/search`);
  await waitForHydration(page);
  const box = page.getByLabel(/^Search everything/);
  await box.pressSequentially('hemopt', { delay: 20 });
  await page.locator('.result').first().waitFor();
  const headings = await page.locator('.result-group h2').allTextContents();
  assert.ok(headings.some((h) => h.startsWith('Timeline')), headings.join());
  assert.ok(headings.some((h) => h.startsWith('The paper')), headings.join());
  assert.match((await page.locator('.result mark').first().textContent()).toLowerCase(), /^ha?emoptysis/);
  await page.waitForURL(/\/search\/?\?q=hemopt$/);
  // British spelling with a slip finds the same timeline events.
  const american = await page.locator('.result a[href^="/timeline/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  await box.fill('haemoptyis');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'haemoptyis');
  const british = await page.locator('.result a[href^="/timeline/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(british, american);
  // A result leads to its place.
  await page.locator('.result a[href^="/timeline/"]').first().click();
  await page.waitForURL(/\/timeline\//);
  await page.close();
});

test('nothing found is said plainly, and a shared address reproduces a search', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/search?q=zebra`);
  await waitForHydration(page);
  await page.getByText(/Nothing matches “zebra”/).waitFor();
  await page.goto(`${session.server.url}/search?q=oedema`);
  await waitForHydration(page);
  await page.locator('.result').first().waitFor();
  assert.equal(await page.getByLabel(/^Search everything/).inputValue(), 'oedema');
  // A pasted page is searched, but neither echoed whole nor written into the address.
  await page.getByLabel(/^Search everything/).fill(`zq${'w'.repeat(100_000)}`);
  await page.getByText(/Nothing matches “zqw+…”/).waitFor();
  assert.ok((await page.locator('.search-results [role=status]').textContent()).length < 200);
  await page.waitForTimeout(500);
  assert.ok(page.url().length < 1000, `${page.url().length} characters of address`);
  await page.close();
});

test('screen readers hear the count from one status line, not the whole list', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/search`);
  await waitForHydration(page);
  // Marks the status line so the test can tell whether the same node is kept.
  await page.evaluate(() => { document.querySelector('[role="status"]').dataset.first = 'yes'; });
  await page.getByLabel(/^Search everything/).fill('bronchoscopy');
  await page.locator('.result').first().waitFor();
  const status = page.getByRole('status');
  assert.match(await status.textContent(), /^\d+ results? for “bronchoscopy”$/);
  assert.equal(await status.getAttribute('data-first'), 'yes', 'the live region is changed in place, not inserted');
  await page.getByLabel(/^Search everything/).fill('zebra');
  await page.getByText(/Nothing matches “zebra”/).waitFor();
  assert.equal(await status.getAttribute('data-first'), 'yes');
  assert.equal(await page.locator('.search-results[aria-live], .search-results [aria-live]').count(), 0, 'no live region around the results');
  await page.close();
});

test('everything is searched: statistics, caveats, sources; a count carries its caveat', async () => {
  const page = await session.browser.context.newPage();
  for (const [query, group] of [['Fisher', 'Comparison'], ['reporting bias', 'Comparison'], ['Lemtrada', 'Sources']]) {
    await page.goto(`${session.server.url}/search?q=${encodeURIComponent(query)}`);
    await waitForHydration(page);
    await page.locator('.result').first().waitFor();
    const headings = await page.locator('.result-group h2').allTextContents();
    assert.ok(headings.some((h) => h.startsWith(group)), `${query}: ${headings.join()}`);
  }
  // A registry count found by search says what such counts cannot tell.
  await page.goto(`${session.server.url}/search?q=VigiBase`);
  await waitForHydration(page);
  await page.locator('.result .registry-caveat').first().waitFor();
  assert.match(await page.locator('.result .registry-caveat').first().textContent(), /not incidence/);
  await page.close();
});

test('the student\'s own notes are searched too, and lead to their sentence', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/search`);
  await waitForHydration(page);
  const sentence = 'Four hours later she started coughing up bright red blood tinged sputum without clots.';
  await page.evaluate((sentence) => localStorage.setItem('casebook.v1.notes.alemtuzumab-dah', JSON.stringify({
    kind: 'casebook-notes', format: 2, pack: 'alemtuzumab-dah',
    annotations: [{ sentence, bookmarked: false, note: 'remember the zygomatic mnemonic' }],
  })), sentence);
  await page.goto(`${session.server.url}/search?q=zygomatic`);
  await waitForHydration(page);
  const group = page.locator('.result-group', { has: page.getByRole('heading', { name: /^Your notes/ }) });
  await group.locator('.result').first().waitFor();
  assert.match(await group.locator('.result a').first().getAttribute('href'), /^\/reader#q-[0-9a-f]{8}$/);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});
