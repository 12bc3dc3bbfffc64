import { signInAgent, useAgentScenario, waitForRealtime } from '@switchboard/stack/testing';
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openChat, startChat, useShop } from './webchat-shop';

const scenario = useAgentScenario({ statusDelayMs: 50 });
const shop = useShop(scenario);

/** A real 1×1 PNG, padded after its end so the upload takes a while on a slow line. */
function photo(bytes: number): Buffer {
  const pixel = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  return Buffer.concat([pixel, Buffer.alloc(Math.max(0, bytes - pixel.length))]);
}

describe('a shopper sends files from the web chat widget', () => {
  it(
    'refuses files over 10 MB and types it cannot take before uploading, and sends a photo with progress the agent sees',
    { timeout: 120_000 },
    async () => {
      const { system, agent } = scenario;
      const { context, page: shopper } = await openChat(scenario.browser, shop);
      const uploads: Request[] = [];
      shopper.on('request', (request) => {
        if (request.url().endsWith('/messages/file')) uploads.push(request);
      });
      const code = await startChat(shopper, {
        name: 'Lucía Pérez',
        contact: 'lucia@example.com',
        firstMessage: 'The hat arrived damaged',
      });
      const picker = shopper.getByTestId('sb-file');
      const refusal = shopper.getByTestId('sb-file-error');

      // Too large: told at once, nothing leaves the browser.
      await picker.setInputFiles({
        name: 'hat-4k.png',
        mimeType: 'image/png',
        buffer: photo(10 * 1024 * 1024 + 1),
      });
      await expect
        .poll(() => refusal.textContent())
        .toBe('“hat-4k.png” is too large: files are limited to 10 MB.');
      // A program is not something the shop should receive.
      await picker.setInputFiles({
        name: 'invoice.exe',
        mimeType: 'application/x-msdownload',
        buffer: Buffer.from('MZ this is not a document'),
      });
      await expect
        .poll(() => refusal.textContent())
        .toBe(
          '“invoice.exe” cannot be sent: only images (JPG, PNG, GIF, WebP), PDF and text files can.',
        );
      expect(await shopper.getByTestId('sb-upload').count()).toBe(0);
      expect(uploads).toHaveLength(0);

      // Dressed up as a picture, it passes the browser but not the server; the widget says why
      // in the shopper's language.
      await picker.setInputFiles({
        name: 'not-a-photo.png',
        mimeType: 'image/png',
        buffer: Buffer.from('MZ this is a program'),
      });
      const refused = shopper
        .getByTestId('sb-upload')
        .and(shopper.locator('[data-state="failed"]'));
      await refused.waitFor({ timeout: 15_000 });
      expect(await refused.textContent()).toContain(
        '“not-a-photo.png” cannot be sent: only images (JPG, PNG, GIF, WebP), PDF and text files can.',
      );
      expect(await refusal.textContent()).toBe('');

      // A real photo on a slow line: the visitor watches it go.
      const devtools = await context.newCDPSession(shopper);
      await devtools.send('Network.enable');
      await devtools.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: 512 * 1024,
      });
      await picker.setInputFiles({
        name: 'damaged-hat.png',
        mimeType: 'image/png',
        buffer: photo(2 * 1024 * 1024),
      });
      const progress = shopper.getByTestId('sb-upload-progress');
      await expect
        .poll(
          async () =>
            Number(await progress.evaluate((bar) => (bar as unknown as { value: number }).value)),
          {
            timeout: 10_000,
            interval: 100,
          },
        )
        .toBeGreaterThan(0);
      expect(
        await progress.evaluate((bar) => (bar as unknown as { value: number }).value),
      ).toBeLessThan(1);
      await devtools.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      // Once filed, it is part of the conversation like any message, shown as a thumbnail.
      const sent = shopper
        .getByTestId('sb-message')
        .filter({ has: shopper.getByAltText('damaged-hat.png') });
      await sent.waitFor({ timeout: 30_000 });
      expect(await sent.getAttribute('data-direction')).toBe('inbound');
      await expect
        .poll(() =>
          sent
            .getByRole('img')
            .evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
        )
        .toBe(1);
      expect(await shopper.getByTestId('sb-upload').filter({ hasText: 'damaged' }).count()).toBe(0);

      // The agent sees the photo in the thread.
      const desk = await scenario.browser.newContext({ locale: 'en-US' });
      const ana = await desk.newPage();
      await signInAgent(ana, system.apiUrl, agent.email);
      await ana.getByTestId('tab-waiting').click();
      await waitForRealtime(ana);
      await ana.locator(`[data-testid="conversation-item"][data-reference="${code}"]`).click();
      const image = ana.getByTestId('message-image');
      await image.waitFor();
      expect(await image.getAttribute('alt')).toBe('damaged-hat.png');
      await expect
        .poll(() =>
          image.evaluate(
            (element) => (element as unknown as { naturalWidth: number }).naturalWidth,
          ),
        )
        .toBe(1);
      // The refused ones never reached anyone.
      expect(await ana.getByText('invoice.exe').count()).toBe(0);
      expect(await ana.getByText('not-a-photo.png').count()).toBe(0);

      await desk.close();
      await context.close();
    },
  );
});
