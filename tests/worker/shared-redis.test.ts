import { randomBytes } from 'node:crypto';
import { startTestSystem, type TestSystem } from '@switchboard/stack/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { incomingSms } from '../api/fixtures';
import { smsScenario, waitForWaitingConversation } from '../api/support';

const running: TestSystem[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.stop();
});

describe('a fresh database on a Redis that outlived the previous one', () => {
  it('processes new texts at once, whatever jobs the old installation left behind', async () => {
    const queuePrefix = `t${randomBytes(5).toString('hex')}`;
    for (const generation of [1, 2]) {
      const system = await startTestSystem({ queuePrefix });
      running.push(system);
      const scenario = await smsScenario(system);
      const phone = `+1500555040${generation}`;
      const response = await system.postTwilio(
        `/webhooks/twilio/${scenario.inbox.id}`,
        incomingSms({
          accountSid: system.twilioAccount.accountSid,
          from: phone,
          to: scenario.inbox.address,
          body: `generation ${generation}`,
        }),
        system.twilioAccount.authToken,
      );
      expect(response.status).toBe(200);
      // Well inside the sweeper's grace period: only the original job can have done it.
      const started = Date.now();
      await waitForWaitingConversation(scenario.client, phone);
      expect(Date.now() - started).toBeLessThan(5_000);
      if (generation === 1) {
        // Keep this generation's finished jobs in Redis, as a restart with a new database would.
        await running.pop()?.stop({ keepRedis: true });
      }
    }
  });
});
