// Screenshots of every view at the three sizes users have (768x1024, 1024x768, 390x844),
// light and dark, into screenshots/ (not committed). Build dist/ first.
// Usage: node scripts/screenshots.mjs [--pack FILE] [--sizes 768x1024,...] [route ...]
// With --pack, the case pack FILE is opened first (as a user opens one), and every view
// shows it; the file names then start with the pack's file name.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, routeList, serve, waitForHydration, watchConsole, ROOT } from '../tests/e2e/browser.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const pack = option('--pack');
const sizes = (option('--sizes') || '768x1024,1024x768,390x844').split(',').map((size) => size.split('x').map(Number));
const routes = args.length ? args
  : [...routeList().map((route) => route.path), '/nope'];
const prefix = pack ? `${pack.split('/').pop().replace(/\.casepack\.md$/, '')}-` : '';
const out = join(ROOT, 'screenshots');
mkdirSync(out, { recursive: true });
const server = await serve();
try {
  for (const scheme of ['light', 'dark']) {
    for (const [width, height] of sizes) {
      const browser = await launch({ viewport: { width, height }, colorScheme: scheme, serviceWorkers: 'block' });
      const page = await browser.context.newPage();
      const messages = watchConsole(page);
      if (pack) {
        await page.goto(server.url + '/');
        await waitForHydration(page);
        await page.locator('.case-library input[type=file]').setInputFiles(pack);
        await page.getByText(/^Opened: /).waitFor();
      }
      for (const route of routes) {
        await page.goto(server.url + route);
        await waitForHydration(page);
        const name = `${prefix}${(route.replace(/[/?=]/g, '_') || '_')}-${width}x${height}-${scheme}.png`;
        await page.screenshot({ path: join(out, name), fullPage: process.env.FULL === '1' });
      }
      if (messages.length) console.log(`${width}x${height} ${scheme}:`, messages);
      await browser.close();
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await server.stop();
}
