import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** CHROMIUM_PATH wins; then a browser installed by `npx playwright-core install chromium`; then the system's. */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    chromium.executablePath(),
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) {
    throw new Error(
      'No Chromium found: set CHROMIUM_PATH or run `npx playwright-core install chromium`.',
    );
  }
  return found;
}
