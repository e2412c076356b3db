// The differential checklist as a user works it on a tablet: by touch and keyboard, the
// published case as a worked example, state kept across reloads and shared by link,
// step-through, and a one-page printed summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, sharedSession, waitForHydration, ROOT, keptAside } from './browser.mjs';

const session = sharedSession({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });

async function open(context = session.browser.context, query = '') {
  const page = await context.newPage();
  await page.goto(`${session.server.url}/differential${query}`);
  await waitForHydration(page);
  return page;
}

const standing = (page, id) => page.locator(`#dx-${id}`).getAttribute('data-standing');

async function standings(page) {
  return page.evaluate(() => [...document.querySelectorAll('.dx')].map((li) => [li.id.slice(3), li.dataset.standing]));
}

test('the published case reproduces the authors\' conclusions', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Load the published case' }).tap();
  await page.locator('#dx-dah[data-standing="supported"]').waitFor();
  assert.equal(await standing(page, 'dah'), 'supported');
  assert.equal(await standing(page, 'pulmonary-oedema'), 'less-likely');
  // "No evidence of" weighs against, it does not rule out; nor does one negative test:
  // the authors exclude anti-GBM disease in their patient on two grounds together, and
  // each weighs against it.
  assert.equal(await standing(page, 'infection'), 'less-likely');
  assert.equal(await standing(page, 'pulmonary-embolism'), 'less-likely');
  assert.equal(await standing(page, 'anti-gbm'), 'less-likely');
  assert.equal(await page.locator('.dx[data-standing="ruled-out"]').count(), 0);
  assert.equal(await standing(page, 'anca-vasculitis'), 'less-likely');
  assert.equal(await standing(page, 'crs'), 'less-likely');
  assert.equal(await standing(page, 'pleuritis'), 'supported');
  assert.equal((await standings(page))[0][0], 'dah', 'DAH leads');
  // The whole ranking: within a standing, by answers for minus answers against, then the
  // pack's order; each card says its count.
  assert.deepEqual(await standings(page), [
    ['dah', 'supported'], ['pleuritis', 'supported'], ['coagulopathy', 'possible'], ['alveolar-damage', 'possible'],
    ['infection', 'less-likely'], ['pulmonary-embolism', 'less-likely'], ['anca-vasculitis', 'less-likely'],
    ['crs', 'less-likely'], ['anti-gbm', 'less-likely'], ['pulmonary-oedema', 'less-likely'],
  ]);
  assert.match(await page.locator('#dx-pulmonary-oedema .dx-tally').textContent(), /1 answer supports it, 5 weigh against it/);
  assert.match(await page.locator('#dx-infection .dx-tally').textContent(), /1 answer weighs against it and none supports it/);
  // Each reason links to its finding and carries its source.
  const reason = page.locator('#dx-infection .reason').first();
  assert.match(await reason.textContent(), /weighs against: Pathogens found in the BAL fluid\? no\./);
  assert.match(await reason.locator('blockquote').textContent(), /no evidence of pathogenic bacteria, viruses/);
  await page.close();
});

test('answering by touch and by keyboard re-ranks the diagnoses', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Reset' }).tap();
  // Touch: tap the "Yes" of haemoptysis. The page does not move under the finger and
  // the answer keeps the focus (the findings are not rebuilt when the effect box shows).
  await page.locator('#finding-haemoptysis').scrollIntoViewIfNeeded();
  const before = await page.locator('#finding-haemoptysis').evaluate((e) => e.getBoundingClientRect().top);
  await page.locator('#finding-haemoptysis').getByText('Yes', { exact: true }).tap();
  await page.locator('#dx-dah[data-standing="supported"]').waitFor();
  await page.locator('.answer-effect').waitFor();
  const after = await page.locator('#finding-haemoptysis').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(Math.abs(after - before) < 2, `the finding stays where it was tapped (${before} → ${after})`);
  assert.ok(await page.evaluate(() => document.activeElement?.closest('#finding-haemoptysis') !== null), 'the focus stays on the answer');
  // What the answer changed is said where the user is, with the leaders, even in
  // portrait where the diagnoses are far above the findings.
  const effect = page.locator('.answer-effect');
  await effect.getByText(/possible → supported/).waitFor();
  assert.ok(await effect.evaluate((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'in view');
  assert.match(await effect.textContent(), /Leading now: .+\((supported|possible)\)/);
  assert.match(await effect.textContent(), /^“Haemoptysis\?[^”]*” yes: /, 'it names the answer it reports on');
  // An answer that moves nothing says so: the last one's effect is not left in view.
  const fever = page.locator('.finding', { has: page.locator('legend', { hasText: /fever/i }) }).first();
  await fever.getByText('No', { exact: true }).tap();
  await effect.getByText(/no diagnosis changed|→/).waitFor();
  assert.match(await effect.textContent(), /fever/i);
  // Keyboard: focus "No" of the CTPA finding and select it with the space bar.
  const no = page.locator('#finding-embolus-on-ctpa input[value="no"]');
  await no.focus();
  await page.keyboard.press('Space');
  await page.locator('#dx-pulmonary-embolism[data-standing="less-likely"]').waitFor();
  assert.equal(await no.isChecked(), true);
  // Clear an answer.
  await page.getByRole('button', { name: /Clear the answer to: Haemoptysis/ }).click();
  await page.locator('#dx-dah[data-standing="possible"]').waitFor();
  // "What would settle it" says what each answer would do, so a no cannot read as support.
  for (const line of await page.locator('.next-questions .shifts li').allTextContents()) {
    assert.match(line, /now [a-z ]+: if yes, it (becomes|stays) [a-z ]+; if no, it (becomes|stays) [a-z ]+\.$/);
  }
  // "What would settle it" links to an unanswered finding.
  const suggestion = page.locator('.next-questions ol > li > a').first();
  const target = await suggestion.getAttribute('href');
  await suggestion.click();
  assert.equal(await page.evaluate(() => location.hash), target);
  await page.close();
});

test('answers and ticks survive a reload', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.locator('#finding-fever').getByText('No', { exact: true }).click();
  await page.getByLabel('Cessation of the suspected drug').check();
  await page.reload();
  await waitForHydration(page);
  await page.locator('#finding-fever input[value="no"]:checked').waitFor();
  assert.equal(await page.getByLabel('Cessation of the suspected drug').isChecked(), true);
  await page.close();
});

