// Notes and bookmarks in the reader, as a student keeps them: select a sentence, bookmark
// it and write a note; it survives a reload and offline use; export then import gives the
// same notes; a damaged file or damaged storage is refused or kept aside, never lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, waitForHydration, visitUntilControlled, keptAside } from './browser.mjs';

const SENTENCE = 'Four hours later she started coughing up bright red blood tinged sputum without clots.';
const KEY = 'casebook.v1.notes.alemtuzumab-dah';

/** Selects a few words of the sentence, as a press-and-hold or a drag would. */
async function selectInSentence(page) {
  await page.evaluate((sentence) => {
    const paragraph = [...document.querySelectorAll('.article-paragraph')].find((p) => p.textContent.includes(sentence));
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const at = node.textContent.indexOf('coughing up');
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'coughing up'.length);
        const selection = document.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
    }
    throw new Error('sentence not found');
  }, SENTENCE);
}

async function notesShown(page) {
  return page.locator('.note-item').evaluateAll((items) => items.map((item) => item.textContent));
}

test('bookmark and note a sentence; it survives reload and offline; export then import', async () => {
  const server = await serve();
  const browser = await launch({ viewport: { width: 768, height: 1024 } });
  const files = mkdtempSync(join(tmpdir(), 'casebook-notes-'));
  try {
    const page = await browser.context.newPage();
    await visitUntilControlled(page, `${server.url}/reader`);

    await selectInSentence(page);
    const bar = page.locator('.selection-bar');
    await bar.waitFor();
    assert.match(await bar.textContent(), /Four hours later she started coughing/);
    await bar.getByRole('button', { name: 'Bookmark' }).tap();
    await bar.getByRole('button', { name: 'Remove bookmark' }).waitFor();
    await bar.getByRole('button', { name: 'Add a note' }).tap();
    await page.getByLabel('Your note (kept on this device)').fill('Haemoptysis 4 h after onset: note the timing.');
    await page.getByRole('button', { name: 'Save note', exact: true }).tap();
    await page.locator('.note-item').first().waitFor();
    const made = await notesShown(page);
    assert.equal(made.length, 1);
    assert.match(made[0], /Bookmarked/);
    assert.match(made[0], /note the timing/);
    // The sentence is marked in the text too.
    assert.equal(await page.locator('.article-paragraph .noted').first().textContent(), SENTENCE);

    // Reload, then offline with the server stopped: still there.
    await page.reload();
    await waitForHydration(page);
    await page.locator('.note-item').first().waitFor();
    await browser.context.setOffline(true);
    await server.stop();
    const offline = await page.reload();
    assert.equal(offline.fromServiceWorker(), true);
    await waitForHydration(page);
    await page.locator('.note-item').first().waitFor();
    assert.deepEqual(await notesShown(page), made);

    // Export, clear, import: the same notes.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save notes to a file' }).click(),
    ]);
    const exported = join(files, 'notes.json');
    await download.saveAs(exported);
    const json = JSON.parse(readFileSync(exported, 'utf8'));
    assert.equal(json.kind, 'casebook-notes');
    assert.equal(json.annotations[0].sentence, SENTENCE);
    // The same notes as a document to read outside the app.
    const [readable] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as a document to read (Markdown)' }).click(),
    ]);
    assert.match(readable.suggestedFilename(), /\.md$/);
    const document = readFileSync(await readable.path(), 'utf8');
    assert.match(document, /^# Notes on /);
    assert.match(document, /> Four hours later she started coughing up bright red blood tinged sputum without clots\\\./);
    await page.evaluate((key) => localStorage.removeItem(key), KEY);
    await page.reload();
    await waitForHydration(page);
    await page.getByText('No notes or bookmarks yet.').waitFor();
    await page.locator('.notes input[type=file]').setInputFiles(exported);
    await page.getByText(/Imported: 1 new sentences/).waitFor();
    assert.deepEqual(await notesShown(page), made);

    // A damaged file (a note over the limit, on a hostile "sentence") is refused and
    // nothing changes.
    const broken = join(files, 'broken.json');
    writeFileSync(broken, `{"kind":"casebook-notes","format":1,"pack":"alemtuzumab-dah","annotations":[{"sentence":"<img src=x onerror=alert(1)>","note":"${'x'.repeat(10001)}"}]}`);
    await page.locator('.notes input[type=file]').setInputFiles(broken);
    await page.getByText(/was not imported, and nothing changed/).waitFor();
    assert.deepEqual(await notesShown(page), made);
    await page.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('damaged saved notes are kept aside, offered for download, and the reader still works', async () => {
  const server = await serve();
  const browser = await launch({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/reader`);
    await waitForHydration(page);
    await page.evaluate((key) => localStorage.setItem(key, '{"kind":"casebook-notes", broken'), KEY);
    await page.reload();
    await waitForHydration(page);
    await page.getByText(/could not be read/).waitFor();
    assert.deepEqual(await keptAside(page, KEY), ['{"kind":"casebook-notes", broken']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the saved notes as they were' }).click(),
    ]);
    assert.equal(readFileSync(await download.path(), 'utf8'), '{"kind":"casebook-notes", broken');
    assert.equal(await page.locator('#crash').isHidden(), true);
    await page.getByRole('heading', { name: 'Case presentation' }).waitFor();
    await page.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
