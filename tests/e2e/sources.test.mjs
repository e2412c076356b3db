// The overview and the sources page at tablet size: the overview's entry points reach
// each view; "what rests on it" links land on the right items; the RIS download parses;
// a single source's BibTeX and the copied citation are what the core writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedSession, waitForHydration } from './browser.mjs';

const session = sharedSession({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });

/** A small RIS reader: records of `TAG  - value` lines, each closed by `ER  - `. */
function parseRis(text) {
  const records = [];
  let current = null;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const match = line.match(/^([A-Z][A-Z0-9])  - ?(.*)$/);
    assert.ok(match, `not an RIS line: ${JSON.stringify(line)}`);
    const [, tag, value] = match;
    if (tag === 'TY') { assert.equal(current, null, 'TY inside a record'); current = { TY: value }; }
    else if (tag === 'ER') { assert.ok(current, 'ER outside a record'); records.push(current); current = null; }
    else { assert.ok(current, `${tag} outside a record`); (current[tag] ||= []).push(value); }
  }
  assert.equal(current, null, 'the last record is closed');
  return records;
}

test('the overview reaches every view', async () => {
  const page = await session.browser.context.newPage();
  const views = [['Timeline', 'Timeline'], ['Compare', 'Compare'], ['Differential', 'Differential'], ['Paper', 'The paper'], ['Study', 'Study'], ['Sources', 'Sources'], ['Search', 'Search']];
  for (const [card, heading] of views) {
    await page.goto(`${session.server.url}/`);
    await waitForHydration(page);
    await page.locator('.view-card', { hasText: card }).first().tap();
    await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  }
  await page.close();
});

test('what rests on a source links to the items themselves', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/sources`);
  await waitForHydration(page);
  const tahir = page.locator('#source-tahir');
  await tahir.locator('.used-by summary').tap();
  const link = tahir.locator('.used-by a').first();
  assert.equal(await link.getAttribute('href'), '/compare#row-tahir');
  await link.tap();
  await page.waitForURL(/\/compare\/?#row-tahir$/);
  await waitForHydration(page);
  assert.equal(await page.locator('#row-tahir').count(), 1);
  // From the case report's list to a timeline event.
  await page.goto(`${session.server.url}/sources#source-case-report`);
  await waitForHydration(page);
  const article = page.locator('#source-case-report');
  await article.locator('.used-by summary').tap();
  await article.locator('.used-by a[href="/timeline/haemoptysis"]').first().tap();
  await page.waitForURL(/\/timeline\/haemoptysis\/?$/);
  await page.locator('.event-details h2', { hasText: /haemoptysis/i }).waitFor();
  await page.close();
});

test('the RIS download parses, one record per source, and BibTeX is offered per source', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/sources`);
  await waitForHydration(page);
  const sources = await page.locator('.source-list > .source').count();
  const [ris] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download all as RIS' }).click(),
  ]);
  const records = parseRis(readFileSync(await ris.path(), 'utf8'));
  assert.equal(records.length, sources);
  for (const record of records) assert.ok(record.TI && record.TI[0].length > 0, 'every record has a title');
  const drop = records.find((r) => (r.DO || [])[0] === '10.1016/j.msard.2020.102614');
  assert.deepEqual(drop.AU, ['Drop BRH', 'Zemel D', 'Wokke BHA']);
  const article = records.find((r) => (r.DO || [])[0] === '10.1186/s40360-018-0267-5');
  assert.equal(article.AU, undefined, 'unconfirmed authors are not exported');
  const [bib] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#source-tahir').getByRole('button', { name: /as BibTeX/ }).click(),
  ]);
  assert.match(readFileSync(await bib.path(), 'utf8'), /^@article\{tahir,\n {2}title = \{\{Diffuse Alveolar Haemorrhage/);
  await page.close();
});
