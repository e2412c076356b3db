// Every route's HTML, fetched without running any script, already carries its content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ROUTES, sharedServer } from './browser.mjs';

const server = sharedServer();

for (const [route, heading] of ROUTES) {
  test(`${route} is prerendered with its heading, navigation and disclaimer`, async () => {
    const response = await fetch(server.url + route);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, new RegExp(`<h1>${heading}</h1>`));
    assert.match(html, /aria-label="Views"/);
    assert.match(html, /For education; not for decisions about a patient\./);
    assert.match(html, /<title>[^<]+<\/title>/);
    assert.doesNotMatch(html, /<div id="app"><\/div>/, 'the mount point is filled');
  });
}

test('the timeline HTML lists the events and the overview the five lines', async () => {
  const timeline = await (await fetch(`${server.url}/timeline`)).text();
  assert.ok((timeline.match(/class="event /g) || []).length >= 30, 'events are in the HTML');
  assert.match(timeline, /Four hours later she started coughing up bright red blood tinged sputum without clots\./);
  const overview = await (await fetch(`${server.url}/`)).text();
  assert.match(overview, /The case in five lines/);
  // The overview's registry count carries the caveat beside it.
  assert.match(overview, /14 of 17[^<]*<\/?[^>]*>(.|\n)*?Reported counts, not incidence/);
});

test('an unknown path gets the prerendered not-found page with status 404', async () => {
  const response = await fetch(`${server.url}/no/such/page`);
  assert.equal(response.status, 404);
  assert.match(await response.text(), /<h1>Page not found<\/h1>/);
});

test('no page carries inline script (the CSP forbids it)', async () => {
  for (const [route] of ROUTES) {
    const html = await (await fetch(server.url + route)).text();
    for (const tag of html.match(/<script[^>]*>/g) || []) {
      assert.match(tag, /src=/, `${route}: inline script ${tag}`);
    }
    assert.match(html, /Content-Security-Policy/);
  }
});

test('the overview prints as a one-page case summary on A4, with its source line', async () => {
  const browser = await launch({ serviceWorkers: 'block' });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.emulateMedia({ media: 'print' });
    const summary = page.locator('.case-summary');
    assert.ok(await summary.isVisible(), 'the summary is what prints');
    assert.equal(await page.locator('.view-cards').isVisible(), false, 'the rest of the overview is not printed');
    const text = await summary.textContent();
    for (const part of ['The case', 'Key message', 'The reasoning', 'Work-up', 'Caveats', 'Source:', 'For education']) {
      assert.ok(text.includes(part), part);
    }
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, `the summary fits on one A4 page (got ${pages})`);
    await page.close();
  } finally {
    await browser.close();
  }
});
