// Bench only (run by scripts/bench-timeline.sh; no test asserts on time): the app's
// /timeline beside vis-timeline drawing the same events and beside a plain static list
// of them, loaded alternately in one run on one machine. For each: when every event is
// on screen (the first frame in which the page holds all of them: the chart's marks, the
// library's items, the list's entries) and, for the app and vis-timeline, when the page
// is interactive (the app: hydrated; vis-timeline: its constructor has drawn). Chromium,
// 4x CPU, cache and service worker off, localhost, 9 loads each, median. Writes
// docs/timeline-figures.md with the command and the machine.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, waitForHydration, ROOT } from '../tests/e2e/browser.mjs';

const VIS = join(ROOT, 'tools', 'vis-timeline', 'node_modules', 'vis-timeline', 'standalone', 'umd', 'vis-timeline-graph2d.min.js');
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ms = (value) => `${Math.round(value)} ms`;

// Before the page's first script: note the first frame in which the page holds `count`
// elements matching `selector` (a frame's callbacks run just before it is painted).
const WATCH = (pages) => {
  // Keyed by the path without its trailing slash (the host serves /timeline/ and the app
  // then writes /timeline).
  const watched = pages[location.pathname.replace(/\/$/, '')];
  if (!watched) return;
  const { selector, count } = watched;
  // The time read in the callback, not the frame's own timestamp: under a long task the
  // frame's timestamp can be earlier than the script that filled the page.
  const look = () => {
    if (document.querySelectorAll(selector).length >= count) {
      document.documentElement.dataset.onScreenAt = String(Math.round(performance.now()));
    } else {
      requestAnimationFrame(look);
    }
  };
  requestAnimationFrame(look);
};

