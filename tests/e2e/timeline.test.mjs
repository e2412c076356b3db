// The drawn timeline at tablet sizes: zoom by pinch, wheel, buttons and keys; select by
// tap and by keyboard; the details show the quote and link to the paper; labels do not
// overlap on screen; filters and highlight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sharedServer, waitForHydration } from './browser.mjs';

const server = sharedServer();

const VIEWPORTS = [{ width: 768, height: 1024 }, { width: 1024, height: 768 }, { width: 390, height: 844 }];

/** The visible axis window, read from the tick labels' positions. */
const tickLabels = (page) => page.locator('.timeline-svg .tick').allTextContents();

/**
 * Asserts, from the drawn boxes, that no label overlaps another label or any mark (dot,
 * ring, bar, arrow), and that no label and no dot or ring is cut off at the drawing's
 * edges. Bars and open ends may run past an edge when zoomed in (they are spans of time).
 */
async function assertNoOverlap(page) {
  const drawn = await page.evaluate(() => {
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    };
    const svg = box(document.querySelector('.timeline-svg'));
    const labels = [...document.querySelectorAll('.timeline-svg .mark-label')].map((t) => ({ ...box(t), text: t.textContent }));
    const marks = [...document.querySelectorAll('.timeline-svg .mark')].flatMap((g) => [...g.querySelectorAll('.dot, .ring, .arrow, .bound, .open-line, .range-bar, .interval-bar')]
      .map((m) => ({ ...box(m), text: `${g.dataset.event} (${m.getAttribute('class')})`, point: m.matches('.dot, .ring') })));
    return { svg, labels, marks };
  });
  const { svg, labels, marks } = drawn;
  const overlap = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
  assert.ok(labels.length > 0, 'labels are drawn');
  for (let i = 0; i < labels.length; i += 1) {
    const a = labels[i];
    assert.ok(a.x >= svg.x - 0.5 && a.x + a.w <= svg.x + svg.w + 0.5, `"${a.text}" is cut off at an edge`);
    for (let j = i + 1; j < labels.length; j += 1) {
      assert.ok(!overlap(a, labels[j]), `"${a.text}" overlaps "${labels[j].text}"`);
    }
    for (const mark of marks) assert.ok(!overlap(a, mark), `"${a.text}" overlaps the mark of ${mark.text}`);
  }
  for (const mark of marks.filter((m) => m.point)) {
    assert.ok(mark.x >= svg.x - 0.5 && mark.x + mark.w <= svg.x + svg.w + 0.5, `${mark.text} is cut off at an edge`);
  }
}

