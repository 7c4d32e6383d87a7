// Debian's Chromium through playwright-core (never a downloaded browser), headless, with the
// flags that keep it off the network, and a scratch profile removed on close.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A launched browser; `close()` also removes its scratch profile. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM, args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') },
  });
  return { browser, async close() { await browser.close(); fs.rmSync(home, { recursive: true, force: true }); } };
}
