// A case of another kind, in every view: the synthetic pack of tests/packs (placeholder
// words, days counted the report's way, its own phases, comparison fields and finding
// groups, drugs as exposures, tables, a described figure, no DOI or licence) opened as a
// user would and read in each view; a format 1 file opens and says so; the format's page
// is reachable from where packs are opened, offline too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, serve, sharedSession, waitForHydration, visitUntilControlled, ROOT, clearStorage } from './browser.mjs';

const session = sharedSession({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });
const SYNTHETIC = join(ROOT, 'tests', 'packs', 'synthetic-days.casepack.md');
const FORMAT_1 = join(ROOT, 'tests', 'packs', 'format-1-example.casepack.md');

async function openPack(page, file) {
  await page.locator('.case-library input[type=file]').setInputFiles(file);
  await page.getByText(/^Opened: /).waitFor();
}

async function view(page, path) {
  await page.goto(`${session.server.url}${path}`);
  await waitForHydration(page);
  await page.locator('.case-banner').waitFor();
}

test('a case counted in days, with its own phases, fields, groups, tables and figure, reads as itself in every view', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  await openPack(page, SYNTHETIC);
  assert.match(await page.getByText(/^Opened: /).textContent(), /Case pack format 2/);
  assert.equal(await page.locator('main h1').textContent(), 'Synthetic case: subject one, counted in days');
  assert.match(await page.locator('.view-cards').textContent(), /Subject one, day by day\./);

  // Timeline: days said as the report says them, the pack's phases, the drug lane.
  await view(page, '/timeline');
  assert.match(await page.locator('.lede').textContent(), /does not say whether it counts the day of admission as day 0 or day 1/);
  const list = (await page.locator('.event-list').allTextContents()).join(' ');
  assert.match(list, /day 3, until about day 10/);
  assert.match(list, /between “Test one” and day 22/);
  assert.deepEqual(await page.locator('section.phase > h3').allTextContents(), ['Before admission', 'The stay', 'The visits']);
  assert.ok((await page.locator('.timeline-svg .tick').allTextContents()).some((label) => label.startsWith('day ')), 'the axis counts days');
  await page.getByRole('button', { name: 'Acute phase' }).click();
  assert.equal(await page.locator('#crash').isHidden(), true);

  // Compare: its own fields, group names and note.
  await view(page, '/compare');
  const table = await page.locator('.compare-table').textContent();
  for (const label of ['Compound given', 'Peak of marker one', 'The test that decided', 'Course']) assert.ok(table.includes(label), label);
  assert.doesNotMatch(table, /Premedication|Mechanical ventilation/);
  assert.match(table, /Placeholder cases/);

  // Differential: the pack's finding groups.
  await view(page, '/differential');
  assert.deepEqual(await page.locator('.finding-group h3').allTextContents(), ['Timing', 'Tests']);

  // Reader: three real tables, the figure described by the pack, no DOI or licence, and
  // the bracketed list of citations as one control.
  await view(page, '/reader');
  assert.equal(await page.locator('.article-table table').count(), 3);
  assert.equal(await page.locator('.article-table th[scope=col]').first().textContent(), 'Day');
  assert.match(await page.locator('.figure-note').textContent(), /Figure 1 shows a placeholder chart of marker one by day/);
  assert.match(await page.locator('.citation-line').textContent(), /DOI not reported.*Licence: not reported/);
  assert.equal(await page.locator('a[href^="https://doi.org/"]').count(), 0, 'no broken DOI link');
  await page.getByRole('button', { name: /^References \[3/ }).first().waitFor();

  // Search finds a table cell; study and sources render.
  await view(page, '/search?q=condition');
  await page.locator('.result').first().waitFor();
  await view(page, '/study');
  await page.locator('#stage-admission').waitFor();
  await view(page, '/sources');
  assert.match(await page.locator('main').textContent(), /Placeholder citation index record/);
  await clearStorage(page);
  await page.close();
});

test('a format 1 file opens, read as format 2, and says so', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  await openPack(page, FORMAT_1);
  assert.match(await page.getByText(/^Opened: /).textContent(), /written in case pack format 1, read as format 2/);
  await view(page, '/compare');
  assert.match(await page.locator('.compare-table').textContent(), /Mechanical ventilation/);
  await clearStorage(page);
  await page.close();
});

test('the case pack format is one tap from where packs are opened, and works offline', async () => {
  const server = await serve();
  const browser = await launch({ viewport: { width: 768, height: 1024 } });
  try {
    const page = await browser.context.newPage();
    await visitUntilControlled(page, `${server.url}/`);
    await page.getByRole('link', { name: 'the case pack format' }).click();
    await page.getByRole('heading', { name: 'The case pack format, version 2' }).waitFor();
    await browser.context.setOffline(true);
    await server.stop();
    const offline = await page.reload();
    assert.equal(offline.fromServiceWorker(), true);
    await page.getByRole('heading', { name: 'The case pack format, version 2' }).waitFor();
    assert.ok(await page.locator('table').count() > 0, 'its tables are tables');
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('viewing an edited version of a case rewrites nothing: the original, opened again, has every answer and stage', async () => {
  const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'casebook-edited-'));
  const original = readFileSync(SYNTHETIC, 'utf8');
  // The same case (same id), edited: a finding and a stage renamed.
  const edited = original.replaceAll('"test-one-positive"', '"test-one-pos"')
    .replace('id = "admission"\ntitle = "Admission"', 'id = "arrival"\ntitle = "Admission"');
  assert.notEqual(edited, original);
  const editedFile = join(dir, 'edited.casepack.md');
  writeFileSync(editedFile, edited);
  const ANSWERS = 'casebook.v1.differential.synthetic-days';
  const STUDY = 'casebook.v1.study.synthetic-days';
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  await clearStorage(page);
  await page.reload();
  await waitForHydration(page);
  await openPack(page, SYNTHETIC);
  await view(page, '/differential');
  await page.locator('#finding-test-one-positive').getByText('Yes', { exact: true }).click();
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('test-one-positive:y'), ANSWERS);
  await view(page, '/study');
  const stage = page.locator('.stage').first();
  await stage.locator('.add-diagnoses .chip').first().click();
  await stage.getByRole('button', { name: 'Commit and compare' }).click();
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) || '{}').attempts?.length === 1, STUDY);
  const stored = async () => page.evaluate((keys) => keys.map((k) => localStorage.getItem(k)), [ANSWERS, STUDY]);
  const before = await stored();

  // The edited version, viewed only: each view says what it cannot read, and the values
  // stay exactly as stored.
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  await openPack(page, editedFile);
  await view(page, '/differential');
  await page.getByText(/could not be read/).first().waitFor();
  await view(page, '/study');
  await page.getByText(/could not be read/).first().waitFor();
  assert.deepEqual(await stored(), before, 'viewing rewrote nothing');

  // The original again: the answer and the committed stage are there, with no notice.
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  await openPack(page, SYNTHETIC);
  await view(page, '/differential');
  await page.locator('#finding-test-one-positive input[value="yes"]:checked').waitFor();
  await view(page, '/study');
  await page.locator('.stage .stage-feedback').first().waitFor();
  assert.equal(await page.getByText(/could not be read/).count(), 0);
  assert.deepEqual(await stored(), before);
  await clearStorage(page);
  await page.close();
});
