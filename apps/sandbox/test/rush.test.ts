import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, startSandbox, type Receiver, type RunningSandbox } from './helpers';

describe('a busy day on demand', () => {
  let sandbox: RunningSandbox;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({
      smsUrl: `${receiver.url}/webhooks/twilio/inbox-1`,
      metaWebhookUrl: `${receiver.url}/webhooks/whatsapp/inbox-2`,
    });
  });
  afterAll(async () => {
    await sandbox.app.close();
    await receiver.close();
  });

  const rush = (body: unknown) =>
    fetch(`${sandbox.url}/sandbox/rush`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('has new customers write to every business number, each from their own phone', async () => {
    const response = await rush({ count: 10, spreadMs: 0 });
    expect(response.status).toBe(202);
    const { scheduled } = (await response.json()) as { scheduled: Array<{ from: string }> };
    expect(new Set(scheduled.map((entry) => entry.from)).size).toBe(10);

    const webhooks = await receiver.waitFor(10, 5000);
    const twilio = webhooks.filter((webhook) => webhook.url.includes('/webhooks/twilio/'));
    const meta = webhooks.filter((webhook) => webhook.url.includes('/webhooks/whatsapp/'));
    // Three Twilio numbers (SMS on two accounts, one WhatsApp sender) and two Cloud API numbers.
    expect(twilio).toHaveLength(6);
    expect(meta).toHaveLength(4);
    for (const webhook of twilio) expect(webhook.params.Body).toBeTruthy();
  });

  it('refuses a rush larger than the sandbox allows, with a clear error', async () => {
    const response = await rush({ count: 5000 });
    expect(response.status).toBe(400);
  });
});