test('the shared link reproduces the state in a fresh browser', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Load the published case' }).click();
  await page.getByLabel('Urinalysis and serum creatinine').check();
  await page.locator('#dx-dah[data-standing="supported"]').waitFor();
  const link = await page.getByLabel('Link to this state').inputValue();
  const expected = await standings(page);
  await page.close();
  const fresh = await launch({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
  try {
    const other = await fresh.context.newPage();
    await other.goto(link);
    await waitForHydration(other);
    await other.locator('#dx-dah[data-standing="supported"]').waitFor();
    assert.deepEqual(await standings(other), expected);
    assert.equal(await other.getByLabel('Urinalysis and serum creatinine').isChecked(), true);
  } finally {
    await fresh.close();
  }
});

test('a damaged link is reported, not guessed at', async () => {
  const page = await open(session.browser.context, '?a=haemoptysis:y,no-such:y,fever:maybe');
  await page.getByRole('status').filter({ hasText: 'were not understood' }).waitFor();
  await page.locator('#dx-dah[data-standing="supported"]').waitFor();
  await page.close();
  // A finding answered twice, differently: neither answer is taken, and it is said.
  const twice = await open(session.browser.context, '?a=bal-bloody:n,haemoptysis:y,bal-bloody:y');
  await twice.getByRole('status').filter({ hasText: 'answered twice, differently' }).waitFor();
  assert.equal(await twice.locator('#finding-bal-bloody input:checked').count(), 0);
  await twice.close();
  // A link of a newer format is not read at all.
  const newer = await open(session.browser.context, '?v=2&a=fever:y');
  await newer.getByText(/could not be read \(it was made by a newer version of Casebook/).waitFor();
  assert.equal(await newer.locator('#finding-fever input[value="yes"]:checked').count(), 0, 'the link\'s answer is not shown');
  await newer.close();
});

test('a damaged saved state is kept aside, not overwritten, and the rest is restored', async () => {
  const page = await open();
  const key = 'casebook.v1.differential.alemtuzumab-dah';
  const damaged = 'a=haemoptysis:y,<script>:y,fever:maybe&t=nonsense';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, damaged]);
  await page.reload();
  await waitForHydration(page);
  await page.getByRole('status').filter({ hasText: 'kept aside' }).waitFor();
  await page.locator('#dx-dah[data-standing="supported"]').waitFor();
  assert.deepEqual(await keptAside(page, key), [damaged]);
  assert.equal(await page.locator('#crash').isHidden(), true);
  await page.close();
});

test('step-through adds the case\'s findings in the order they became known', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Step through the case' }).click();
  const heading = page.locator('#stepper-heading');
  await heading.waitFor();
  assert.match(await heading.textContent(), /step 1 of \d+/);
  assert.equal(await page.locator('.finding.answered').count(), 1);
  // Each step shows the authors' sentence that gives its answer, open.
  const quote = page.locator('.stepper blockquote');
  assert.ok(await quote.isVisible(), 'the step shows its sentence');
  assert.ok((await quote.textContent()).trim().length > 20);
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.waitForFunction(() => /step 2 of/.test(document.querySelector('#stepper-heading').textContent));
  assert.equal(await page.locator('.finding.answered').count(), 2);
  assert.match(await page.locator('.stepper-when a').getAttribute('href'), /^\/timeline\//);
  await page.getByRole('button', { name: 'End step-through' }).click();
  await heading.waitFor({ state: 'detached' });
  await page.close();
});

test('print shows the summary with its sources on one page', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Load the published case' }).click();
  await page.locator('#dx-dah[data-standing="supported"]').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.findings').isVisible(), false, 'the long findings list is not printed');
  assert.equal(await page.locator('.printed-answers').isVisible(), true);
  assert.equal(await page.locator('.dx-list blockquote').first().isVisible(), true, 'sources are printed');
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, `the summary fits on one page (got ${pages})`);
  await page.close();
});

test('axe-core: no violations with the case loaded and the stepper open', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Step through the case' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes[0].target.join(' ')}`), []);
  await page.close();
});
