import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../src/index';

const parseFixture = (name: string) =>
  parseEmail(readFileSync(new URL(`./fixtures/email/${name}.eml`, import.meta.url)), {
    maxAttachmentBytes: 1024 * 1024,
    source: 'smtp',
  });

describe('HTML an agent can open safely', () => {
  it('drops scripts, event handlers, forms, frames, objects and meta refresh', async () => {
    const { html } = await parseFixture('unsafe-html');
    expect(html).not.toBeNull();
    for (const dangerous of [
      '<script',
      'document.cookie',
      'onerror',
      'onload',
      'onclick',
      'javascript:',
      '<form',
      '<input',
      '<iframe',
      '<object',
      'http-equiv',
      '<style',
      '<meta',
    ]) {
      expect(html).not.toContain(dangerous);
    }
  });

  it('loads nothing remote: tracker pictures keep their address aside for "show images"', async () => {
    const { html } = await parseFixture('unsafe-html');
    expect(html).toContain(
      '<img width="1" height="1" alt="" data-remote-src="https://tracker.example.net/open.gif?u=42" />',
    );
    expect(html).not.toMatch(/\ssrc="https?:/);
    expect(html).not.toContain('url(');
  });

  it('keeps formatting, tables and safe links that open in a new tab', async () => {
    const { html } = await parseFixture('unsafe-html');
    expect(html).toContain(
      '<p style="color:#333333;font-size:14px">Hello, my invoice is <b>wrong</b>.</p>',
    );
    expect(html).toContain(
      '<a href="https://example.org/help" rel="noopener noreferrer nofollow" target="_blank">the help page</a>',
    );
    // The javascript: link keeps its words and loses its target.
    expect(html).toContain('<a rel="noopener noreferrer nofollow" target="_blank">Click me</a>');
    expect(html).toContain('<table border="1"><tr><th>Item</th><th>Price</th></tr>');
  });

  it('gives HTML-only mail a readable text version', async () => {
    const { text } = await parseFixture('unsafe-html');
    expect(text).toMatch(
      /^Hello, my invoice is wrong\.\n\nClick me or read the help page \[https:\/\/example\.org\/help\]\./,
    );
    expect(text).not.toContain('alert');
    expect(text).not.toContain('tracker');
  });

  it('keeps pictures that came inside the mail as cid: links', async () => {
    const { html } = await parseFixture('inline-image-and-attachment');
    expect(html).toBe(
      '<p>Here is what I see:</p><p><img alt="screenshot" src="cid:logo@example.com" /></p><p>And the invoice is attached.</p>',
    );
  });
});