for (const viewport of VIEWPORTS) {
  test(`timeline at ${viewport.width}×${viewport.height}: labels, pinch, keys, selection`, async () => {
    const browser = await launch({ viewport, serviceWorkers: 'block', hasTouch: true });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/timeline`);
      await waitForHydration(page);
      const svg = page.locator('.timeline-svg');
      // The drawing is laid out at the width it is shown at.
      await page.waitForFunction(() => {
        const s = document.querySelector('.timeline-svg');
        return Math.abs(s.getBoundingClientRect().width - Number(s.getAttribute('width'))) < 2;
      });
      assert.equal(await page.locator('.timeline-svg .mark').count(), 44, 'every event is drawn');
      await assertNoOverlap(page);
      // On a touch screen every mark's target (its row under mark and label) is at least
      // 44 × 44 pixels, and no two targets overlap.
      await page.waitForFunction(() => document.querySelector('.timeline-svg .mark .hit').getBoundingClientRect().height >= 44);
      const targets = await page.evaluate(() => [...document.querySelectorAll('.timeline-svg .mark')].map((g) => {
        const r = g.querySelector('.hit').getBoundingClientRect();
        return { x: r.left, y: r.top, w: r.width, h: r.height, id: g.dataset.event };
      }));
      for (const [i, t] of targets.entries()) {
        assert.ok(t.h >= 44 - 0.01 && (viewport.width < 700 || t.w >= 44), `the target of ${t.id} is ${t.w}×${t.h}`);
        for (const u of targets.slice(i + 1)) {
          const apart = t.x + t.w <= u.x + 0.5 || u.x + u.w <= t.x + 0.5 || t.y + t.h <= u.y + 0.5 || u.y + u.h <= t.y + 0.5;
          assert.ok(apart, `the targets of ${t.id} and ${u.id} overlap`);
        }
      }

      // Pinch out with two fingers (CDP touch events become pointer events).
      const box = await svg.boundingBox();
      const cdp = await page.context().newCDPSession(page);
      const y = box.y + 60;
      const cx = box.x + box.width * 0.5;
      const touch = (type, spread) => cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x: cx - spread, y, id: 1 }, { x: cx + spread, y, id: 2 }],
      });
      const marksBefore = await page.evaluate(() => document.querySelectorAll('.timeline-svg .mark').length);
      await touch('touchStart', 20);
      for (let spread = 30; spread <= 200; spread += 10) await touch('touchMove', spread);
      await touch('touchEnd', 0);
      await page.waitForFunction((n) => document.querySelectorAll('.timeline-svg .mark').length < n, marksBefore);
      await assertNoOverlap(page);

      // Keyboard: a skip link, first met before the chart's many stops, leads past them.
      await page.locator('.timeline-tools button').last().focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: /^Skip the chart/ });
      if (!(await skip.evaluate((e) => e === document.activeElement))) await skip.focus();
      assert.ok(await skip.isVisible(), 'the skip link shows when focused');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#list-heading');

      // Keyboard: Home shows the whole course again, + zooms in, arrows pan.
      await page.locator('.chart-frame').focus();
      await page.keyboard.press('Home');
      await page.waitForFunction(() => document.querySelectorAll('.timeline-svg .mark').length === 44);
      const ticksWhole = await tickLabels(page);
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      await page.waitForFunction((t) => [...document.querySelectorAll('.timeline-svg .tick')].map((e) => e.textContent).join() !== t, ticksWhole.join());
      const ticksZoomed = await tickLabels(page);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((t) => [...document.querySelectorAll('.timeline-svg .tick')].map((e) => e.textContent).join() !== t, ticksZoomed.join());
      await assertNoOverlap(page);

      // The acute-phase preset: hours and days on the axis, no years.
      await page.getByRole('button', { name: 'Acute phase' }).tap();
      // At tablet widths the first day is marked "+1 d"; on a phone it may be too close
      // to "0" for a label, and a later hour or day is marked instead.
      const dayTick = viewport.width >= 700 ? '^\\+1 d$' : '^\\+\\d+ (d|h)$';
      await page.waitForFunction((pattern) => [...document.querySelectorAll('.timeline-svg .tick')].some((e) => new RegExp(pattern).test(e.textContent)), dayTick);
      assert.ok((await tickLabels(page)).every((label) => !label.endsWith(' y')));
      await assertNoOverlap(page);

      // Tap an event's mark: its details show its quote and a link to the paper.
      const mark = page.locator('.mark[data-event="haemoptysis"] .mark-label');
      await mark.tap();
      await page.waitForURL(`${server.url}/timeline/haemoptysis`);
      const details = page.locator('.event-details');
      await details.getByRole('heading', { name: /haemoptysis/i }).waitFor();
      assert.match(await details.locator('blockquote').textContent(), /coughing up bright red blood/);
      assert.match(await details.locator('a.in-paper').getAttribute('href'), /^\/reader#q-[0-9a-f]{8}$/);
      // The tapped event stays in sight, uncovered by its details: above them where they
      // are a sheet at the foot of the screen, beside them on a wide screen.
      await page.waitForFunction(() => {
        const m = document.querySelector('.timeline-svg .mark[data-event="haemoptysis"]').getBoundingClientRect();
        const sheet = document.querySelector('.event-details').getBoundingClientRect();
        const apart = m.bottom <= sheet.top || m.right <= sheet.left;
        return apart && m.top >= 0 && m.bottom <= innerHeight;
      });
      const placed = await page.evaluate(() => {
        const frame = document.querySelector('.chart-frame').getBoundingClientRect();
        const sheet = document.querySelector('.event-details').getBoundingClientRect();
        return { beside: sheet.left >= frame.right, bottom: sheet.bottom, top: sheet.top, height: innerHeight, header: document.querySelector('.site-header').getBoundingClientRect().bottom };
      });
      // Landscape tablets and wider: a column beside the drawing, wholly on screen below
      // the header, so the drawing keeps its full height; narrower: a sheet.
      assert.equal(placed.beside, viewport.width >= 992, `details beside the drawing at ${viewport.width} px`);
      if (placed.beside) {
        assert.ok(placed.top >= placed.header && placed.bottom <= placed.height, JSON.stringify(placed));
        // The last event on the drawing, and an event chosen in the list below it: the
        // column is still wholly in view under the header, its title and Close with it.
        const inView = () => page.evaluate(() => {
          const sheet = document.querySelector('.event-details').getBoundingClientRect();
          return sheet.top >= document.querySelector('.site-header').getBoundingClientRect().bottom && sheet.bottom <= innerHeight;
        });
        const last = page.locator('.timeline-svg .mark').last();
        await last.scrollIntoViewIfNeeded();
        await last.tap();
        await page.waitForFunction(() => location.pathname !== '/timeline/haemoptysis');
        await page.waitForTimeout(200);
        assert.ok(await inView(), 'the column is in view for the last mark');
        const listed = page.locator('.event-list .event-label a').nth(5);
        await listed.scrollIntoViewIfNeeded();
        await listed.tap();
        await page.waitForTimeout(200);
        assert.ok(await inView(), 'the column is in view beside the list');
        assert.ok(await page.locator('.event-details .details-close').isVisible());
      }

      // Keyboard selection: focus another mark and press Enter.
      await page.locator('.mark[data-event="ctpa"]').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${server.url}/timeline/ctpa`);
      await details.locator('h2', { hasText: /CT/ }).waitFor();
      // Escape closes the details and gives the focus back to the mark.
      await page.keyboard.press('Escape');
      await page.waitForURL((url) => url.pathname === '/timeline');
      await page.waitForFunction(() => document.activeElement?.dataset?.event === 'ctpa');
      await page.close();
    } finally {
      await browser.close();
    }
  });
}

