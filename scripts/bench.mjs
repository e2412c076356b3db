// Measures the release build in dist/ and writes BENCHMARKS.md (run by scripts/bench.sh).
// Sizes: each route's first visit (its HTML plus the CSS, JS and wasm every route loads),
// raw, gzip -9 and brotli -q 11; the whole app (every file the service worker precaches).
// Latency in Chromium with 4x CPU throttling, 50 repetitions each: a keystroke in search
// until the results are painted; answering a finding until the re-ranked differential is
// painted; a zoom step on the timeline until it is painted. Start-up: navigation until the
// app has hydrated, online and offline (warm service worker).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { launch, serve, waitForHydration, ROOT } from '../tests/e2e/browser.mjs';

const DIST = join(ROOT, 'dist');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : [path];
});

const all = files(DIST);
const shared = all.filter((f) => /\.(css|js|wasm)$/.test(f) && !f.endsWith('sw.js'));
const sharedSizes = shared.map((f) => ({ file: relative(DIST, f), ...sizes(readFileSync(f)) }));
const sum = (list, key) => list.reduce((total, item) => total + item[key], 0);
const routes = ['/', '/timeline', '/compare', '/differential', '/reader', '/search', '/study', '/sources'];
const routeRows = routes.map((route) => {
  const html = sizes(readFileSync(join(DIST, route, 'index.html')));
  return { route, html, total: { raw: html.raw + sum(sharedSizes, 'raw'), gzip: html.gzip + sum(sharedSizes, 'gzip'), brotli: html.brotli + sum(sharedSizes, 'brotli') } };
});
const precache = [...readFileSync(join(DIST, 'sw.js'), 'utf8').matchAll(/"([^"]+)"/g)].map((m) => m[1]).filter((p) => p.startsWith('/'));
const wholeFiles = [...new Set(precache.map((p) => (p.endsWith('/') ? `${p}index.html` : p)))]
  .map((p) => join(DIST, p)).filter((f) => { try { return statSync(f).isFile(); } catch { return false; } });
const whole = wholeFiles.map((f) => sizes(readFileSync(f)));

async function latency(page, setup, act) {
  await setup();
  const times = [];
  for (let i = 0; i < 50; i += 1) times.push(await act(i));
  times.sort((a, b) => a - b);
  return { p50: times[24], p95: times[47] };
}

const server = await serve();
const browser = await launch({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'allow' });
const page = await browser.context.newPage();
const cdp = await page.context().newCDPSession(page);
const results = {};
try {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // A change observed, then the frame it is painted in. Installed through the debugging
  // protocol, which the page's CSP (rightly) does not let the page itself do with eval.
  const INSTALL = `window.__untilPainted = (selector, act) => new Promise((resolve) => {
    const observer = new MutationObserver(() => { observer.disconnect(); requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0)); });
    observer.observe(document.querySelector(selector), { childList: true, subtree: true, attributes: true, characterData: true });
    const start = performance.now();
    act();
  });`;
  const words = ['haemoptysis', 'bronchoscopy', 'oedema', 'lymphocyte', 'vigibase'];
  results.search = await latency(page, async () => {
    await page.goto(`${server.url}/search`); await waitForHydration(page); await page.evaluate(INSTALL);
  }, async (i) => page.evaluate(async (word) => {
    const input = document.getElementById('search-q');
    input.value = ''; input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
    return window.__untilPainted('.search-results', () => { input.value = word; input.dispatchEvent(new InputEvent('input', { bubbles: true })); });
  }, words[i % words.length]));
  results.differential = await latency(page, async () => {
    await page.goto(`${server.url}/differential`); await waitForHydration(page); await page.evaluate(INSTALL);
  }, async (i) => page.evaluate(async (yes) => {
    const finding = document.querySelector('#finding-haemoptysis');
    const option = [...finding.querySelectorAll('label')].find((el) => el.textContent.trim() === (yes ? 'Yes' : 'No'));
    return window.__untilPainted('.diagnoses', () => option.click());
  }, i % 2 === 0));
  results.timeline = await latency(page, async () => {
    await page.goto(`${server.url}/timeline`); await waitForHydration(page); await page.evaluate(INSTALL);
  }, async (i) => page.evaluate(async (zoomIn) => {
    const frame = document.querySelector('.chart-frame');
    return window.__untilPainted('.timeline-svg', () => frame.dispatchEvent(new KeyboardEvent('keydown', { key: zoomIn ? '+' : '-', bubbles: true })));
  }, i % 2 === 0));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // Start-up: navigation start until the app marks itself hydrated.
  const startup = async () => {
    const times = [];
    for (let i = 0; i < 10; i += 1) {
      await page.goto(`${server.url}/compare`);
      await waitForHydration(page);
      times.push(await page.evaluate(() => Number(document.documentElement.dataset.hydratedAt || performance.now())));
    }
    times.sort((a, b) => a - b);
    return { p50: times[4], p95: times[9] };
  };
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  results.startupOnline = await startup();
  await browser.context.setOffline(true);
  results.startupOffline = await startup();
} finally {
  await browser.close();
  await server.stop();
}

