import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { buildApp, closeApiDeps, createApiDeps, type ApiDeps } from '@switchboard/api';
import { loadConfig, type Config } from '@switchboard/config';
import { schema } from '@switchboard/db';
import { createTestDatabase, factories, type TestDatabase } from '@switchboard/db/testing';
import { freePort, waitFor } from '@switchboard/stack/testing';
import { closeWorkerDeps, createWorkerDeps, startWorkers } from '@switchboard/worker';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { incomingSms } from '../api/fixtures';

// A Redis of this file's own, because the test stops it.
let redisPort: number;
let redis: ChildProcess;
let db: TestDatabase;
let config: Config;
let apiDeps: ApiDeps;
let api: Awaited<ReturnType<typeof buildApp>>;

async function startRedis() {
  redis = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const probe = new Redis(redisPort, '127.0.0.1', { lazyConnect: true, retryStrategy: () => 100 });
  probe.on('error', () => {});
  await waitFor(
    () =>
      probe.ping().then(
        (pong) => pong === 'PONG',
        () => false,
      ),
    {
      what: 'redis-server',
    },
  );
  probe.disconnect();
}

beforeAll(async () => {
  redisPort = await freePort();
  await startRedis();
  db = await createTestDatabase(inject('templateDatabaseUrl'), inject('runId'));
  config = loadConfig({
    DATABASE_URL: db.url,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    PUBLIC_URL: 'http://127.0.0.1:1',
    SECRET_KEY: randomBytes(32).toString('hex'),
    QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
    LOG_LEVEL: 'silent',
  });
  apiDeps = createApiDeps(config);
  api = await buildApp(apiDeps, { logger: false });
}, 30_000);

afterAll(async () => {
  await api.close();
  await closeApiDeps(apiDeps);
  redis.kill('SIGKILL');
  await db.drop();
});

describe('while Redis is away', () => {
  it('still acknowledges a signed webhook within seconds, and the message arrives once Redis is back', async () => {
    const make = factories(db.db, config.SECRET_KEY);
    const workspace = await make.workspace();
    const account = { accountSid: `AC${randomBytes(16).toString('hex')}`, authToken: 'token' };
    const inbox = await make.smsInbox(workspace.id, {
      externalId: account.accountSid,
      credentials: account,
    });
    const fields = incomingSms({
      accountSid: account.accountSid,
      from: '+15005550777',
      to: inbox.address,
      body: 'Written while the queue was down',
    });
    const path = `/webhooks/twilio/${inbox.id}`;

    redis.kill('SIGKILL');
    const started = Date.now();
    const response = await api.inject({
      method: 'POST',
      url: path,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(
          account.authToken,
          config.PUBLIC_URL + path,
          fields,
        ),
      },
      payload: new URLSearchParams(fields).toString(),
    });
    // Twilio gives up on a webhook after 15 s; the answer must not wait for Redis.
    expect(response.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    const [event] = await db.db.select().from(schema.inboundEvents);
    expect(event?.processedAt).toBeNull();

    await startRedis();
    const workerDeps = createWorkerDeps(config);
    const workers = await startWorkers(workerDeps);
    try {
      // The job waited in the api's client and went out on reconnect: no sweep needed.
      const message = await waitFor(
        async () => {
          const [row] = await db.db
            .select()
            .from(schema.messages)
            .where(eq(schema.messages.providerMessageId, fields.MessageSid));
          return row;
        },
        { what: 'the message', timeoutMs: 20_000 },
      );
      expect(message.text).toBe('Written while the queue was down');
    } finally {
      await workers.close();
      await closeWorkerDeps(workerDeps);
    }
  }, 60_000);
});
