import { randomUUID } from 'node:crypto';
import { closeApiDeps, createApiDeps, type ApiDeps } from '@switchboard/api';
import { startTestSystem, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInboundEvent } from '../../apps/api/src/inbound/accept-event';

let system: TestSystem;
let deps: ApiDeps;
let workspaceId: string;
let inboxId: string;

beforeAll(async () => {
  // No worker: the events stay as the api stored them.
  system = await startTestSystem({ worker: false });
  deps = createApiDeps(system.config);
  workspaceId = (await system.make.workspace()).id;
  inboxId = (await system.smsInbox(workspaceId)).id;
});
afterAll(async () => {
  await closeApiDeps(deps);
  await system.stop();
});

const event = (inbox: string) => ({
  workspaceId,
  inboxId: inbox,
  kind: 'message' as const,
  providerEventId: `SM${randomUUID().replace(/-/g, '')}`,
  payload: { Body: 'hola' },
});

describe('webhooks stored together', () => {
  it('store every event of a batch that can be stored when one of them cannot', async () => {
    // The first two start batches of their own; the rest arrive meanwhile and go in one insert,
    // which the event for an inbox that does not exist makes fail.
    const good = Array.from({ length: 7 }, () => event(inboxId));
    const bad = event(randomUUID());
    const warnings: unknown[] = [];
    const outcomes = await Promise.allSettled(
      [...good, bad].map((input) =>
        acceptInboundEvent(deps, input, (detail) => warnings.push(detail)),
      ),
    );

    expect(outcomes.slice(0, 7).map((outcome) => outcome.status)).toEqual(
      Array(7).fill('fulfilled'),
    );
    expect(outcomes[7]!.status).toBe('rejected');
    const stored = await system.db.sql<{ provider_event_id: string }[]>`
      select provider_event_id from inbound_events where workspace_id = ${workspaceId}`;
    expect(stored.map((row) => row.provider_event_id).sort()).toEqual(
      good.map((input) => input.providerEventId).sort(),
    );
    expect(warnings).toEqual([]);
  });
});
