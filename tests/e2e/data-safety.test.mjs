// What the user saves is never lost, and no address crashes the app: each finding of the
// data-safety review, done as an unlucky or hostile user would. Odd addresses online and
// offline; two tabs writing the same notes, progress, answers and cases; an import that
// would make a note too long; a shared link beside saved answers; an edited pack; full
// storage; a pack too big for local storage; packs built to freeze the page; direction
// overrides, backslash links and megabyte error lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  launch, serve, sharedSession, waitForHydration, visitUntilControlled, ROOT, keptAside, packStore, clearStorage,
} from './browser.mjs';

const session = sharedSession({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });
const FILES = mkdtempSync(join(tmpdir(), 'casebook-safety-'));
/** The complete example of the format's documentation. */
const EXAMPLE_TEXT = readFileSync(join(ROOT, 'docs', 'case-pack-format.md'), 'utf8').match(/```casepack\n([\s\S]*?)```/)[1];
const NOTES = 'casebook.v1.notes.alemtuzumab-dah';
const STUDY = 'casebook.v1.study.alemtuzumab-dah';
const CHECKLIST = 'casebook.v1.differential.alemtuzumab-dah';
const HAEMOPTYSIS = 'Four hours later she started coughing up bright red blood tinged sputum without clots.';
const BAL = 'Macroscopically haemorrhagic BAL fluid is considered diagnostic of acute alveolar haemorrhage [3].';

/** Writes a pack file made from the documented example and returns its path. */
function packFile(name, edit = (text) => text) {
  const path = join(FILES, name);
  writeFileSync(path, edit(EXAMPLE_TEXT));
  return path;
}

async function openPack(page, file) {
  await page.locator('.case-library input[type=file]').setInputFiles(file);
}

async function fresh(path, context = session.browser.context) {
  const page = await context.newPage();
  await page.goto(`${session.server.url}${path}`);
  await waitForHydration(page);
  return page;
}

/** A page at `path` with nothing stored: each test starts from an empty device. */
async function start(path) {
  const page = await fresh(path);
  await clearStorage(page);
  await page.reload();
  await waitForHydration(page);
  return page;
}

/** Selects a few words of `sentence` in the reader, as a press-and-hold would. */
async function select(page, sentence) {
  await page.evaluate((sentence) => {
    const paragraph = [...document.querySelectorAll('.article-paragraph')].find((p) => p.textContent.includes(sentence));
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    // The sentence's first word: a term or citation inside it is an element of its own,
    // so a selection within one text node is made of one word.
    const words = sentence.split(' ')[0];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf(words);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        document.getSelection().removeAllRanges();
        document.getSelection().addRange(range);
        return;
      }
    }
    throw new Error(`not found: ${sentence}`);
  }, sentence);
}

async function addNote(page, sentence, text) {
  await select(page, sentence);
  await page.locator('.selection-bar').getByRole('button', { name: /Add a note|Edit note/ }).tap();
  await page.getByLabel('Your note (kept on this device)').fill(text);
  await page.getByRole('button', { name: 'Save note', exact: true }).tap();
}

/** `count` words of pseudo-random letters, in sentences: text that does not compress. */
function randomWords(count) {
  let seed = 12345;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  const words = [];
  for (let i = 0; i < count; i += 1) {
    let word = '';
    for (let n = 3 + (next() % 6); n > 0; n -= 1) word += String.fromCharCode(97 + (next() % 26));
    words.push(i % 12 === 11 ? `${word}.` : word);
  }
  return words.join(' ');
}

const stored = (page, key) => page.evaluate((key) => localStorage.getItem(key), key);

/** Fills local storage to its quota with values that are not the app's. */
async function fillLocalStorage(page) {
  await page.evaluate(() => {
    let index = 0;
    for (const size of [512 * 1024, 32 * 1024, 1024, 32, 1]) {
      const chunk = 'x'.repeat(size);
      try { for (;;) localStorage.setItem(`filler.${index++}`, chunk); } catch { /* full at this size */ }
    }
  });
}

async function emptyFiller(page) {
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
}

