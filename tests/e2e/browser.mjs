// Shared helpers for the end-to-end tests and the screenshot script: launch Debian's
// Chromium through playwright-core, and serve dist/ on a free loopback port.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Launches Chromium with a fresh profile; `close()` removes the profile. */
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'casebook-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    viewport: options.viewport || { width: 768, height: 1024 },
    colorScheme: options.colorScheme || 'light',
    serviceWorkers: options.serviceWorkers || 'allow',
    hasTouch: options.hasTouch ?? true,
    reducedMotion: options.reducedMotion || 'no-preference',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file that shares one server and one browser: serves dist/ and launches
 * Chromium with `options` before its tests, closes both after them. The returned
 * object's `server` and `browser` are set once the tests run.
 */
export function sharedSession(options = {}) {
  const session = {};
  before(async () => {
    session.server = await serve();
    session.browser = await launch(options);
  });
  after(async () => {
    await session.browser.close();
    await session.server.stop();
  });
  return session;
}

/**
 * For a test file whose tests each launch their own browser (a viewport, a colour scheme
 * or a fresh profile per test) but share one server: serves dist/ before its tests and
 * stops after them. The returned object's `url` is set once the tests run.
 */
export function sharedServer() {
  const site = {};
  let server;
  before(async () => {
    server = await serve();
    site.url = server.url;
  });
  after(async () => { await server.stop(); });
  return site;
}

/** Starts scripts/serve.py on a free port (gzip-compressing with `{ gzip: true }`, as a
 * real host would, for measuring); resolves to { url, stop() }. */
export function serve(dir = join(ROOT, 'dist'), { gzip = false } = {}) {
  return new Promise((resolve, reject) => {
    const args = [join(ROOT, 'scripts', 'serve.py'), '--port', '0', '--dir', dir, ...(gzip ? ['--gzip'] : [])];
    const child = spawn('python3', args, {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) {
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          stop: () => new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve.py exited with ${code}: ${output}`)));
  });
}

/** Collects console errors and page errors of a page. */
export function watchConsole(page) {
  const messages = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') messages.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return messages;
}

/**
 * Visits `url` in `page` once, waits for the service worker, and reloads, so the page is
 * then served (and works offline) through the worker: what a user's first visit leaves.
 */
export async function visitUntilControlled(page, url) {
  await page.goto(url);
  await waitForHydration(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await waitForHydration(page);
}

/** Waits until the wasm app has hydrated the page (boot.js sets the marker). */
export async function waitForHydration(page) {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', null, { timeout: 20000 });
}

/**
 * Scrolls through the whole page half a screen at a time, a frame at each step, as a
 * reader would, so every section skipped off screen (content-visibility) is rendered
 * once; then back to the top when `back` is set.
 */
export async function scrollThrough(page, { back = false } = {}) {
  await page.evaluate(async (back) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) { window.scrollTo(0, y); await frame(); }
    if (back) { window.scrollTo(0, 0); await frame(); }
  }, back);
}

/**
 * Every prerendered route with the heading it must show, as the build lists them
 * (dist/routes.json, written by the prerender step from the app's one list of routes):
 * the static routes and one event's route.
 */
export function routeList(dir = join(ROOT, 'dist')) {
  const all = JSON.parse(readFileSync(join(dir, 'routes.json'), 'utf8'));
  const firstEvent = all.find((route) => route.event);
  return all.filter((route) => !route.event || route === firstEvent);
}

export const ROUTES = routeList().map((route) => [route.path, route.heading]);

/**
 * A structural signature of the app's DOM: every element with its attributes, and the
 * text between elements (adjacent text nodes merged, as the HTML parser merges them,
 * whitespace collapsed), in document order. Comments (hydration markers) are skipped, and
 * so is the inside of an element marked `data-client-layout`: the timeline's drawing is
 * hydrated at the prerender's width and then, by design, laid out again at the width the
 * browser measures, and its details panel fills in with the event an event page selects.
 * Runs in the page.
 */
export function domSignature(root) {
  const out = [];
  let text = '';
  const flush = () => {
    const collapsed = text.replace(/\s+/g, ' ').trim();
    if (collapsed) out.push(collapsed);
    text = '';
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.ELEMENT_NODE) {
        flush();
        const attributes = [...child.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
        out.push(`<${child.tagName.toLowerCase()} ${attributes}>`);
        if (!child.hasAttribute('data-client-layout')) walk(child);
        flush();
        out.push(`</${child.tagName.toLowerCase()}>`);
      } else if (child.nodeType === Node.TEXT_NODE) {
        text += child.textContent;
      }
    }
  };
  walk(root);
  flush();
  return out;
}

/** The values kept aside for storage key `key` (each slot's text as it was stored), in the
 * page's local storage: `casebook.kept.<time>.<key>` slots hold `{ key, at, raw }`. */
export async function keptAside(page, key) {
  return page.evaluate((wanted) => Object.keys(localStorage)
    .filter((slot) => slot.startsWith('casebook.kept.'))
    .map((slot) => JSON.parse(localStorage.getItem(slot)))
    .filter((kept) => kept.key === wanted)
    .map((kept) => kept.raw), key);
}

/**
 * One operation on the app's IndexedDB store of opened packs, in the page (the strict CSP
 * forbids evaluating code strings there, so the operations are named): `count`, `clear`,
 * `tag` (the first two bytes of a pack's encoding, as text) and `spoil` (replace a pack's
 * encoding by `arg.bytes`, a string).
 */
export async function packStore(page, op, arg = {}) {
  return page.evaluate(async ([op, arg]) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('casebook');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const done = (tx) => new Promise((resolve) => { tx.oncomplete = resolve; tx.onerror = resolve; tx.onabort = resolve; });
    const result = (request) => new Promise((resolve) => { request.onsuccess = () => resolve(request.result); });
    let value;
    if (op === 'count') {
      value = await result(db.transaction('packs').objectStore('packs').count());
    } else if (op === 'clear') {
      const tx = db.transaction('packs', 'readwrite');
      tx.objectStore('packs').clear();
      await done(tx);
    } else if (op === 'tag') {
      const record = await result(db.transaction('packs').objectStore('packs').get(arg.id));
      value = record && record.encoded ? String.fromCharCode(...record.encoded.slice(0, 2)) : null;
    } else if (op === 'spoil') {
      const tx = db.transaction('packs', 'readwrite');
      const store = tx.objectStore('packs');
      const record = await result(store.get(arg.id));
      record.encoded = new TextEncoder().encode(arg.bytes);
      store.put(record);
      await done(tx);
    }
    db.close();
    return value;
  }, [op, arg]);
}

/** Forgets everything the app keeps in the page's origin: local storage and the opened
 * packs in IndexedDB. */
export async function clearStorage(page) {
  await page.evaluate(async () => {
    localStorage.clear();
    // Only an existing database is cleared: opening one that does not exist would make
    // it, empty, at the app's version, and the app would then never create its store.
    const names = (await indexedDB.databases()).map((database) => database.name);
    if (!names.includes('casebook')) return;
    const db = await new Promise((resolve) => {
      const request = indexedDB.open('casebook');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    });
    if (!db || !db.objectStoreNames.contains('packs')) { db?.close(); return; }
    await new Promise((resolve) => {
      const tx = db.transaction('packs', 'readwrite');
      tx.objectStore('packs').clear();
      tx.oncomplete = resolve; tx.onerror = resolve;
    });
    db.close();
  });
}
