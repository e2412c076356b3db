// The reader: the whole article in the prerendered HTML, a source link from the timeline
// landing on its highlighted sentence with a way back, citations and glossary by touch
// and keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession, waitForHydration } from './browser.mjs';

const session = sharedSession({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });

test('the prerendered reader holds the whole article, its anchors and glossary', async () => {
  const html = await (await fetch(`${session.server.url}/reader`)).text();
  assert.match(html, /Four hours later she started coughing up bright red blood tinged sputum without clots\./);
  assert.match(html, /The clinician should consider the possibility of diffuse pulmonary haemorrhage/);
  assert.match(html, /Fig\. 1 Computed tomography of the chest taken 11 h after onset of hemoptysis/);
  assert.ok((html.match(/<span id="q-[0-9a-f]{8}" class="quote-anchor">/g) || []).length > 40, 'quote anchors are in the HTML');
  assert.match(html, /<h2 id="glossary">Glossary<\/h2>/);
  assert.doesNotMatch(html, /<script>|onerror=|javascript:/i);
});

test('a source link from the timeline lands on its sentence, highlighted, with a way back', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/timeline/haemoptysis`);
  await waitForHydration(page);
  await page.locator('.event-details a.in-paper').click();
  await page.waitForURL(/\/reader\/?#q-[0-9a-f]{8}$/);
  await waitForHydration(page);
  const mark = page.locator('mark.source-highlight');
  await mark.waitFor();
  assert.equal(await mark.textContent(), 'Four hours later she started coughing up bright red blood tinged sputum without clots.');
  // It is on screen, below the sticky header and section bar.
  const box = await mark.boundingBox();
  const headerBottom = await page.evaluate(() => document.querySelector('.reader-nav').getBoundingClientRect().bottom);
  assert.ok(box.y >= headerBottom - 1 && box.y + box.height <= 1024, `mark at ${box.y}, header ends at ${headerBottom}`);
  await page.getByRole('button', { name: /Back/ }).click();
  await page.waitForURL(/\/timeline\/haemoptysis\/?$/);
  await page.close();
});

test('citations and glossary terms open by touch and by keyboard', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/reader`);
  await waitForHydration(page);
  // Touch: the citation [9, 10] shows both references.
  await page.getByRole('button', { name: 'References [9, 10]' }).first().tap();
  const panel = page.locator('.popover');
  await panel.waitFor();
  assert.match(await panel.textContent(), /Reference 9/);
  assert.match(await panel.textContent(), /Reference 10/);
  await panel.getByRole('button', { name: 'Close' }).tap();
  await panel.waitFor({ state: 'detached' });
  // Keyboard: Tab onto a term shows its definition; the glossary lists every term.
  const term = page.locator('.term').first();
  await term.focus();
  // After a tap, focus put by script is not keyboard focus: step off and Tab back on.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await panel.waitFor();
  assert.match(await panel.textContent(), /In the glossary/);
  assert.ok(await page.locator('.glossary > div').count() >= 10);
  await page.close();
});

test('opening a term or a citation keeps the focus on it, and Tab walks on through the paper', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/reader`);
  await waitForHydration(page);
  // Focus opens the panel without rebuilding the paragraph under the focused button.
  for (const index of [0, 5]) {
    const kept = await page.evaluate(async (n) => {
      const button = document.querySelectorAll('.reader-text :is(button.term, button.cite)')[n];
      button.focus();
      await new Promise((resolve) => setTimeout(resolve, 250));
      return button.isConnected && document.activeElement === button && !!document.querySelector('.popover');
    }, index);
    assert.ok(kept, `button ${index} keeps the focus with its panel open`);
  }
  // Tab from the top: focus never falls back to the page, and it gets past the abstract.
  await page.goto(`${session.server.url}/reader`);
  await waitForHydration(page);
  const seen = new Set();
  for (let step = 0; step < 60; step += 1) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const e = document.activeElement;
      return e === document.body ? 'body' : `${e.tagName}:${e.textContent.trim().slice(0, 30)}:${[...document.querySelectorAll('*')].indexOf(e)}`;
    });
    assert.notEqual(where, 'body', `Tab ${step + 1} left the focus nowhere`);
    seen.add(where);
  }
  assert.ok(seen.size >= 50, `Tab moves on (${seen.size} distinct stops in 60)`);
  await page.close();
});

test('the report against the CARE checklist: each item with its sentences, linked to the paper, or "not in the text we have"', async () => {
  const html = await (await fetch(`${session.server.url}/reader`)).text();
  assert.match(html, /The report against its reporting checklist/);
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/reader`);
  await waitForHydration(page);
  const items = page.locator('.reporting-item');
  assert.equal(await items.count(), 13);
  // Consent and keywords are not in the text we have; the title addresses item 1.
  assert.match(await items.nth(12).textContent(), /Informed consent[\s\S]*Not in the text we have/);
  assert.match(await items.nth(1).textContent(), /Keywords[\s\S]*Not in the text we have/);
  assert.match(await items.nth(0).textContent(), /Addressed by the title/);
  // A sentence leads to its place in the paper, highlighted.
  const link = items.nth(5).locator('.reporting-sentences a').first();
  const href = await link.getAttribute('href');
  assert.match(href, /^#q-[0-9a-f]{8}$/);
  await link.click();
  await page.locator('mark.source-highlight').first().waitFor();
  await page.close();
});

test('glossary terms open their definitions in the timeline, the comparison and the checklist too', async () => {
  const page = await session.browser.context.newPage();
  for (const [route, scope] of [['/timeline', '.event-list'], ['/compare', '.compare-table'], ['/differential', '.findings']]) {
    await page.goto(`${session.server.url}${route}`);
    await waitForHydration(page);
    const term = page.locator(`${scope} button.term`).first();
    await term.scrollIntoViewIfNeeded();
    await term.click();
    assert.equal(await term.getAttribute('aria-expanded'), 'true', route);
    const popover = page.locator(`${scope} .term-popover`).first();
    await popover.waitFor();
    assert.match(await popover.locator('a').getAttribute('href'), /^\/reader#term-/, route);
  }
  await page.close();
});
