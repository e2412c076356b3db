// Study questions at tablet size: the prerendered page lists them; a choice is judged
// with the right answer named, its reason and source; a short answer is compared by the
// student; topics filter; shuffling keeps every question.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession, waitForHydration } from './browser.mjs';

const session = sharedSession({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });

test('questions are answered with their reason and source, by topic or shuffled', async () => {
  const html = await (await fetch(`${session.server.url}/study`)).text();
  assert.match(html, /When did this patient&#x27;s respiratory symptoms begin\?|When did this patient's respiratory symptoms begin\?/);
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/study`);
  await waitForHydration(page);
  const total = await page.locator('.question').count();
  assert.ok(total >= 8);
  // A wrong choice, by touch: the best answer is named, with the reason and the source.
  const onset = page.locator('#question-q-onset');
  await onset.getByText('During the first infusion').tap();
  const feedback = onset.locator('.feedback');
  await feedback.waitFor();
  assert.match(await feedback.textContent(), /Not this one\. The best answer is: At the end of the second infusion/);
  assert.match(await feedback.locator('blockquote').textContent(), /24 h after the start of the first infusion/);
  // The right choice, by keyboard.
  await onset.getByLabel(/At the end of the second infusion/).focus();
  await page.keyboard.press('Space');
  await onset.getByText(/^Correct:/).waitFor();
  // A short answer is revealed on request.
  const short = page.locator('.question', { has: page.locator('textarea') }).first();
  if (await short.count()) {
    await short.locator('textarea').fill('my attempt');
    await short.getByRole('button', { name: 'Show the answer' }).tap();
    await short.locator('.feedback').waitFor();
  }
  // Topic filter, then shuffle: every question is kept.
  await page.getByLabel('Topic').selectOption('diagnosis');
  await page.waitForFunction((n) => document.querySelectorAll('.question').length < n, total);
  await page.getByLabel('Topic').selectOption('');
  await page.getByRole('button', { name: 'Shuffle' }).tap();
  await page.getByRole('button', { name: "Back to the case's order" }).waitFor();
  assert.equal(await page.locator('.question').count(), total);
  await page.close();
});
