import { schema } from '@switchboard/db';
import { startTestSystem, type ApiClient, type TestSystem } from '@switchboard/stack/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './support';

/*
 * Hand-built timelines with figures worked out by hand. The workspace is in Mexico City
 * (UTC−6 all year), so local 2026-11-10 is 2026-11-10T06:00Z → 2026-11-11T06:00Z.
 */
let system: TestSystem;
let supervisor: ApiClient;
let agentClient: ApiClient;
let ana: { id: string };
let beto: { id: string };
let support: { id: string };
let billing: { id: string };
let sms: { id: string };
let email: { id: string };
const ids: Record<string, string> = {};
let workspaceId: string;

const at = (iso: string, plusSeconds = 0) => new Date(Date.parse(iso) + plusSeconds * 1000);

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  const { make } = system;
  const workspace = await make.workspace({ settings: { timeZone: 'America/Mexico_City' } });
  const w = workspace.id;
  workspaceId = w;
  support = await make.team(w, { name: 'Support' });
  billing = await make.team(w, { name: 'Billing' });
  ana = await make.user(w, { name: 'Ana' });
  beto = await make.user(w, { name: 'Beto' });
  const boss = await make.user(w, { name: 'Sara', role: 'supervisor' });
  supervisor = await system.signIn(boss.email);
  agentClient = await system.signIn((await make.user(w, { name: 'Ciro' })).email);
  sms = await make.smsInbox(w);
  email = await make.smsInbox(w, { kind: 'email', name: 'Mail', address: 'help@example.test' });

  let n = 0;
  const conversation = async (
    name: string,
    inboxId: string,
    startedAt: string,
    facts: {
      team?: string;
      agent?: string;
      assignedAfter?: number;
      respondedAfter?: number;
      closedAfter?: number;
      outcome?: 'resolved' | 'no_reply' | 'abandoned' | 'cancelled';
      wrote?: boolean;
      reopened?: number;
      transferred?: number;
      askedForHelp?: number;
      offline?: boolean;
    },
  ) => {
    n += 1;
    const contact = await make.contact(w, { kind: 'phone', address: `+1555000${1000 + n}` });
    const start = at(startedAt);
    const row = await make.conversation({
      workspaceId: w,
      inboxId,
      contactId: contact.id,
      reference: `SB-T${n}`,
      teamId: facts.team ?? support.id,
      status: facts.closedAfter !== undefined ? 'closed' : facts.agent ? 'open' : 'waiting',
      outcome: facts.outcome ?? null,
      assigneeId: facts.agent ?? null,
      lastAssigneeId: facts.agent ?? null,
      createdAt: start,
      queuedAt: start,
      waitingSince: start,
      firstAssignedAt:
        facts.assignedAfter !== undefined ? at(startedAt, facts.assignedAfter) : null,
      firstResponseAt:
        facts.respondedAfter !== undefined ? at(startedAt, facts.respondedAfter) : null,
      closedAt: facts.closedAfter !== undefined ? at(startedAt, facts.closedAfter) : null,
      lastInboundAt: facts.wrote === false ? null : start,
      reopenCount: facts.reopened ?? 0,
      transferCount: facts.transferred ?? 0,
      escalationCount: (facts.transferred ?? 0) + (facts.askedForHelp ?? 0),
      receivedOffline: facts.offline ?? false,
    });
    ids[name] = row.id;
    return row;
  };
  const reply = (conversation: string, author: string, sentAt: string, waitedSeconds: number) =>
    system.db.db.insert(schema.messages).values({
      workspaceId: w,
      conversationId: ids[conversation]!,
      inboxId: sms.id,
      direction: 'outbound',
      kind: 'message',
      status: 'sent',
      authorUserId: author,
      text: 'reply',
      createdAt: at(sentAt),
      responseMs: waitedSeconds * 1000,
    });

  // 09:00 local. Resolved at the first contact: waited 2 min, answered at 5 min, 30 min long.
  // Asking a colleague for help does not make it a second contact.
  await conversation('resolved', sms.id, '2026-11-10T15:00:00Z', {
    askedForHelp: 1,
    agent: ana.id,
    assignedAfter: 120,
    respondedAfter: 300,
    closedAfter: 1800,
    outcome: 'resolved',
  });
  // 10:00. Reopened once, so not resolved at the first contact.
  await conversation('reopened', sms.id, '2026-11-10T16:00:00Z', {
    agent: ana.id,
    assignedAfter: 60,
    respondedAfter: 90,
    closedAfter: 7200,
    outcome: 'resolved',
    reopened: 1,
  });
  // 10:30 by email. Transferred to Billing; answered at 1000 s (counts as 900 s on the scale).
  await conversation('transferred', email.id, '2026-11-10T16:30:00Z', {
    team: billing.id,
    agent: beto.id,
    assignedAfter: 600,
    respondedAfter: 1000,
    closedAfter: 3600,
    outcome: 'resolved',
    transferred: 1,
  });
  // 11:00. Offline, abandoned after 4 min with a message.
  await conversation('abandonedWithMessage', sms.id, '2026-11-10T17:00:00Z', {
    closedAfter: 240,
    outcome: 'abandoned',
    offline: true,
  });
  // 11:15 by email. Abandoned after 1 min before writing anything.
  await conversation('abandonedSilent', email.id, '2026-11-10T17:15:00Z', {
    closedAfter: 60,
    outcome: 'abandoned',
    wrote: false,
  });
  // 23:50, closed 00:20 the next day: it belongs to the day it started.
  await conversation('midnight', sms.id, '2026-11-11T05:50:00Z', {
    agent: beto.id,
    assignedAfter: 300,
    respondedAfter: 600,
    closedAfter: 1800,
    outcome: 'resolved',
  });
  // 21:00 local is already 11 November in UTC: still 10 November here. Open.
  await conversation('lateOpen', sms.id, '2026-11-11T03:00:00Z', {
    agent: ana.id,
    assignedAfter: 30,
    respondedAfter: 50,
  });
  // 23:00 local on 9 November (05:00Z on the 10th): outside the period.
  await conversation('dayBefore', sms.id, '2026-11-10T05:00:00Z', {
    agent: ana.id,
    assignedAfter: 10,
    respondedAfter: 20,
    closedAfter: 100,
    outcome: 'resolved',
  });
  // 08:00 by email to Billing, offline, still waiting.
  await conversation('waiting', email.id, '2026-11-10T14:00:00Z', {
    team: billing.id,
    offline: true,
  });
  // 12:00. Cancelled.
  await conversation('cancelled', sms.id, '2026-11-10T18:00:00Z', {
    closedAfter: 5,
    outcome: 'cancelled',
  });

  // Next replies: 09:20 (waited 2 min), 10:30 (10 min), 11:00 (1 min); 00:10 on the 11th (5 min).
  await reply('resolved', ana.id, '2026-11-10T15:20:00Z', 120);
  await reply('reopened', ana.id, '2026-11-10T16:30:00Z', 600);
  await reply('reopened', ana.id, '2026-11-10T17:00:00Z', 60);
  await reply('midnight', beto.id, '2026-11-11T06:10:00Z', 300);

  // Another workspace's conversation in the same hour never counts.
  const other = await make.workspace({ settings: { timeZone: 'America/Mexico_City' } });
  const otherInbox = await make.smsInbox(other.id);
  const stranger = await make.contact(other.id, { kind: 'phone', address: '+15559990000' });
  await make.conversation({
    workspaceId: other.id,
    inboxId: otherInbox.id,
    contactId: stranger.id,
    reference: 'SB-OTHER',
    createdAt: at('2026-11-10T15:00:00Z'),
  });
});
afterAll(() => system.stop());