const machine = `${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Chromium ${execFileSync('/usr/bin/chromium', ['--version']).toString().trim()}`;
const ms = (value) => `${value.toFixed(1)} ms`;
const lines = [
  '# Benchmarks',
  '',
  `Written by \`scripts/bench.sh\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.`,
  'Figures move with the machine; the tests never assert on them.',
  '',
  '## Transfer size of a first visit, per route (HTML + CSS + JS + wasm)',
  '',
  '| route | HTML gzip | total raw | total gzip | total brotli | target (gzip) |',
  '|---|---|---|---|---|---|',
  ...routeRows.map((r) => `| ${r.route} | ${kb(r.html.gzip)} | ${kb(r.total.raw)} | ${kb(r.total.gzip)} | ${kb(r.total.brotli)} | ≤ 200 KB |`),
  '',
  '| shared file | raw | gzip | brotli |',
  '|---|---|---|---|',
  ...sharedSizes.map((s) => `| ${s.file.replace(/-[0-9a-f]{16}/, '-…')} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`),
  '',
  `Whole app (the ${wholeFiles.length} files the service worker precaches): ${kb(sum(whole, 'raw'))} raw, ${kb(sum(whole, 'gzip'))} gzip, ${kb(sum(whole, 'brotli'))} brotli (target ≤ 350 KB).`,
  '',
  '## Interaction latency, Chromium with 4× CPU throttling, 50 repetitions',
  '',
  'From the input event until the frame after the DOM changed.',
  '',
  '| interaction | p50 | p95 | target p95 |',
  '|---|---|---|---|',
  `| keystroke in search until results painted | ${ms(results.search.p50)} | ${ms(results.search.p95)} | ≤ 10 ms |`,
  `| answering a finding until the differential is painted | ${ms(results.differential.p50)} | ${ms(results.differential.p95)} | ≤ 16 ms |`,
  `| a zoom step on the timeline until painted | ${ms(results.timeline.p50)} | ${ms(results.timeline.p95)} | ≤ 16 ms |`,
  '',
  '## Start-up (/compare), navigation until hydrated, no throttling, 10 loads',
  '',
  '| | p50 | p95 | target |',
  '|---|---|---|---|',
  `| online | ${ms(results.startupOnline.p50)} | ${ms(results.startupOnline.p95)} | |`,
  `| offline, warm service worker | ${ms(results.startupOffline.p50)} | ${ms(results.startupOffline.p95)} | ≤ 300 ms |`,
  '',
  'Not measured yet: Lighthouse scores, FCP against a plain static page, the native scale benchmarks (see issue 9).',
  '',
];
writeFileSync(join(ROOT, 'BENCHMARKS.md'), lines.join('\n'));
console.log(lines.join('\n'));