test('odd addresses show their view, online and offline, and never the crash screen', async () => {
  const server = await serve();
  const browser = await launch({ viewport: { width: 768, height: 1024 } });
  try {
    const page = await browser.context.newPage();
    await visitUntilControlled(page, `${server.url}/timeline`);
    const cases = [
      ['/timeline/nope', 'Timeline', /no event “nope”/],
      ['/timeline/HAEMOPTYSIS', 'Timeline', null],
      ['/timeline//', 'Timeline', null],
      ['/index.html', null, null],
      ['/reader/', 'The paper', null],
      ['/differential?a=garbage', 'Differential', /could not be read/],
      ['/no/such/page', 'Page not found', null],
    ];
    for (const offline of [false, true]) {
      await browser.context.setOffline(offline);
      for (const [path, heading, notice] of cases) {
        await page.goto(`${server.url}${path}`);
        await waitForHydration(page);
        await page.reload();
        await waitForHydration(page);
        assert.equal(await page.locator('#crash').isHidden(), true, `${path} (offline: ${offline}) crashed`);
        if (heading) assert.equal(await page.locator('main h1').textContent(), heading, path);
        if (notice) await page.getByText(notice).first().waitFor();
      }
      // A case-insensitive event id selects its event.
      await page.goto(`${server.url}/timeline/HAEMOPTYSIS`);
      await waitForHydration(page);
      await page.locator('.event-details').getByText(/coughing up|haemoptysis/i).first().waitFor();
    }
    await browser.context.setOffline(false);
    // An event of a case the user opened: the host has no page for it (404.html comes
    // back), and a reload shows the timeline with the event, online and offline.
    await page.goto(`${server.url}/`);
    await waitForHydration(page);
    await openPack(page, packFile('events.casepack.md'));
    await page.getByText(/^Opened: /).waitFor();
    await page.goto(`${server.url}/timeline`);
    await waitForHydration(page);
    await page.locator('.case-banner').waitFor();
    await page.locator('.event-list .event a').first().click();
    const eventPath = new URL(page.url()).pathname;
    assert.match(eventPath, /^\/timeline\/[a-z0-9-]+$/);
    for (const offline of [false, true]) {
      await browser.context.setOffline(offline);
      await page.reload();
      await waitForHydration(page);
      await page.locator('.case-banner').waitFor();
      assert.equal(await page.locator('#crash').isHidden(), true, `${eventPath} (offline: ${offline})`);
      assert.equal(await page.locator('main h1').textContent(), 'Timeline');
      await page.locator('.event-details').waitFor();
    }
    await browser.context.setOffline(false);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('two tabs: notes, study progress, answers and opened cases written in one are kept by the other', async () => {
  // Notes: both tabs open, each adds a note; both are kept, and each tab shows the other's.
  const a = await start('/reader');
  const b = await fresh('/reader');
  await addNote(a, HAEMOPTYSIS, 'from tab A');
  await a.getByText('Note saved on this device.').waitFor();
  await addNote(b, BAL, 'from tab B');
  await b.getByText('Note saved on this device.').waitFor();
  await a.locator('.note-item', { hasText: 'from tab B' }).waitFor();
  const notes = JSON.parse(await stored(a, NOTES)).annotations.map((n) => n.note).sort();
  assert.deepEqual(notes, ['from tab A', 'from tab B']);
  // The same note edited in both: B opens its editor, A saves first; neither text is lost.
  await select(b, BAL);
  await b.locator('.selection-bar').getByRole('button', { name: 'Edit note' }).tap();
  await b.getByLabel('Your note (kept on this device)').fill('B edits it too');
  await addNote(a, BAL, 'A edits it');
  await a.getByText('Note saved on this device.').waitFor();
  await b.getByRole('button', { name: 'Save note', exact: true }).tap();
  await b.getByText(/changed in another tab/).waitFor();
  const both = JSON.parse(await stored(b, NOTES)).annotations.find((n) => n.sentence === BAL).note;
  assert.match(both, /A edits it/);
  assert.match(both, /B edits it too/);
  await a.close();
  await b.close();

  // Study: tab A commits two stages, tab B (opened before) commits the first again.
  const sa = await fresh('/study');
  const sb = await fresh('/study');
  await sa.locator('#stage-symptoms').getByRole('button', { name: /Anti-GBM disease/ }).tap();
  await sa.locator('#stage-symptoms').getByRole('button', { name: 'Commit and compare' }).tap();
  await sa.getByRole('button', { name: /^Reveal stage/ }).click();
  const second = 'history';
  await sa.locator(`#stage-${second}`).getByRole('button', { name: 'Commit and compare' }).tap();
  await sa.locator(`#stage-${second} .stage-feedback[open]`).waitFor();
  // Tab B answers a question: applied to what is stored now, so A's stages stay.
  await sb.locator('.questions-gate > summary').click();
  await sb.locator('.question input[type=radio]').first().check();
  await sb.waitForFunction((key) => Object.keys(JSON.parse(localStorage.getItem(key)).questions).length === 1, STUDY);
  const saved = JSON.parse(await stored(sb, STUDY));
  assert.deepEqual(saved.attempts.map((attempt) => attempt.stage), ['symptoms', second], 'the stages committed in the other tab are kept');
  await sa.close();
  await sb.close();

  // Answers: tab A loads the published case; tab B, opened before, answers one finding.
  const da = await fresh('/differential');
  const db = await fresh('/differential');
  await da.getByRole('button', { name: 'Load the published case' }).click();
  await da.locator('#dx-dah[data-standing="supported"]').waitFor();
  const loaded = (await stored(da, CHECKLIST)).split('&')[0].split(',').length;
  assert.ok(loaded >= 20, `${loaded} answers loaded`);
  await db.locator('#dx-dah[data-standing="supported"]').waitFor(); // B follows A
  await db.locator('#finding-fever').getByText('Not done', { exact: true }).click();
  await db.waitForTimeout(200);
  const after = (await stored(db, CHECKLIST)).split('&')[0].split(',');
  assert.equal(after.length, loaded, 'no loaded answer was wiped');
  assert.ok(after.includes('fever:x'));
  await da.locator('#finding-fever input[value="not-done"]:checked').waitFor();
  // A resets; B, following, answers a finding; A puts its answers back: applied to what
  // is stored now, so B's later answer is kept beside every answer put back.
  await da.getByRole('button', { name: 'Reset' }).click();
  await db.waitForFunction((key) => localStorage.getItem(key)?.startsWith('a=&'), CHECKLIST);
  await db.locator('#finding-known-coagulopathy input[value="no"]:not(:checked)').waitFor();
  await db.locator('#finding-known-coagulopathy').getByText('Yes', { exact: true }).click();
  await da.locator('#finding-known-coagulopathy input[value="yes"]:checked').waitFor();
  await da.getByRole('button', { name: 'Put them back' }).click();
  await da.waitForFunction((key) => localStorage.getItem(key)?.includes('fever:x'), CHECKLIST);
  const putBack = (await stored(da, CHECKLIST)).split('&')[0].split(',');
  assert.ok(putBack.includes('known-coagulopathy:y'), 'the other tab\'s later answer is kept');
  assert.equal(putBack.length, loaded + 1, 'every answer put back');
  await da.getByRole('button', { name: 'Reset' }).click();
  await da.close();
  await db.close();

  // Opened cases: each tab opens another; both stay listed in both tabs.
  const la = await fresh('/');
  const lb = await fresh('/');
  await openPack(la, packFile('tab-a.casepack.md', (t) => t.replace('id = "example"', 'id = "tab-a"')));
  await la.getByText(/^Opened: /).waitFor();
  await openPack(lb, packFile('tab-b.casepack.md', (t) => t.replace('id = "example"', 'id = "tab-b"')));
  await lb.getByText(/^Opened: /).waitFor();
  for (const page of [la, lb]) {
    await page.locator('.case-entry[data-case="tab-a"]').waitFor();
    await page.locator('.case-entry[data-case="tab-b"]').waitFor();
  }
  assert.equal(await packStore(la, 'count'), 2);
  await clearStorage(la);
  await la.close();
  await lb.close();
});

test('an import that would make a note too long is refused, and every note stays readable', async () => {
  const page = await start('/reader');
  await addNote(page, BAL, 'm'.repeat(6000));
  await page.getByText('Note saved on this device.').waitFor();
  const file = join(FILES, 'long.json');
  writeFileSync(file, JSON.stringify({
    kind: 'casebook-notes', format: 2, pack: 'alemtuzumab-dah',
    annotations: [{ sentence: BAL, note: 't'.repeat(6000) }, { sentence: HAEMOPTYSIS, bookmarked: true }],
  }));
  const before = await stored(page, NOTES);
  await page.locator('.notes input[type=file]').setInputFiles(file);
  await page.getByText(/was not imported, and nothing changed: .*12002 characters/).waitFor();
  assert.equal(await stored(page, NOTES), before);
  await page.reload();
  await waitForHydration(page);
  await page.locator('.note-item').first().waitFor();
  assert.equal(await page.locator('.note-item').count(), 1);
  await clearStorage(page);
  await page.close();
});

test('a shared link is shown as the link\'s; the user chooses whether it replaces their answers', async () => {
  const page = await start('/differential');
  await page.locator('#finding-fever').getByText('No', { exact: true }).click();
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('fever:n'), CHECKLIST);
  const mine = await stored(page, CHECKLIST);
  // A garbage link: reported, nothing changes.
  await page.goto(`${session.server.url}/differential?a=garbage`);
  await waitForHydration(page);
  await page.getByText(/The link's answers could not be read/).waitFor();
  assert.equal(await stored(page, CHECKLIST), mine);
  await page.locator('#finding-fever input[value="no"]:checked').waitFor();
  // A real link: shown as the link's, not saved.
  await page.goto(`${session.server.url}/differential?a=haemoptysis:y,fever:y&t=`);
  await waitForHydration(page);
  const bar = page.getByRole('region', { name: 'Answers from a link' });
  await bar.waitFor();
  await page.locator('#finding-fever input[value="yes"]:checked').waitFor();
  assert.equal(await stored(page, CHECKLIST), mine, 'the link is not saved over the user\'s answers');
  await bar.getByRole('button', { name: 'Back to my answers' }).click();
  await page.locator('#finding-fever input[value="no"]:checked').waitFor();
  assert.equal(new URL(page.url()).search, '');
  // Again, and keep it: it replaces the user's, who can put theirs back.
  await page.goto(`${session.server.url}/differential?a=haemoptysis:y,fever:y&t=`);
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Keep these as my answers' }).click();
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('fever:y'), CHECKLIST);
  await page.getByRole('button', { name: 'Put them back' }).click();
  await page.waitForFunction(([key, mine]) => localStorage.getItem(key) === mine, [CHECKLIST, mine]);
  // A megabyte link gives a short message.
  await page.goto(`${session.server.url}/differential?a=${'[a](,'.repeat(10000)}`);
  await waitForHydration(page);
  const message = await page.getByText(/could not be read/).first().textContent();
  assert.ok(message.length < 2000, `${message.length} characters`);
  await clearStorage(page);
  await page.close();
});

test('an edited pack keeps every note: a note whose sentence changed is listed apart, exported, re-attachable', async () => {
  const page = await start('/');
  await openPack(page, packFile('v1.casepack.md'));
  await page.getByText(/^Opened: /).waitFor();
  await page.goto(`${session.server.url}/reader`);
  await waitForHydration(page);
  await page.locator('.case-banner').waitFor();
  await addNote(page, 'Computed tomography showed bilateral alveolar opacities.', 'note on the CT');
  await page.getByText('Note saved on this device.').waitFor();
  await addNote(page, 'The symptoms resolved completely without treatment and control computed tomography performed one week later showed total resolution of pulmonary infiltrates.', 'note on the outcome');
  await page.getByText('Note saved on this device.').waitFor();
  // Version 2 changes the CT sentence (and the quotes of it).
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  await openPack(page, packFile('v2.casepack.md', (t) => t.replaceAll('bilateral alveolar opacities', 'bilateral alveolar infiltrates')));
  await page.getByText(/^Opened: /).waitFor();
  await page.goto(`${session.server.url}/reader`);
  await waitForHydration(page);
  const detached = page.locator('.detached-notes');
  await detached.waitFor();
  assert.match(await detached.textContent(), /note on the CT/);
  assert.match(await page.locator('.notes > .note-list').textContent(), /note on the outcome/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save notes to a file' }).click(),
  ]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.annotations.length, 2, 'the detached note is exported too');
  // Re-attach it to the suggested sentence (the changed one comes first).
  assert.match(await detached.locator('select option').first().textContent(), /bilateral alveolar infiltrates/);
  await detached.getByRole('button', { name: 'Attach here' }).click();
  await detached.waitFor({ state: 'detached' });
  assert.match(await page.locator('.notes > .note-list').textContent(), /note on the CT/);
  await clearStorage(page);
  await page.close();
});

test('full storage: every save says it failed where the user is, nothing is deleted, each damaged value is kept', async () => {
  const page = await start('/reader');
  await addNote(page, HAEMOPTYSIS, 'kept before');
  await page.getByText('Note saved on this device.').waitFor();
  const before = await stored(page, NOTES);
  await fillLocalStorage(page);
  // A note: the editor stays open with the text, the failure is said, nothing changes.
  await addNote(page, BAL, 'typed while full');
  await page.getByRole('alert').filter({ hasText: /storage for Casebook is full/ }).first().waitFor();
  assert.equal(await page.getByLabel('Your note (kept on this device)').inputValue(), 'typed while full');
  assert.equal(await stored(page, NOTES), before);
  // A bookmark: said at the foot of the screen.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await select(page, BAL);
  await page.locator('.selection-bar').getByRole('button', { name: 'Bookmark' }).tap();
  await page.locator('.save-error').filter({ hasText: /Not saved/ }).waitFor();
  // The differential: loading the published case fails in words, the answers stay.
  await page.goto(`${session.server.url}/differential`);
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Load the published case' }).click();
  await page.locator('.save-error').filter({ hasText: /Not saved/ }).waitFor();
  assert.equal(await page.locator('.finding.answered').count(), 0);
  await emptyFiller(page);
  // Two different damaged values are both kept aside, each in its own slot.
  for (const damaged of ['{"kind":"casebook-notes", one', '{"kind":"casebook-notes", two']) {
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [NOTES, damaged]);
    await page.goto(`${session.server.url}/reader`);
    await waitForHydration(page);
    await page.getByText(/could not be read/).first().waitFor();
  }
  assert.deepEqual((await keptAside(page, NOTES)).sort(), ['{"kind":"casebook-notes", one', '{"kind":"casebook-notes", two']);
  // Both are listed on the overview, to download or delete.
  await page.goto(`${session.server.url}/`);
  await waitForHydration(page);
  assert.equal(await page.locator('.kept-item').count(), 2);
  await clearStorage(page);
  await page.close();
});

