import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_PASSWORD } from '@switchboard/db/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from '../paths';

export const webDist = join(repoRoot, 'apps/web/dist');
export const widgetDist = join(repoRoot, 'apps/widget/dist');

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium not found at ${executablePath}; install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  if (!existsSync(join(webDist, 'index.html')))
    throw new Error('The web app is not built; run `pnpm --filter @switchboard/web build`.');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export async function signInAgent(
  page: Page,
  apiUrl: string,
  email: string,
  password = TEST_PASSWORD,
): Promise<void> {
  await page.goto(apiUrl);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Waits for the web app's realtime connection, so that what happens from now on shows up live. */
export async function waitForRealtime(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('realtime-status').getAttribute('data-state'), {
      timeout: 10_000,
    })
    .toBe('connected');
}