test('the wheel zooms about the cursor; lanes filter; the highlight marks matches', async () => {
  const browser = await launch({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block', hasTouch: false });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/timeline`);
    await waitForHydration(page);
    const box = await page.locator('.timeline-svg').boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + 80);
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction(() => document.querySelectorAll('.timeline-svg .mark').length < 44);
    assert.equal(await page.evaluate(() => window.scrollY), scrollBefore, 'the page does not scroll while zooming');
    // Hide the lab lane: its marks and list entries go.
    await page.locator('.filters > summary').click();
    await page.locator('.lane-picker label', { hasText: 'Laboratory' }).click();
    await page.waitForFunction(() => !document.querySelector('.timeline-svg .mark.lane-lab') && !document.querySelector('.event.lane-lab'));
    // Highlight: matching events are marked in the list and the drawing.
    await page.getByLabel('Highlight events containing').fill('bronchoscopy');
    await page.locator('.event.match').first().waitFor();
    assert.ok(await page.locator('#event-bronchoscopy.match').count() === 1);
    await page.getByText(/events? match/).waitFor();
    await page.close();
  } finally {
    await browser.close();
  }
});

test('the switch to a linear axis keeps the same span of time in view', async () => {
  const browser = await launch({ serviceWorkers: 'block' });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/timeline`);
    await waitForHydration(page);
    await page.getByRole('button', { name: 'Acute phase' }).tap();
    await page.waitForFunction(() => [...document.querySelectorAll('.timeline-svg .tick')].some((e) => e.textContent === '+1 d'));
    await page.getByLabel(/Linear/).check();
    await page.waitForFunction(() => !document.querySelector('.axis-break'));
    const labels = await tickLabels(page);
    assert.ok(labels.some((label) => /^\+\d+ (d|h)$/.test(label)), labels.join());
    await assertNoOverlap(page);
    // The whole course on the linear axis: the crisis is a sliver, and still nothing
    // overlaps or is cut off.
    await page.getByRole('button', { name: 'Whole course' }).tap();
    await page.waitForFunction(() => document.querySelectorAll('.timeline-svg .mark').length === 44);
    await assertNoOverlap(page);
    await page.close();
  } finally {
    await browser.close();
  }
});

test('the view is in the address: a link shows the same span on the same axis, a bad one says so', async () => {
  const browser = await launch({ serviceWorkers: 'block' });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/timeline?axis=linear&from=0&to=48`);
    await waitForHydration(page);
    await page.waitForFunction(() => document.querySelectorAll('input[name=scale]')[1].checked);
    await page.waitForFunction(() => [...document.querySelectorAll('.timeline-svg .tick')].some((e) => e.textContent === '+1 d'));
    assert.ok((await tickLabels(page)).every((label) => !label.endsWith(' y')), 'two days, not years');
    // Zooming keeps the address up to date; the whole course clears it.
    await page.getByRole('button', { name: 'Zoom in' }).tap();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('to') !== '48');
    assert.equal(new URL(page.url()).searchParams.get('axis'), 'linear');
    await page.getByRole('button', { name: 'Whole course' }).tap();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('from'));
    // A link that is not two numbers: said, and the whole course shown.
    await page.goto(`${server.url}/timeline?from=soon&to=later`);
    await waitForHydration(page);
    await page.getByText(/view of the timeline could not be read \(from “soon” to “later”\)/).waitFor();
    await page.close();
  } finally {
    await browser.close();
  }
});

