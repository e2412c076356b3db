// The comparison view at tablet sizes: the prerendered table, the chart's text
// equivalent, choosing and ordering rows, the contrast, and the CSV download with sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, sharedServer, waitForHydration } from './browser.mjs';

const server = sharedServer();

/** A small RFC 4180 parser, so the test reads the CSV as a spreadsheet would. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test('the prerendered page already holds the table, the chart and the statistics', async () => {
  const html = await (await fetch(`${server.url}/compare`)).text();
  assert.match(html, /<table[^>]* class="compare-table"/);
  assert.match(html, /14\/17 = 82% died/);
  assert.match(html, /p = 0\.002127/);
  assert.match(html, /No denominator/);
  // No empty cell: every td holds text.
  assert.doesNotMatch(html, /<td[^>]*>\s*<\/td>/);
});

for (const viewport of [{ width: 768, height: 1024 }, { width: 1024, height: 768 }]) {
  test(`compare at ${viewport.width}×${viewport.height}: chart text, rows, order, contrast`, async () => {
    const browser = await launch({ viewport, serviceWorkers: 'block' });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/compare`);
      await waitForHydration(page);
      // Each bar has its sentence as its accessible name.
      const bar = page.getByRole('img', { name: /VigiBase: transplantation or haematological malignancy: 14 of 17 died/ });
      assert.equal(await bar.count(), 1);
      assert.match(await bar.getAttribute('aria-label'), /95% CI 59% to 94%/);
      // On a tablet the table is laid out one field at a time: nothing scrolls sideways,
      // each value is labelled with its case, and it is still a table to screen readers.
      const fit = await page.evaluate(() => {
        const scroller = document.querySelector('.compare-scroll');
        const cell = document.querySelector('.compare-table tbody td');
        return {
          page: document.documentElement.scrollWidth <= innerWidth,
          table: scroller.scrollWidth <= scroller.clientWidth + 1,
          label: getComputedStyle(cell.querySelector('.cell-case')).display !== 'none',
        };
      });
      assert.deepEqual(fit, { page: true, table: true, label: true });
      assert.ok(await page.getByRole('table').first().isVisible());
      assert.ok(await page.getByRole('columnheader', { name: /^Tahir/ }).isVisible());
      // A value that differs from this case says so in words, not only by colour.
      assert.ok(await page.locator('.compare-table .cell-differs').count() > 0);
      // Tahir's row says it is probably the Alport row's death, and has no bar of its own;
      // nor have the Alport cases, who may be among the VigiBase reports (not reported).
      assert.match(await page.locator('#row-tahir').textContent(), /not charted/);
      assert.equal(await page.getByRole('img', { name: /^Tahir/ }).count(), 0);
      assert.match(await page.locator('#row-alport-transplant').textContent(), /not charted, so no death is counted twice/);
      assert.equal(await page.getByRole('img', { name: /^Alport/ }).count(), 0);
      // Under the chart: which rows are not charted, each with why.
      const uncharted = await page.locator('.not-charted').textContent();
      assert.match(uncharted, /Alport kidney-transplant cases \(refs 9, 10\): Whether these two patients/);
      assert.match(uncharted, /Lapointe et al\. 2018[^:]*: its deaths and n are not both given/);
      // Hide a row by touch.
      const columns = () => page.locator('.compare-table thead th').count();
      const before = await columns();
      await page.locator('.row-picker label', { hasText: 'Tahir' }).tap();
      await page.waitForFunction((n) => document.querySelectorAll('.compare-table thead th').length === n - 1, before);
      assert.equal(await page.locator('#row-tahir').count(), 0);
      // Order by mortality: VigiBase 14/17 (82%) leads.
      await page.getByLabel('Order').selectOption('mortality');
      await page.waitForFunction(() => document.querySelector('.compare-table thead th:nth-child(2)').id === 'row-vigibase-other');
      // The contrast with the Alport cases shows the dose difference from the rows.
      await page.getByLabel(/Set beside this case/).selectOption('alport-transplant');
      const contrast = page.locator('.contrast-table');
      await contrast.getByText('30 mg once', { exact: false }).waitFor();
      assert.match(await contrast.textContent(), /12 mg\/day, by infusion, on two consecutive days/);
      await page.close();
    } finally {
      await browser.close();
    }
  });
}

test('the CSV download holds every shown row and field with its source', async () => {
  const browser = await launch({ serviceWorkers: 'block' });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/compare`);
    await waitForHydration(page);
    const rowsShown = await page.locator('.compare-table thead th').count() - 1;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download as CSV/ }).tap(),
    ]);
    assert.match(download.suggestedFilename(), /comparison\.csv$/);
    const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(rows[0], ['case', 'group', 'field', 'value', 'status', 'source', 'source id', 'quote']);
    const body = rows.slice(1);
    assert.equal(body.length, rowsShown * 13, 'one line per row and field (the indication, n and the eleven fields the pack declares)');
    for (const line of body) {
      assert.equal(line.length, 8);
      if (line[3] !== 'not reported' && line[3] !== 'not in the part read') assert.ok(line[7].length > 0, `${line[0]} / ${line[2]} has its quote`);
    }
    const cases = new Set(body.map((line) => line[0]));
    assert.equal(cases.size, rowsShown);
    assert.ok(body.some((line) => line[0] === 'VigiBase: MS' && line[2] === 'Outcome' && line[3] === 'All recovered' && line[4] === 'seed'));
    await page.close();
  } finally {
    await browser.close();
  }
});

test('the chosen rows and order are in the address: a link shows the same comparison, a bad one says what it lacks', async () => {
  const browser = await launch({ serviceWorkers: 'block' });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/compare?hide=tahir&order=mortality`);
    await waitForHydration(page);
    await page.waitForFunction(() => !document.querySelector('#row-tahir'));
    assert.equal(await page.getByLabel('Order').inputValue(), 'mortality');
    // A change is kept in the address, ready to share.
    await page.locator('.row-picker label', { hasText: 'Tahir' }).tap();
    await page.locator('#row-tahir').waitFor();
    await page.getByLabel('Order').selectOption('pack');
    await page.waitForFunction(() => location.search === '');
    await page.locator('.row-picker label', { hasText: 'Bayas' }).tap();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('hide') === 'bayas-2020');
    // A link naming what this case lacks: said, the rest applied.
    await page.goto(`${server.url}/compare?hide=tahir,nobody&order=sideways`);
    await waitForHydration(page);
    await page.getByText(/names a row this case does not have \(“nobody”\)/).waitFor();
    await page.getByText(/an order the comparison does not have/).waitFor();
    assert.equal(await page.locator('#row-tahir').count(), 0);
    await page.close();
  } finally {
    await browser.close();
  }
});

test('the chart as a table fits a tablet: its numbers are on screen without scrolling sideways', async () => {
  for (const viewport of [{ width: 768, height: 1024 }, { width: 1024, height: 768 }]) {
    const browser = await launch({ viewport, serviceWorkers: 'block' });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/compare`);
      await waitForHydration(page);
      await page.locator('.chart-table > summary').tap();
      const [scroll, client] = await page.locator('.chart-table .table-scroll').evaluate((e) => [e.scrollWidth, e.clientWidth]);
      assert.ok(scroll <= client + 1, `${viewport.width}: the table is ${scroll} px in a ${client} px frame`);
      await page.close();
    } finally {
      await browser.close();
    }
  }
});