test('a larger version of a kept pack that does not fit leaves the kept copy as it was', async () => {
  // A fresh browser whose quota for the site is set before the app first opens its
  // database (Chromium reads the quota when a database is first used).
  const browser = await launch({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: session.server.url, quotaSize: 400 * 1024 });
    await page.goto(`${session.server.url}/`);
    await waitForHydration(page);
    await openPack(page, packFile('fits.casepack.md'));
    await page.getByText(/^Opened: /).waitFor();
    assert.doesNotMatch(await page.locator('.case-library').textContent(), /shown for this visit only/);
    // Words that do not compress (the browser compresses what it stores).
    await openPack(page, packFile('bigger.casepack.md', (t) => `${t}\n\n${randomWords(200000)}\n`));
    await page.getByText(/shown for this visit only/).waitFor();
    await page.getByText(/any version kept before is unchanged/).waitFor();
    await page.reload();
    await waitForHydration(page);
    await page.locator('.case-banner').waitFor();
    const entry = page.locator('.case-entry[data-case="example"]');
    assert.match(await entry.textContent(), /fits\.casepack\.md/, 'the kept copy is the earlier one');
  } finally {
    await browser.close();
  }
});

test('a pack larger than local storage holds is kept, survives a reload, and the storage line says what the browser promises', async () => {
  const page = await start('/');
  const big = packFile('big.casepack.md', (t) => `${t}\n\n${randomWords(600000)}\n`);
  assert.ok(readFileSync(big).length > 3.5e6);
  await openPack(page, big);
  await page.getByText(/^Opened: /).waitFor({ timeout: 30000 });
  assert.doesNotMatch(await page.locator('.case-library').textContent(), /shown for this visit only/);
  await page.reload();
  await waitForHydration(page);
  await page.locator('.case-banner').waitFor();
  await page.goto(`${session.server.url}/reader`);
  await waitForHydration(page);
  await page.locator('.storage-status').filter({ hasText: /Kept on this device/ }).waitFor();
  await clearStorage(page);
  await page.close();
});

