import { describe, expect, it } from 'vitest';
import { buildSandbox, SandboxConfigError } from '../src/index';

describe('the demo shop page', () => {
  it('embeds the chat widget from the api with the demo web chat inbox', async () => {
    const app = buildSandbox({
      shop: { widgetUrl: 'http://localhost:3000/widget.js', inboxId: 'inbox-"1"' },
      mail: { smtpPort: 0 },
    });
    try {
      const page = await app.inject({ url: '/shop' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('Tienda Sol');
      // The inbox id lands in an attribute escaped: it cannot close the tag.
      expect(page.body).toContain(
        '<script src="http://localhost:3000/widget.js" data-inbox="inbox-&quot;1&quot;" async></script>',
      );
    } finally {
      await app.close();
    }
  });

  it('says the chat is not configured when started without it', async () => {
    const app = buildSandbox({ mail: { smtpPort: 0 } });
    try {
      const page = await app.inject({ url: '/shop' });
      expect(page.body).not.toContain('<script src=');
      expect(page.body).toContain('not configured');
    } finally {
      await app.close();
    }
  });

  it('refuses a widget address that is not http(s)', () => {
    expect(() =>
      buildSandbox({ shop: { widgetUrl: 'javascript:alert(1)', inboxId: 'x' } }),
    ).toThrow(SandboxConfigError);
  });
});
