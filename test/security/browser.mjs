// Debian's Chromium through playwright-core, for the pages the tool writes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Opens `url` in a fresh headless Chromium, runs `fn(page, seen)`, closes everything. */
export async function withPage(url, fn) {
  const { chromium } = await import('playwright-core');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-sec-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') },
  });
  try {
    const page = await browser.newPage();
    const seen = { requests: [], errors: [], dialogs: [] };
    page.on('request', (q) => seen.requests.push(q.url()));
    page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
    page.on('pageerror', (e) => seen.errors.push(String(e)));
    page.on('dialog', (d) => { seen.dialogs.push(d.message()); void d.dismiss(); });
    await page.goto(url);
    await fn(page, seen);
    if (seen.dialogs.length) throw new Error(`a dialog opened: ${seen.dialogs.join(', ')}`);
  } finally {
    await browser.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