// The seed's events, read from the shipped app: each event's label and time as the list
// says them, and its place on the app's linear axis, for vis-timeline's dates.
async function readEvents(server) {
  const browser = await launch({ viewport: { width: 1600, height: 1000 }, serviceWorkers: 'block', hasTouch: false });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/timeline?axis=linear`);
    await waitForHydration(page);
    await page.waitForFunction(() => document.querySelector('input[name="scale"]:checked')?.closest('label')?.textContent.includes('Linear'));
    await page.waitForTimeout(300);
    return await page.evaluate(() => {
      const width = document.querySelector('.timeline-svg').viewBox.baseVal.width || document.querySelector('.timeline-svg').getBoundingClientRect().width;
      return [...document.querySelectorAll('.timeline-svg .mark')].map((mark) => {
        const id = mark.dataset.event;
        const entry = document.getElementById(`event-${id}`);
        const circle = mark.querySelector('circle');
        const bound = mark.querySelector('.bound');
        const bar = mark.querySelector('rect:not(.hit)');
        let start; let end = null;
        if (bar) { start = bar.x.baseVal.value; end = start + bar.width.baseVal.value; } else if (circle) { start = circle.cx.baseVal.value; } else if (bound) { start = bound.x1.baseVal.value; } else { start = mark.querySelector('.hit').x.baseVal.value; }
        return {
          id,
          label: entry?.querySelector('.event-label')?.textContent.trim() || mark.getAttribute('aria-label').split(':')[0],
          time: entry?.querySelector('time')?.textContent.trim() || '',
          start: start / width,
          end: end === null ? null : end / width,
        };
      });
    });
  } finally {
    await browser.close();
  }
}

function writePages(dir, events) {
  const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">';
  execFileSync('mkdir', ['-p', join(dir, 'plain'), join(dir, 'vis')]);
  writeFileSync(join(dir, 'index.html'), `${head}<title>Bench</title></head><body><a href="/plain/">plain</a> <a href="/vis/">vis</a></body></html>`);
  writeFileSync(join(dir, 'plain', 'index.html'), `${head}<title>Events</title><style>body{font:16px/1.5 sans-serif;margin:2rem}</style></head><body><h1>Timeline</h1><ol>${events.map((e) => `<li class="event"><time>${escape(e.time)}</time> ${escape(e.label)}</li>`).join('')}</ol></body></html>`);
  // Dates only place the items as on the app's linear axis (seven years across the
  // drawing): vis-timeline needs dates, and these are never shown as the case's.
  const from = Date.UTC(2012, 0, 1); const span = Date.UTC(2019, 0, 1) - from;
  const items = events.map((e, index) => ({ id: index, content: e.label, start: new Date(from + e.start * span).toISOString(), ...(e.end === null ? {} : { end: new Date(from + e.end * span).toISOString() }) }));
  copyFileSync(VIS, join(dir, 'vis', 'vis.js'));
  writeFileSync(join(dir, 'vis', 'index.html'), `${head}<title>vis-timeline</title><style>body{font:16px/1.5 sans-serif;margin:2rem}</style></head><body><h1>Timeline</h1><div id="timeline"></div>
<script src="/vis/vis.js"></script>
<script>
const items = ${JSON.stringify(items)};
new vis.Timeline(document.getElementById('timeline'), new vis.DataSet(items), {});
document.documentElement.dataset.hydratedAt = String(Math.round(performance.now()));
document.documentElement.dataset.hydrated = 'true';
</script></body></html>`);
}

async function measure(kinds, count = Number(process.env.BENCH_LOADS || 9)) {
  const browser = await launch({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block', hasTouch: false });
  const figures = Object.fromEntries(kinds.map((k) => [k.name, { onScreen: [], interactive: [] }]));
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(WATCH, Object.fromEntries(kinds.map((k) => [new URL(k.url).pathname.replace(/\/$/, ''), { selector: k.selector, count: k.count }])));
    for (const kind of kinds) { await page.goto(kind.url); } // warm the servers
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    for (let i = 0; i < count; i += 1) {
      for (const kind of kinds) {
        await page.goto(kind.url);
        await page.waitForFunction(() => document.documentElement.dataset.onScreenAt, null, { timeout: 30000 })
          .catch(async (error) => { throw new Error(`${kind.name}: ${await page.evaluate((sel) => document.querySelectorAll(sel).length, kind.selector)} of ${kind.count} found: ${error.message}`); });
        if (kind.interactive) await waitForHydration(page);
        const { onScreen, interactive } = await page.evaluate(() => ({ onScreen: Number(document.documentElement.dataset.onScreenAt), interactive: Number(document.documentElement.dataset.hydratedAt) }));
        figures[kind.name].onScreen.push(onScreen);
        if (kind.interactive) figures[kind.name].interactive.push(interactive);
      }
    }
  } finally {
    await browser.close();
  }
  return Object.fromEntries(Object.entries(figures).map(([name, f]) => [name, { onScreen: median(f.onScreen), interactive: f.interactive.length ? median(f.interactive) : null }]));
}

const app = await serve();
const dir = mkdtempSync(join(tmpdir(), 'casebook-timeline-bench-'));
try {
  const events = await readEvents(app);
  writePages(dir, events);
  const others = await serve(dir);
  try {
    const n = events.length;
    const result = await measure([
      { name: 'app', url: `${app.url}/timeline`, selector: '.timeline-svg .mark', count: n, interactive: true },
      { name: 'plain', url: `${others.url}/plain/`, selector: 'li.event', count: n, interactive: false },
      { name: 'vis', url: `${others.url}/vis/`, selector: '.vis-item', count: n, interactive: true },
    ]);
    const chromium = execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version']).toString().trim();
    const lines = [
      '# The timeline beside vis-timeline and a plain list',
      '',
      `Written by \`scripts/bench-timeline.sh\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus().length} × ${cpus()[0].model.split(' ').slice(0, 2).join(' ')}, ${Math.round(totalmem() / 2 ** 30)} GiB; ${chromium}. Figures move with the machine; no test asserts on them.`,
      '',
      `The seed's ${n} events, drawn by the app's /timeline (prerendered, then hydrated), by vis-timeline 8.5.4 (npm, bench only: \`tools/vis-timeline\`; each event's label, placed as on the app's linear axis) and written as a plain static list (each event's time and label). Chromium at 1024×768, 4× CPU, cache and service worker off, localhost, 9 loads of each in turn, median. On screen: navigation start until the first frame in which the page holds every event (the chart's marks, vis-timeline's items, the list's entries). Interactive: the app hydrated; vis-timeline's constructor returned, its items drawn.`,
      '',
      '| page | every event on screen | interactive |',
      '|---|---|---|',
      `| the app's /timeline | ${ms(result.app.onScreen)} | ${ms(result.app.interactive)} |`,
      `| vis-timeline | ${ms(result.vis.onScreen)} | ${ms(result.vis.interactive)} |`,
      `| plain static list | ${ms(result.plain.onScreen)} | — |`,
      '',
      `Targets (issue #20): interactive ≤ ⅓ of vis-timeline's time to draw its items: ${ms(result.app.interactive)} against ${ms(result.vis.onScreen / 3)} (${(result.app.interactive / result.vis.onScreen).toFixed(2)}× vis-timeline's); events on screen ≤ 1.1× the plain list's: ${(result.app.onScreen / result.plain.onScreen).toFixed(2)}×.`,
      '',
    ];
    writeFileSync(join(ROOT, 'docs', 'timeline-figures.md'), lines.join('\n'));
    console.log(lines.join('\n'));
  } finally {
    await others.stop();
  }
} finally {
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
}