test('a measurement card draws a labelled number line only where it says something', async () => {
  const browser = await launch({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/timeline`);
    await waitForHydration(page);
    const cards = await page.evaluate(() => [...document.querySelectorAll('.measure-card')].map((card) => ({
      name: card.querySelector('.measure-name').textContent,
      range: card.querySelector('.measure-range').textContent,
      gauge: !!card.querySelector('.gauge'),
      band: !!card.querySelector('.gauge-band'),
      ticks: [...card.querySelectorAll('.gauge-tick text')].map((t) => t.textContent),
      dots: card.querySelectorAll('.gauge-dot').length,
      key: card.querySelector('.gauge-key')?.textContent ?? '',
      value: card.querySelector('.measure-value').textContent,
    })));
    assert.ok(cards.length > 5, 'the cards are drawn');
    for (const card of cards) {
      if (!card.gauge) continue;
      assert.ok(card.ticks.length > 0 && card.ticks.every((t) => /\d/.test(t)), `${card.name}: the line has numbers`);
      assert.ok(card.band ? /Shaded: the reference range/.test(card.key) : card.dots > 1, `${card.name}: a band or a trend, said in its key`);
    }
    // A lone value with no reference range gets no line (it would be a dot on nothing).
    const lone = cards.filter((c) => /not reported/.test(c.range) && !/\u2192/.test(c.value));
    assert.ok(lone.length > 0 && lone.every((c) => !c.gauge), 'no line for a lone value without a range');
    // A series with a reference range shows it shaded, with its limits as ticks.
    assert.ok(cards.some((c) => c.band && c.ticks.length === 2), 'a range is drawn with both its limits');
    await page.close();
  } finally {
    await browser.close();
  }
});

test('a tap on a mark where the sheet will open selects that mark, not what the sheet puts under the finger', async () => {
  const browser = await launch({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block', hasTouch: true });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/timeline`);
    await waitForHydration(page);
    // Bring a mark to the foot of the screen, where the details sheet opens.
    const label = page.locator('.mark[data-event="haemoptysis"] .mark-label');
    await label.scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const r = document.querySelector('.mark[data-event="haemoptysis"] .mark-label').getBoundingClientRect();
      window.scrollBy(0, r.top - innerHeight * 0.85);
    });
    const box = await label.boundingBox();
    assert.ok(box.y > 1024 * 0.6, `the label is low on the screen (${box.y})`);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(`${server.url}/timeline/haemoptysis`);
    await page.locator('.event-details').getByRole('heading', { name: /haemoptysis/i }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).pathname, '/timeline/haemoptysis', 'no link in the sheet was followed');
    await page.close();
  } finally {
    await browser.close();
  }
});
