// Study mode at tablet size. The staged reveal worked through to the end (by touch and
// keyboard), a question answered, two flashcards reviewed; reload and offline keep it all;
// export, reset, import; damaged stored progress is kept aside.
// Study questions at tablet size: the prerendered page lists them; a choice is judged
// with the right answer named, its reason and source; a short answer is compared by the
// student; topics filter; shuffling keeps every question.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, sharedSession, waitForHydration, watchConsole, ROOT, visitUntilControlled, keptAside } from './browser.mjs';

const KEY = 'casebook.v1.study.alemtuzumab-dah';

const session = sharedSession({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });

test('questions are answered with their reason and source, by topic or shuffled', async () => {
  const html = await (await fetch(`${session.server.url}/study`)).text();
  assert.match(html, /When did this patient&#x27;s respiratory symptoms begin\?|When did this patient's respiratory symptoms begin\?/);
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/study`);
  await waitForHydration(page);
  // The questions name the diagnosis: closed until the case is worked, opened on request.
  assert.equal(await page.locator('.questions-gate').evaluate((d) => d.open), false);
  await page.locator('.questions-gate > summary').tap();
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


/** Commits the current stage's ranking and waits for its feedback. */
async function commit(page, stageId) {
  const stage = page.locator(`#stage-${stageId}`);
  await stage.getByRole('button', { name: 'Commit and compare' }).tap();
  await stage.locator('.stage-feedback[open]').waitFor();
  return stage;
}

test('the case stage by stage, a question, two flashcards; kept over reload and offline', async () => {
  const server = await serve();
  const browser = await launch({ viewport: { width: 768, height: 1024 } });
  const files = mkdtempSync(join(tmpdir(), 'casebook-study-'));
  try {
    const page = await browser.context.newPage();
    const messages = watchConsole(page);
    await visitUntilControlled(page, `${server.url}/study`);

    // Stage 1: the presenting complaint; nothing in the page names the diagnosis yet (the
    // choices are A to Z, the report's title is left out); an empty ranking cannot be
    // committed; rank by touch, reorder, name a test.
    const first = page.locator('#stage-symptoms');
    assert.match(await first.locator('h3').textContent(), /Stage 1 of 11: The presenting complaint/);
    assert.match(await first.locator('.stage-facts').textContent(), /cough/i);
    assert.doesNotMatch(await first.locator('.stage-facts').textContent(), /resolved|recovered|discharge/i, 'the complaint does not tell how it ended');
    assert.equal(await page.locator('.stage').count(), 1, 'later stages are not revealed yet');
    const choices = await first.locator('.add-diagnoses .chip').allTextContents();
    assert.deepEqual(choices, [...choices].sort((a, b) => a.localeCompare(b)), 'the choices are in A to Z order');
    assert.doesNotMatch(await page.locator('footer').textContent(), /haemorrhage|hemorrhage/i);
    assert.ok(await first.getByRole('button', { name: 'Commit and compare' }).isDisabled());
    await first.getByRole('button', { name: /Anti-GBM disease/ }).tap();
    await first.getByRole('button', { name: /Drug-induced diffuse alveolar haemorrhage/ }).tap();
    await first.getByRole('button', { name: 'Up: Drug-induced diffuse alveolar haemorrhage' }).tap();
    assert.deepEqual(
      await first.locator('.my-ranking-item').evaluateAll((items) => items.map((i) => i.dataset.diagnosis)),
      ['dah', 'anti-gbm'],
    );
    await first.getByLabel('The test you would order next (optional)').selectOption('ct-angiography');
    await commit(page, 'symptoms');
    assert.match(await first.locator('.stage-feedback > summary').textContent(), /You agree with the checklist on \d+ of the \d+ diagnoses|nothing is scored at this stage/);
    assert.match(await first.locator('.next-test-message').textContent(), /You would order CT chest with CT pulmonary angiography; next in the case report: ECG\./);

    // The following stages, revealed by keyboard: focus lands on the new stage's heading.
    const stageIds = ['history', 'premedication', 'day-1', 'second-infusion', 'examination',
      'blood-tests', 'imaging', 'bronchoscopy', 'course', 'follow-up'];
    for (const id of stageIds) {
      const reveal = page.getByRole('button', { name: /^Reveal stage/ });
      await reveal.focus();
      await page.keyboard.press('Enter');
      await page.locator(`#stage-${id}`).waitFor();
      await page.waitForFunction((h) => document.activeElement?.id === h, `stage-${id}-heading`);
      // The ranking starts from the previous stage's.
      assert.deepEqual(
        await page.locator(`#stage-${id} .my-ranking-item`).evaluateAll((items) => items.map((i) => i.dataset.diagnosis)),
        ['dah', 'anti-gbm'],
      );
      if (id === 'blood-tests') {
        await page.locator('#stage-blood-tests').getByLabel('The test you would order next (optional)').selectOption('ct-angiography');
      }
      const stage = await commit(page, id);
      if (id === 'blood-tests') {
        const feedback = stage.locator('.stage-feedback');
        assert.match(await feedback.locator(':scope > summary').textContent(), /You agree with the checklist on \d+ of the \d+ diagnoses the facts so far decide/);
        const antiGbm = feedback.locator('.verdict-item[data-diagnosis="anti-gbm"]');
        assert.match(await antiGbm.textContent(), /Differs/);
        assert.match(await antiGbm.textContent(), /more facts so far weigh against it than support it/);
        assert.ok(await antiGbm.locator('.reason blockquote').count() >= 1, 'the sentences against it are quoted');
        assert.match(await feedback.locator('.verdict-item[data-diagnosis="dah"]').textContent(), /Agrees/);
        assert.match(await feedback.locator('.next-test-message').textContent(), /as the case report does next/);
        assert.match(await feedback.locator('.next-test').textContent(), /bilateral centrilobular opacities/);
      }
    }
    await page.getByText('You have worked through the whole case.').waitFor();
    assert.equal(await page.locator('.stage').count(), 11);

    // A question.
    const onset = page.locator('#question-q-onset');
    await onset.getByText('At the end of the second infusion').tap();
    await onset.getByText(/^Correct:/).waitFor();

    // Two flashcards: one recalled perfectly, one forgotten (it comes back today).
    const cards = page.locator('#flashcards');
    const summary = async () => cards.locator('.due-summary').textContent();
    assert.match(await summary(), /Today: 0 due for review, 20 new\./);
    const firstCard = await cards.locator('.flashcard').getAttribute('data-card');
    await cards.getByRole('button', { name: 'Show the answer' }).tap();
    assert.ok(await cards.locator('.flashcard-back blockquote').count() >= 1, 'the back shows the quote');
    await cards.getByRole('button', { name: /^5 Perfect/ }).tap();
    await page.waitForFunction((id) => document.querySelector('.flashcard')?.dataset.card !== id, firstCard);
    const secondCard = await cards.locator('.flashcard').getAttribute('data-card');
    await cards.getByRole('button', { name: 'Show the answer' }).focus();
    await page.keyboard.press('Enter');
    await cards.getByRole('button', { name: /^1 Wrong/ }).tap();
    await page.waitForFunction(() => /1 due for review, 18 new/.test(document.querySelector('.due-summary')?.textContent));
    const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
    assert.equal(saved.kind, 'casebook-study');
    assert.equal(saved.cards[firstCard].interval, 1);
    assert.equal(saved.cards[secondCard].again_today, true);
    assert.equal(saved.attempts.length, 11);

    // Reload, then offline with the server stopped: all kept, and study goes on.
    const check = async () => {
      await waitForHydration(page);
      await page.getByText('You have worked through the whole case.').waitFor();
      await page.waitForFunction(() => /1 due for review, 18 new/.test(document.querySelector('.due-summary')?.textContent));
      assert.match(await page.locator('#question-q-onset .feedback').textContent(), /Correct/);
      assert.match(await page.locator('#stage-blood-tests .verdict-item[data-diagnosis="anti-gbm"]').textContent(), /Differs/);
    };
    await page.reload();
    await check();
    await browser.context.setOffline(true);
    await server.stop();
    const offline = await page.reload();
    assert.equal(offline.fromServiceWorker(), true);
    await check();
    await cards.getByRole('button', { name: 'Show the answer' }).tap();
    await cards.getByRole('button', { name: /^4 Correct after a hesitation/ }).tap();
    await page.waitForFunction(() => /0 due for review, 18 new/.test(document.querySelector('.due-summary')?.textContent));
    // The overview shows today's cards.
    await page.goto(`${server.url}/`);
    await waitForHydration(page);
    assert.match(await page.locator('.due-cards').textContent(), /Flashcards today: 0 due for review, 18 new\./);
    await page.goto(`${server.url}/study`);
    await waitForHydration(page);

    // Export (progress with the notes), reset, import: everything back.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save progress and notes to a file' }).click(),
    ]);
    const exported = join(files, 'progress.json');
    await download.saveAs(exported);
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    assert.equal(file.kind, 'casebook-notes');
    assert.equal(file.format, 2);
    assert.equal(file.study.attempts.length, 11);
    await page.getByRole('button', { name: 'Reset study progress' }).tap();
    await page.getByRole('button', { name: 'Yes, forget my study progress' }).tap();
    await page.getByText(/was reset/).waitFor();
    assert.equal(await page.locator('.stage').count(), 1);
    assert.match(await page.locator('.due-summary').textContent(), /0 due for review, 20 new/);
    await page.locator('.study-progress input[type=file]').setInputFiles(exported);
    await page.getByText(/Imported: study progress merged with yours/).waitFor();
    await page.waitForFunction(() => /0 due for review, 18 new/.test(document.querySelector('.due-summary')?.textContent));
    // A damaged file changes nothing.
    const broken = join(files, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...file, study: { ...file.study, attempts: [{ stage: 'nowhere', ranking: [] }] } }));
    await page.locator('.study-progress input[type=file]').setInputFiles(broken);
    await page.getByText(/was not imported, and nothing changed: The case has no stage "nowhere"/).waitFor();
    // Starting the case again asks first (the question where the asking button was, so
    // a second tap forgets nothing), only "Yes" forgets, and the stages can be put back.
    const committed = async () => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)).attempts.length;
    assert.equal(await committed(), 11);
    const ask = page.getByRole('button', { name: 'Start the case again…' });
    await ask.scrollIntoViewIfNeeded();
    const askBox = await ask.boundingBox();
    await ask.tap();
    await page.getByText(/Start the case again\? This forgets your rankings and next tests for 11 stages/).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'restart-keep');
    // A second tap where the asking button was lands on the question, not on "Yes".
    await page.touchscreen.tap(askBox.x + 10, askBox.y + askBox.height / 2);
    await page.waitForTimeout(200);
    assert.equal(await committed(), 11, 'a second tap does not forget');
    await page.getByRole('button', { name: 'Keep my stages' }).tap();
    await page.getByRole('button', { name: 'Start the case again…' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'restart-ask');
    await page.getByRole('button', { name: 'Start the case again…' }).tap();
    await page.getByRole('button', { name: 'Yes, forget my stages and start again' }).tap();
    await page.waitForFunction(() => document.querySelectorAll('.stage').length === 1);
    assert.equal(await committed(), 0);
    // The focus is back at the first stage, with the way back beside it.
    await page.waitForFunction(() => document.activeElement?.id === 'stage-symptoms-heading');
    await page.getByText('Your 11 stages were forgotten; the case starts again below.').waitFor();
    await page.getByRole('button', { name: 'Put them back' }).tap();
    await page.waitForFunction(async (key) => JSON.parse(localStorage.getItem(key)).attempts.length === 11, KEY);
    await page.getByText('You have worked through the whole case.').waitFor();
    assert.deepEqual(messages, []);
    await page.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('damaged stored progress is kept aside and offered for download; the page still works', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.url}/study`);
  await waitForHydration(page);
  await page.evaluate((k) => localStorage.setItem(k, '{"kind":"casebook-study","format":1,"pack":"alemtuzumab-dah","cards":{"x":'), KEY);
  await page.reload();
  await waitForHydration(page);
  await page.getByText(/Your saved study progress could not be read/).waitFor();
  assert.deepEqual(
    await keptAside(page, KEY),
    ['{"kind":"casebook-study","format":1,"pack":"alemtuzumab-dah","cards":{"x":'],
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the saved progress as it was' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /kept/);
  // The page works: a stage can be committed.
  await page.locator('#stage-symptoms').getByRole('button', { name: /Anti-GBM disease/ }).tap();
  await commit(page, 'symptoms');
  await page.evaluate((k) => {
    localStorage.removeItem(k);
    Object.keys(localStorage).filter((slot) => slot.startsWith('casebook.kept.')).forEach((slot) => localStorage.removeItem(slot));
  }, KEY);
  await page.close();
});

test('the study mode in use: axe-core finds no violation and nothing scrolls sideways, light and dark', async () => {
  const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  for (const [width, height, colorScheme] of [[768, 1024, 'light'], [390, 844, 'dark']]) {
    const browser = await launch({ viewport: { width, height }, colorScheme, serviceWorkers: 'block' });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${session.server.url}/study`);
      await waitForHydration(page);
      const first = page.locator('#stage-symptoms');
      await first.getByRole('button', { name: /Anti-GBM disease/ }).tap();
      await first.getByRole('button', { name: /Coagulation or platelet disorder/ }).tap();
      for (const id of ['symptoms', 'history', 'premedication', 'day-1', 'second-infusion', 'examination', 'blood-tests']) {
        if (id !== 'symptoms') await page.getByRole('button', { name: /^Reveal stage/ }).tap();
        await commit(page, id);
      }
      await page.getByRole('button', { name: /^Reveal stage/ }).tap();
      await page.locator('#flashcards').getByRole('button', { name: 'Show the answer' }).tap();
      await page.locator('.grades').waitFor();
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `/study in use is ${overflow}px wider than the screen at ${width}`);
      await page.evaluate(AXE);
      const result = await page.evaluate(async () => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      }));
      const violations = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} (${v.help})`);
      assert.deepEqual(violations, [], `${width} ${colorScheme}`);
      await page.evaluate(() => localStorage.clear());
      await page.close();
    } finally {
      await browser.close();
    }
  }
});
