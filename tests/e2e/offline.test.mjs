// After one visit every route works offline, served by the service worker, with the
// server stopped. A control run with service workers blocked fails the same reload, so
// the test cannot pass vacuously.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, waitForHydration, ROUTES, visitUntilControlled } from './browser.mjs';

async function visitOnce(browser, server) {
  const page = await browser.context.newPage();
  await visitUntilControlled(page, `${server.url}/`);
  assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true, 'the worker controls the page');
  return page;
}

test('every route reloads and works offline after one visit', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const page = await visitOnce(browser, server);
    await browser.context.setOffline(true);
    await server.stop();
    for (const [route, heading] of [...ROUTES, ['/timeline/bronchoscopy', 'Timeline']]) {
      const response = await page.goto(server.url + route);
      assert.ok(response, `${route} answered`);
      assert.equal(response.fromServiceWorker(), true, `${route} came from the service worker`);
      await waitForHydration(page);
      assert.equal(await page.locator('h1').first().textContent(), heading);
      assert.equal(await page.locator('#crash').isHidden(), true);
    }
    // An event page never visited online opens with its event selected.
    await page.goto(`${server.url}/timeline/bal-cells`);
    await page.locator('#event-bal-cells[aria-current="true"]').waitFor();
    // And it is usable: navigate by a link, offline.
    await page.goto(`${server.url}/`);
    await waitForHydration(page);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Sources' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sources' }).waitFor();
    // A query string still finds the cached page.
    const search = await page.goto(`${server.url}/search?q=haemoptysis`);
    assert.equal(search.fromServiceWorker(), true);
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('control: with service workers blocked, the same offline reload fails', async () => {
  const server = await serve();
  const browser = await launch({ serviceWorkers: 'block' });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await waitForHydration(page);
    await browser.context.setOffline(true);
    await server.stop();
    await assert.rejects(page.goto(`${server.url}/timeline`), /ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|net::/);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a first visit fetches only its own files: the precache (the importer among it) waits until the app has started', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const requests = [];
    // Requests from the page and from its service worker, each with the time it was made.
    browser.context.on('request', (request) => requests.push({ url: request.url(), at: Date.now() }));
    await page.goto(`${server.url}/differential`);
    await waitForHydration(page);
    const hydrated = Date.now();
    const importer = () => requests.filter((r) => /casebook-importer.*\.wasm$/.test(r.url));
    const others = () => requests.filter((r) => /\/(timeline|reader|compare)\/?$/.test(new URL(r.url).pathname));
    assert.equal(importer().length, 0, 'the importer is not fetched by the first visit');
    assert.equal(others().length, 0, 'nor are other routes\' pages');
    // Once idle, the worker precaches everything for offline use, the importer included.
    await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.ready).active));
    await page.waitForFunction(async () => {
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        if ((await cache.keys()).some((request) => /casebook-importer.*\.wasm$/.test(request.url))) return true;
      }
      return false;
    }, null, { timeout: 20000 });
    assert.ok(importer().every((r) => r.at >= hydrated), 'precached after the app started');
    await page.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
