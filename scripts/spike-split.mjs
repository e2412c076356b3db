// Bench only (run by scripts/spike-split.sh): the route-split measurement. For the site
// as it ships (dist/), each one-route site the script built (<spike>/<page>/) and each
// islands site (<spike>/island-<page>/), measures the route's first visit: its transfer
// (the route's HTML with its inline CSS, boot.js, the app's JS and wasm, and the pack's
// file where the design fetches it, gzip -9) and, in Chromium at 4x CPU with the cache and
// the service worker off, 9 loads: when the page has hydrated, its longest main-thread
// task and its blocking time (the sum over 50 ms of each task). Writes
// docs/route-split-figures.md with the command and the machine.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { launch, serve, waitForHydration, ROOT } from '../tests/e2e/browser.mjs';

const spike = process.argv[2] || join(ROOT, 'target', 'spike', 'site');
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${Math.round(value)} ms`;
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

function transfer(dir, route) {
  const names = readdirSync(dir);
  const app = names.filter((n) => /^casebook-.*\.(js|wasm)$/.test(n) && !/importer/.test(n));
  const wasm = app.find((n) => n.endsWith('.wasm'));
  // The islands spike fetches the pack as its own file (the other designs embed it).
  const data = names.includes('seed.casepack.bin') ? gz(join(dir, 'seed.casepack.bin')) : 0;
  const parts = { html: gz(join(dir, route, 'index.html')), boot: gz(join(dir, 'boot.js')), js: gz(join(dir, app.find((n) => n.endsWith('.js')))), wasm: gz(join(dir, wasm)), data };
  return { ...parts, total: parts.html + parts.boot + parts.js + parts.wasm + parts.data, wasmRaw: readFileSync(join(dir, wasm)).length };
}

// Long tasks are observed from before the page's first script (buffered), so hydration's
// task is counted wherever it falls.
const OBSERVE = () => {
  window.__tasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
};

async function loads(dir, route, island, count = 9) {
  const server = await serve(dir);
  const browser = await launch({ serviceWorkers: 'block' });
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(OBSERVE);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`${server.url}${route}`); await waitForHydration(page); // warm the server
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const runs = [];
    for (let i = 0; i < count; i += 1) {
      await page.goto(`${server.url}${route}`);
      await waitForHydration(page);
      // The island marks itself once its pack has arrived and it has hydrated.
      if (island) await page.waitForFunction(() => document.documentElement.dataset.islandHydratedAt, null, { timeout: 20000 });
      await page.waitForTimeout(300); // tasks that end after the hydration mark
      runs.push(await page.evaluate(() => ({
        hydrated: Number(document.documentElement.dataset.islandHydratedAt || document.documentElement.dataset.hydratedAt),
        longest: Math.max(0, ...window.__tasks),
        blocking: window.__tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      })));
    }
    // Going to another route after the first visit: in a split design a page load, whose
    // files the browser now has (the HTTP cache on), so the same route loaded again.
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    const warm = [];
    for (let i = 0; i < count; i += 1) {
      await page.goto(`${server.url}${route}`);
      await waitForHydration(page);
      if (island) await page.waitForFunction(() => document.documentElement.dataset.islandHydratedAt, null, { timeout: 20000 });
      warm.push(await page.evaluate(() => Number(document.documentElement.dataset.islandHydratedAt || document.documentElement.dataset.hydratedAt)));
    }
    return { hydrated: median(runs.map((r) => r.hydrated)), longest: median(runs.map((r) => r.longest)), blocking: median(runs.map((r) => r.blocking)), warm: median(warm) };
  } finally {
    await browser.close();
    await server.stop();
  }
}

// Going to another route inside the shipped app (one module): a tap on the header's link
// until the new page is painted, at 4x CPU, back and forth `count` times; online (service
// worker off) and offline (the service worker installed, the network cut).
async function routeChanges(route, other, count = 9) {
  const server = await serve(join(ROOT, 'dist'));
  const figures = {};
  for (const mode of ['online', 'offline']) {
    const browser = await launch({ serviceWorkers: mode === 'online' ? 'block' : 'allow' });
    try {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await page.goto(`${server.url}${route}`); await waitForHydration(page);
      if (mode === 'offline') {
        await page.evaluate(async () => { await navigator.serviceWorker.ready; });
        await page.reload(); await waitForHydration(page);
        await browser.context.setOffline(true);
      }
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const times = [];
      for (let i = 0; i < count * 2; i += 1) {
        const to = i % 2 === 0 ? other : route;
        times.push(await page.evaluate(async (href) => {
          const link = document.querySelector(`.site-header a[href="${href}"]`);
          const heading = () => document.querySelector('main h1')?.textContent;
          const before = heading();
          const start = performance.now();
          link.click();
          // Yew renders the new page in a task after the click: look before every frame.
          await new Promise((resolve) => {
            const check = () => (location.pathname === href && heading() && heading() !== before ? resolve() : requestAnimationFrame(check));
            check();
          });
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          return performance.now() - start;
        }, to));
      }
      figures[mode] = median(times);
    } finally {
      await browser.close();
    }
  }
  await server.stop();
  return figures;
}

const rows = [];
for (const [page, route] of [['reader', '/reader'], ['differential', '/differential']]) {
  for (const [design, dir, island] of [
    ['as shipped: one module, every page', join(ROOT, 'dist'), false],
    [`one module per route: only ${route}'s page`, join(spike, page), false],
    [`islands: only ${route}'s page hydrated, the pack a file it fetches`, join(spike, `island-${page}`), true],
  ]) {
    const size = transfer(dir, route);
    const time = await loads(dir, route, island);
    // One module: a client-side route change; a split design: a page load from cache.
    const change = dir === join(ROOT, 'dist') ? await routeChanges(route, route === '/reader' ? '/differential' : '/reader') : null;
    rows.push({ route, design, size, time, change });
    console.log(route, design, kb(size.total), rows.at(-1).time);
  }
}
const floor = (() => { try { return ['yew-floor_bg.wasm', 'yew-floor.js'].map((f) => gz(join(ROOT, 'tools', 'yew-floor', 'dist', f))).reduce((a, b) => a + b); } catch { return null; } })();
const seed = (() => { try { const out = execFileSync('sh', ['-c', `ls -t ${ROOT}/target/wasm32-unknown-unknown/release/build/casebook-*/out/seed.casepack.bin | head -1`]).toString().trim(); return gz(out); } catch { return null; } })();
const chromium = execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version']).toString().trim();
const lines = [
  '# Route split: the measurement',
  '',
  `Written by \`scripts/spike-split.sh\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus().length} × ${cpus()[0].model.split(' ').slice(0, 2).join(' ')}, ${Math.round(totalmem() / 2 ** 30)} GiB; ${chromium}. Figures move with the machine; no test asserts on them. The decision they support is in ARCHITECTURE.md.`,
  '',
  'First visit of a route: its HTML (with the inline CSS), boot.js, the app\'s JS and wasm, and for the islands the pack\'s file, gzip -9. Loads: Chromium, 4× CPU, cache and service worker off, localhost, 9 loads, median; hydrated is navigation start until the app marks itself hydrated; blocking is the sum over 50 ms of each main-thread task. To another route: in the shipped app, a tap on the header\'s link to the other route until the new page is painted (4× CPU, 18 changes, median; offline with the service worker installed and the network cut); in a split design every route is its own page, so a route change is a page load, measured as the route loaded again with the browser\'s cache on, until hydrated (9 loads, median; the pack file and module already cached).',
  '',
  '| route | design | HTML | JS | wasm | pack file | first visit (target ≤ 200 KB) | wasm raw | hydrated | longest task (target ≤ 50 ms) | blocking | to another route (target ≤ 100 ms) |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.route} | ${r.design} | ${kb(r.size.html)} | ${kb(r.size.js + r.size.boot)} | ${kb(r.size.wasm)} | ${r.size.data ? kb(r.size.data) : 'in the wasm'} | ${kb(r.size.total)} | ${kb(r.size.wasmRaw)} | ${ms(r.time.hydrated)} | ${ms(r.time.longest)} | ${ms(r.time.blocking)} | ${r.change ? `in the app: ${ms(r.change.online)} online, ${ms(r.change.offline)} offline` : `a page load: ${ms(r.time.warm)} (files cached)`} |`),
  '',
  ...(floor ? [`For scale: the smallest hydrated Yew 0.23 app with a router (\`tools/yew-floor\`, built by \`scripts/bench.sh\`), wasm and JS: ${kb(floor)} gzip.`] : []),
  ...(seed ? [`The built-in case's encoding, embedded in the app's wasm: ${kb(seed)} gzip (what moving the data out of the module would take off a first visit, and add back as a file the route fetches).`] : []),
  '',
];
writeFileSync(join(ROOT, 'docs', 'route-split-figures.md'), lines.join('\n'));
console.log(lines.join('\n'));