type Report = Record<string, any>;
const indicators = async (query: string, client = supervisor) => {
  const response = await client(`/api/v1/indicators?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return json<Report>(response);
};

describe('indicators', () => {
  it('adds up a day of hand-built conversations exactly', async () => {
    const report = await indicators('from=2026-11-10&to=2026-11-10');
    expect(report.timeZone).toBe('America/Mexico_City');
    expect(report.summary).toEqual({
      started: 9,
      attended: 5,
      resolvedFirstContact: 2,
      notResolvedFirstContact: 2,
      offlineReceived: 2,
      duration: { count: 4, averageSeconds: 3600, longestSeconds: 7200 },
      queueWait: { count: 5, averageSeconds: 222, longestSeconds: 600 },
      abandoned: { count: 2, withMessage: 1, averageWaitSeconds: 150, longestWaitSeconds: 240 },
      // 50, 90, 300, 600, 1000 s: the average is exact; percentiles use 900 for 1000.
      firstResponse: { count: 5, averageSeconds: 408, medianSeconds: 300, p90Seconds: 780 },
      // 60, 120, 600 s sent that day; the reply after midnight belongs to the 11th.
      nextReply: { count: 3, averageSeconds: 260, medianSeconds: 120, p90Seconds: 504 },
      // 1800, 1800, 3600, 7200 s.
      resolution: { count: 4, averageSeconds: 3600, medianSeconds: 2700, p90Seconds: 6120 },
    });
    expect(report.outcomes).toEqual([
      { outcome: 'resolved', count: 4 },
      { outcome: 'abandoned', count: 2 },
      { outcome: 'cancelled', count: 1 },
    ]);
  });

  it('breaks the day down by local hour and by channel', async () => {
    const report = await indicators('from=2026-11-10&to=2026-11-10');
    expect(report.byHour).toHaveLength(24);
    const started = Object.fromEntries(
      report.byHour
        .filter((row: Report) => row.started)
        .map((row: Report) => [row.hour, row.started]),
    );
    expect(started).toEqual({ 8: 1, 9: 1, 10: 2, 11: 2, 12: 1, 21: 1, 23: 1 });
    // 10:00 and 10:30: 90 s and 1000 s (900 s on the scale).
    expect(report.byHour[10].firstResponse).toEqual({
      count: 2,
      averageSeconds: 545,
      medianSeconds: 495,
      p90Seconds: 819,
    });
    expect(report.byHour[10].nextReply).toMatchObject({ count: 1, averageSeconds: 600 });
    expect(report.byHour[11].nextReply).toMatchObject({ count: 1, averageSeconds: 60 });
    expect(report.byHour[23].resolution).toMatchObject({ count: 1, averageSeconds: 1800 });

    expect(report.byChannel.map((row: Report) => [row.channel, row.started])).toEqual([
      ['email', 3],
      ['sms_twilio', 6],
    ]);
    const mail = report.byChannel.find((row: Report) => row.channel === 'email');
    expect(mail.firstResponse).toMatchObject({
      count: 1,
      averageSeconds: 1000,
      medianSeconds: 900,
    });
    expect(report.heatmap).toEqual([
      { channel: 'email', hour: 8, count: 1 },
      { channel: 'email', hour: 10, count: 1 },
      { channel: 'email', hour: 11, count: 1 },
      { channel: 'sms_twilio', hour: 9, count: 1 },
      { channel: 'sms_twilio', hour: 10, count: 1 },
      { channel: 'sms_twilio', hour: 11, count: 1 },
      { channel: 'sms_twilio', hour: 12, count: 1 },
      { channel: 'sms_twilio', hour: 21, count: 1 },
      { channel: 'sms_twilio', hour: 23, count: 1 },
    ]);
  });

  it('filters by agent, team, channel and inbox', async () => {
    const byAna = await indicators(`from=2026-11-10&to=2026-11-10&agentId=${ana.id}`);
    expect(byAna.summary).toMatchObject({
      started: 3,
      attended: 3,
      resolvedFirstContact: 1,
      notResolvedFirstContact: 1,
      nextReply: { count: 3 },
      firstResponse: { count: 3, averageSeconds: 146.667 }, // (300 + 90 + 50) / 3, to the millisecond
    });
    const byBeto = await indicators(`from=2026-11-10&to=2026-11-10&agentId=${beto.id}`);
    expect(byBeto.summary).toMatchObject({ started: 2, attended: 2, nextReply: { count: 0 } });

    const billingTeam = await indicators(`from=2026-11-10&to=2026-11-10&teamId=${billing.id}`);
    expect(billingTeam.summary).toMatchObject({ started: 2, attended: 1, offlineReceived: 1 });
    const byMail = await indicators('from=2026-11-10&to=2026-11-10&channel=email');
    expect(byMail.summary).toMatchObject({ started: 3, abandoned: { count: 1, withMessage: 0 } });
    const bySms = await indicators(`from=2026-11-10&to=2026-11-10&inboxId=${sms.id}`);
    expect(bySms.summary.started).toBe(6);
  });

  it('puts each conversation on the local day it started, and each reply on the day it was sent', async () => {
    const dayBefore = await indicators('from=2026-11-09&to=2026-11-09');
    expect(dayBefore.summary).toMatchObject({ started: 1, resolvedFirstContact: 1 });
    const dayAfter = await indicators('from=2026-11-11&to=2026-11-11');
    expect(dayAfter.summary).toMatchObject({
      started: 0,
      nextReply: { count: 1, averageSeconds: 300, medianSeconds: 300 },
    });
    const both = await indicators('from=2026-11-09&to=2026-11-11');
    expect(both.summary).toMatchObject({ started: 10, nextReply: { count: 4 } });
  });

  it('follows changes made after a first reading', async () => {
    const before = await indicators('from=2026-11-10&to=2026-11-10');
    expect(before.summary.resolution.count).toBe(4);
    // The open conversation from 21:00 is resolved 10 minutes after it started.
    await system.db.db
      .update(schema.conversations)
      .set({
        status: 'closed',
        outcome: 'resolved',
        closedAt: at('2026-11-11T03:00:00Z', 600),
      })
      .where(eq(schema.conversations.id, ids.lateOpen!));
    const after = await indicators('from=2026-11-10&to=2026-11-10');
    expect(after.summary).toMatchObject({
      resolvedFirstContact: 3,
      duration: { count: 5, longestSeconds: 7200 },
      resolution: { count: 5, averageSeconds: (1800 + 7200 + 3600 + 1800 + 600) / 5 },
    });
    // A change still uncommitted while someone reads is picked up by the next reading, even
    // when the same connection had just marked the same hour for an earlier change.
    const writer = await system.db.sql.reserve();
    try {
      await writer`update conversations set received_offline = true where id = ${ids.midnight!}`;
      await writer`begin`;
      await writer`update conversations set closed_at = closed_at + interval '3 hours'
        where id = ${ids.midnight!}`;
      const during = await indicators('from=2026-11-10&to=2026-11-10');
      expect(during.summary).toMatchObject({
        offlineReceived: 3,
        duration: { longestSeconds: 7200 },
      });
      await writer`commit`;
    } finally {
      writer.release();
    }
    const committed = await indicators('from=2026-11-10&to=2026-11-10');
    expect(committed.summary.duration.longestSeconds).toBe(1800 + 3 * 3600);

    // Reassigned to Beto: it now counts as his.
    await system.db.db
      .update(schema.conversations)
      .set({ assigneeId: beto.id, lastAssigneeId: beto.id })
      .where(eq(schema.conversations.id, ids.lateOpen!));
    const byAna = await indicators(`from=2026-11-10&to=2026-11-10&agentId=${ana.id}`);
    const byBeto = await indicators(`from=2026-11-10&to=2026-11-10&agentId=${beto.id}`);
    expect([byAna.summary.started, byBeto.summary.started]).toEqual([2, 3]);
    const stale = await system.db.db.execute(
      sql`select count(*)::int as n from indicator_stale_hours where workspace_id = ${workspaceId}`,
    );
    expect(stale[0]).toMatchObject({ n: 0 });
  });

  it('exports the same figures as CSV', async () => {
    const response = await supervisor('/api/v1/indicators.csv?from=2026-11-10&to=2026-11-10');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(
      'switchboard-indicators-2026-11-10-2026-11-10.csv',
    );
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('section,group,figure,value');
    expect(lines).toContain('summary,,started,9');
    expect(lines).toContain('summary,,queueWait.longestSeconds,600');
    expect(lines).toContain('byChannel,email,started,3');
    expect(lines).toContain('heatmap,sms_twilio,hour23,1');
    expect(lines).toContain('outcomes,,abandoned,2');
  });

  it('refuses agents and bad periods', async () => {
    for (const path of ['/api/v1/indicators', '/api/v1/indicators.csv']) {
      const response = await agentClient(`${path}?from=2026-11-10&to=2026-11-10`);
      expect(response.status, path).toBe(403);
    }
    for (const query of [
      'from=2026-11-10&to=2026-11-09',
      'from=2026-02-30&to=2026-03-01',
      'from=10/11/2026&to=2026-11-10',
      'from=2025-01-01&to=2026-11-10',
    ]) {
      const response = await supervisor(`/api/v1/indicators?${query}`);
      expect(response.status, query).toBe(422);
      expect((await json(response)).error.code).toBe('invalid_period');
    }
  });
});
