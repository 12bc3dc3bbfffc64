import { describe, expect, it } from 'vitest';
import { buildSandbox, SandboxConfigError } from '../src/index';
import { sendAsSwitchboard, SUPPORT_ADDRESS } from './mail-helpers';

describe('the sandbox’s mail options', () => {
  it('listens for SMTP once ready, on any free port unless told one, and says where', async () => {
    const app = buildSandbox({ mail: { supportAddress: SUPPORT_ADDRESS, smtpPort: 0 } });
    expect(() => app.mailPort()).toThrow(/not listening yet/);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      expect(app.mailPort()).toBeGreaterThan(0);
      const settings = await (await fetch(`${url}/sandbox/mail/settings`)).json();
      expect(settings).toEqual({ supportAddress: SUPPORT_ADDRESS, smtpPort: app.mailPort() });
    } finally {
      await app.close();
    }

    // Built in code without mail options, it still runs its SMTP server, on a free port.
    const plain = buildSandbox({});
    await plain.ready();
    try {
      expect(plain.mailPort()).toBeGreaterThan(0);
      expect(plain.mailPort()).not.toBe(2526);
      const settings = await plain.inject({ url: '/sandbox/mail/settings' });
      expect(settings.json()).toEqual({ supportAddress: null, smtpPort: plain.mailPort() });
    } finally {
      await plain.close();
    }
  });

  it('reads a + typed raw into the mailbox query as part of the address', async () => {
    const app = buildSandbox({});
    await app.ready();
    try {
      await sendAsSwitchboard(app.mailPort(), {
        to: 'sam+orders@customer.test',
        subject: 'Hi',
        text: 'Hi',
      });
      const answer = await app.inject({
        url: '/sandbox/mail/mailbox?address=sam+orders@customer.test',
      });
      expect(answer.json().items).toHaveLength(1);
      const bad = await app.inject({ url: '/sandbox/mail/mailbox?address=nobody' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('invalid_input');
    } finally {
      await app.close();
    }
  });

  it('refuses bad mail options in one line', () => {
    expect(() => buildSandbox({ mail: { supportAddress: 'support' } })).toThrow(SandboxConfigError);
    expect(() => buildSandbox({ mail: { deliverTo: { port: 70000 } } })).toThrow(
      /mail\.deliverTo\.port/,
    );
  });
});
