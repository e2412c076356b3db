// Screenshots of every view at the three sizes users have (768x1024, 1024x768, 390x844),
// light and dark, into screenshots/ (not committed). Build dist/ first.
// Usage: node scripts/screenshots.mjs [route ...]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, waitForHydration, watchConsole, ROOT } from '../tests/e2e/browser.mjs';

const routes = process.argv.slice(2).length ? process.argv.slice(2)
  : ['/', '/timeline', '/timeline/haemoptysis', '/compare', '/differential', '/reader', '/search', '/study', '/sources', '/nope'];
const sizes = [[768, 1024], [1024, 768], [390, 844]];
const out = join(ROOT, 'screenshots');
mkdirSync(out, { recursive: true });
const server = await serve();
try {
  for (const scheme of ['light', 'dark']) {
    for (const [width, height] of sizes) {
      const browser = await launch({ viewport: { width, height }, colorScheme: scheme, serviceWorkers: 'block' });
      const page = await browser.context.newPage();
      const messages = watchConsole(page);
      for (const route of routes) {
        await page.goto(server.url + route);
        await waitForHydration(page);
        const name = `${(route.replace(/\//g, '_') || '_')}-${width}x${height}-${scheme}.png`;
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
