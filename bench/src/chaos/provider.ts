import type { AddressInfo } from 'node:net';
import { buildSandbox, type MessageResource, type SandboxApp } from '@switchboard/sandbox';

export interface TwilioAccount {
  accountSid: string;
  authToken: string;
}

export interface Provider {
  url: string;
  /** Registers the business number on the account, its customers' messages going to `smsUrl`. */
  registerNumber(number: string, smsUrl: string): Promise<void>;
  /** Every message the account created (each a real send to a customer), oldest first. */
  sentMessages(): Promise<MessageResource[]>;
  close(): Promise<void>;
}

/**
 * The Twilio stand-in, in this process: replies really go out through its Messages API and
 * its status callbacks really come back, and what it holds is the customers' view of what
 * was sent, counted per reply.
 */
export async function startProvider(account: TwilioAccount): Promise<Provider> {
  const sandbox: SandboxApp = buildSandbox({
    twilio: { accounts: [account], numbers: [] },
    statusDelayMs: 200,
  });
  await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`;
  const authorization = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;
  return {
    url,
    async registerNumber(number, smsUrl) {
      const response = await fetch(`${url}/sandbox/twilio/numbers`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ number, accountSid: account.accountSid, smsUrl }),
      });
      if (!response.ok) throw new Error(`sandbox refused the number: ${await response.text()}`);
    },
    async sentMessages() {
      const messages: MessageResource[] = [];
      let next: string | null =
        `/2010-04-01/Accounts/${account.accountSid}/Messages.json?PageSize=1000`;
      while (next) {
        const response = await fetch(url + next, { headers: { authorization } });
        const page = (await response.json()) as {
          messages: MessageResource[];
          next_page_uri: string | null;
        };
        messages.push(...page.messages);
        next = page.next_page_uri;
      }
      return messages.reverse();
    },
    close: () => sandbox.close(),
  };
}