test('packs built to freeze the page open, and every view of them renders and answers', async () => {
  const hostile = [
    ['title', (t) => t.replace('title = "Diffuse', `title = "${'x'.repeat(1000000)}Diffuse`)],
    ['links', (t) => `${t}\n\n${'[a]('.repeat(50000)}\n`],
    ['emphasis', (t) => `${t}\n\n${'*a **b ['.repeat(30000)}\n`],
  ];
  for (const [name, edit] of hostile) {
    const page = await fresh('/');
    await openPack(page, packFile(`${name}.casepack.md`, edit));
    await page.getByText(/^Opened: /).waitFor({ timeout: 20000 });
    for (const route of ['/', '/timeline', '/compare', '/differential', '/reader', '/search?q=a', '/study', '/sources']) {
      await page.goto(`${session.server.url}${route}`);
      await waitForHydration(page);
      await page.locator('.case-banner').waitFor({ timeout: 10000 });
      // It answers: the navigation takes a tap within the liveness bound.
      await page.locator('.skip-link').focus({ timeout: 10000 });
      assert.equal(await page.locator('#crash').isHidden(), true, `${name} ${route}`);
    }
    await clearStorage(page);
    await page.close();
  }
});

test('a pack\'s text cannot reorder the app\'s own, and a backslash link does not leave the site', async () => {
  const page = await start('/');
  await openPack(page, packFile('bidi.casepack.md', (t) => `${t
    .replace('title = "Diffuse', 'title = "\u202Eevil Diffuse')}\nSee [the other site](/\\evil.example/path).\n`));
  await page.getByText(/^Opened: /).waitFor();
  // In the banner, the app's words after the title still come after it, left to right.
  const order = await page.locator('.case-banner span').first().evaluate((span) => {
    const title = span.querySelector('bdi');
    const after = title.parentElement.nextSibling;
    const range = document.createRange();
    range.selectNodeContents(after);
    return [title.getBoundingClientRect().left, range.getClientRects()[0].left];
  });
  assert.ok(order[1] > order[0], `the words after the title start right of it (${order})`);
  await page.goto(`${session.server.url}/reader`);
  await waitForHydration(page);
  await page.getByText('the other site').waitFor();
  const foreign = await page.evaluate(() => [...document.querySelectorAll('a[href]')]
    .map((a) => new URL(a.href, location.href))
    .filter((url) => url.origin !== location.origin && url.hostname !== 'doi.org')
    .map(String));
  assert.deepEqual(foreign, []);
  await clearStorage(page);
  await page.close();
});

test('storage turned off is said where work is kept; a pack opened with local storage full says it cannot be remembered as shown', async () => {
  // Local storage turned off (its getter throws, as a browser that refuses it does).
  const browser = await launch({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });
  try {
    await browser.context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The user denied storage', 'SecurityError'); } });
    });
    const page = await browser.context.newPage();
    for (const path of ['/reader', '/study']) {
      await page.goto(`${session.server.url}${path}`);
      await waitForHydration(page);
      await page.locator('.storage-status', { hasText: /keeps nothing for Casebook/ }).first().waitFor();
      assert.equal(await page.locator('.storage-status', { hasText: /may clear it/ }).count(), 0);
    }
  } finally {
    await browser.close();
  }
  // Local storage full: the pack is kept (in IndexedDB), and the message says the next
  // visit will not show it by itself.
  const page = await start('/');
  await fillLocalStorage(page);
  await openPack(page, packFile('full.casepack.md'));
  await page.getByText(/could not also note it as the case to show/).waitFor();
  await emptyFiller(page);
  await clearStorage(page);
  await page.close();
});
