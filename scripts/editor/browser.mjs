// Debian's Chromium driven by playwright-core (never `playwright install`: it downloads a browser).
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './paths.mjs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * A fresh browser profile in `profileDir` (removed first) and its first page.
 * @param {{ profileDir: string, viewport?: { width: number, height: number }, deviceScaleFactor?: number }} o
 */
export async function launchBrowser(o) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium: install the chromium package or set CHROMIUM');
  fs.rmSync(o.profileDir, { recursive: true, force: true });
  const ctx = await chromium.launchPersistentContext(o.profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: o.viewport ?? { width: 1400, height: 850 },
    deviceScaleFactor: o.deviceScaleFactor ?? 1,
    colorScheme: 'dark',
    timeout: 60000,
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  return { ctx, page };
}
