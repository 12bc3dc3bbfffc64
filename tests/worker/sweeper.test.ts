import { schema } from '@switchboard/db';
import { startTestSystem, waitFor, type TestSystem } from '@switchboard/stack/testing';
import {
  closeWorkerDeps,
  createWorkerDeps,
  maintenanceSweep,
  startWorkers,
} from '@switchboard/worker';
import { eq, sql } from 'drizzle-orm';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: TestSystem;
let inbox: { id: string; address: string };
let workspaceId: string;

beforeAll(async () => {
  // No worker: jobs pile up in Redis, as when every worker is down.
  system = await startTestSystem({ worker: false });
  workspaceId = (await system.make.workspace()).id;
  inbox = await system.smsInbox(workspaceId);
});
afterAll(() => system.stop());

function signedText(from: string, body: string, sid: string) {
  const fields = {
    MessageSid: sid,
    SmsSid: sid,
    AccountSid: system.twilioAccount.accountSid,
    From: from,
    To: inbox.address,
    Body: body,
    NumMedia: '0',
  };
  const path = `/webhooks/twilio/${inbox.id}`;
  return fetch(system.apiUrl + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(
        system.twilioAccount.authToken,
        system.apiUrl + path,
        fields,
      ),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('the sweeper', () => {
  it('processes an acknowledged webhook whose job was lost with Redis', async () => {
    const sid = `SM${'a'.repeat(32)}`;
    expect((await signedText('+15005550301', 'Sent while Redis lost its data', sid)).status).toBe(
      200,
    );

    const deps = createWorkerDeps(system.config);
    try {
      // Redis loses every queued job; the event survives in Postgres.
      await deps.enqueuer.queue('inbound').obliterate({ force: true });
      await system.db.db
        .update(schema.inboundEvents)
        .set({ receivedAt: sql`now() - interval '5 minutes'` });

      const workers = await startWorkers(deps);
      try {
        const swept = await maintenanceSweep({ data: {} } as never, deps);
        expect(swept).toMatchObject({ events: 1 });
        const message = await waitFor(
          async () => {
            const [row] = await system.db.db
              .select()
              .from(schema.messages)
              .where(eq(schema.messages.providerMessageId, sid));
            return row;
          },
          { what: 'the swept message' },
        );
        expect(message.text).toBe('Sent while Redis lost its data');
        const [event] = await system.db.db.select().from(schema.inboundEvents);
        expect(event?.processedAt).not.toBeNull();
      } finally {
        await workers.close();
      }
    } finally {
      await closeWorkerDeps(deps);
    }
  });

  it('is scheduled again when Redis comes back without its schedule', async () => {
    const deps = createWorkerDeps(system.config);
    const workers = await startWorkers(deps);
    try {
      const maintenance = deps.enqueuer.queue('maintenance');
      expect(await maintenance.getJobSchedulersCount()).toBe(1);
      // A Redis restarted without persistence has forgotten it; the worker reconnects.
      await maintenance.removeJobScheduler('maintenance.sweep');
      deps.redis.disconnect(true);
      await waitFor(
        async () => ((await maintenance.getJobSchedulersCount()) === 1 ? true : undefined),
        {
          what: 'the sweeper scheduled again',
        },
      );
    } finally {
      await workers.close();
      await closeWorkerDeps(deps);
    }
  });
});
