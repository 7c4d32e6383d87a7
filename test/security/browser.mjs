// A page of the tool's output opened in Debian's Chromium (test/lib/chromium.mjs).
import { launchChromium } from '../lib/chromium.mjs';

/** Opens `url` in a fresh headless Chromium, runs `fn(page, seen)`, closes everything. */
export async function withPage(url, fn) {
  const chromium = await launchChromium();
  try {
    const page = await chromium.browser.newPage();
    const seen = { requests: [], errors: [], dialogs: [] };
    page.on('request', (q) => seen.requests.push(q.url()));
    page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
    page.on('pageerror', (e) => seen.errors.push(String(e)));
    page.on('dialog', (d) => { seen.dialogs.push(d.message()); void d.dismiss(); });
    await page.goto(url);
    await fn(page, seen);
    if (seen.dialogs.length) throw new Error(`a dialog opened: ${seen.dialogs.join(', ')}`);
  } finally {
    await chromium.close();
  }
}
