import type { ConversationOutcome, InboxKind, MessageStatus } from '@switchboard/db';
import {
  common,
  fill,
  names,
  topics,
  type HistoryLanguage,
  type Topic,
} from './demo-history-texts';

/*
 * The demo's last 30 days as plain data: who wrote, on which channel, who answered and when.
 * Pure and deterministic (a seeded generator), so every fresh demo shows the same month and
 * tests can reason about it; demo-history.ts turns the plan into rows.
 */

export type HistoryChannel = Exclude<InboxKind, 'webchat'>;

export interface HistoryAgent {
  id: string;
  name: string;
}

export interface PlanInput {
  now: Date;
  timeZone: string;
  /** agent1 (Support) and agent2 (Support and Billing, where billing questions go). */
  agents: [HistoryAgent, HistoryAgent];
  /** The demo's routing rule that sends billing words to Billing. */
  billingRule: { name: string; id: string | null; teamId: string | null };
  /** References already in the workspace; history never reuses one. */
  takenReferences: ReadonlySet<string>;
  /** Signs the agents' emails. */
  company: string;
}

export interface HistoryContact {
  name: string;
  language: HistoryLanguage;
  country: string;
  phone: string;
  email: string;
}

export interface PlannedMessage {
  at: Date;
  direction: 'inbound' | 'outbound' | 'internal';
  kind: 'message' | 'activity';
  fromCustomer: boolean;
  authorUserId: string | null;
  text: string;
  activity: Record<string, unknown> | null;
  status: MessageStatus;
  /** Next reply time: how long the customer had waited for this reply. */
  responseMs: number | null;
  automatic: boolean;
  emailSubject: string | null;
}

export interface PlannedConversation {
  contact: number;
  channel: HistoryChannel;
  reference: string;
  billing: boolean;
  /** The agent who held it last (null: never attended). */
  agentId: string | null;
  participants: Array<{ userId: string; joinedAt: Date }>;
  outcome: ConversationOutcome;
  createdAt: Date;
  firstAssignedAt: Date | null;
  firstResponseAt: Date | null;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  lastMessageAt: Date;
  lastMessagePreview: string;
  closedAt: Date;
  reopenCount: number;
  transferCount: number;
  receivedOffline: boolean;
  /** Index of the same customer's previous conversation in this inbox, if any. */
  previous: number | null;
  messages: PlannedMessage[];
}

export interface HistoryPlan {
  contacts: HistoryContact[];
  conversations: PlannedConversation[];
}

export const HISTORY_DAYS = 30;
const CONTACT_POOL = 120;
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

/** Conversations per local hour: busy late mornings and afternoons, a few at night. */
const HOUR_WEIGHTS = [
  0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 3, 6, 8, 9, 8, 6, 6, 7, 8, 7, 5, 4, 1.2, 0.8, 0.5,
];
const PEAK_HOURS = new Set([10, 11, 12, 16, 17]);
const CHANNEL_WEIGHTS: Array<[HistoryChannel, number]> = [
  ['whatsapp_cloud', 35],
  ['email', 28],
  ['sms_twilio', 22],
  ['whatsapp_twilio', 15],
];
const LANGUAGE_WEIGHTS: Array<[HistoryLanguage, number]> = [
  ['es', 55],
  ['pt', 25],
  ['en', 20],
];
// Same alphabet as packages/domain/src/conversations/reference.ts, so references look alike.
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function planHistory(input: PlanInput): HistoryPlan {
  const contacts = contactPool(new Random(0x5eed_c0de));
  const references = referenceMaker(new Random(0x5eed_4ef5), input.takenReferences);
  const random = new Random(0x5eed_da7a);
  const todayStart = localMidnight(input.now, input.timeZone, 0);
  // Nothing of the history lands today, so today's figures are the live demo's own.
  const limit = todayStart.getTime() - MIN;
  const conversations: PlannedConversation[] = [];
  const lastIn = new Map<string, number>();

  for (let back = HISTORY_DAYS; back >= 1; back--) {
    const day = localDay(input.now, input.timeZone, back);
    const weekend = day.weekday === 0 || day.weekday === 6;
    const count = weekend ? random.int(12, 18) : random.int(26, 32);
    const starts = Array.from({ length: count }, () => {
      const hour = random.weighted(HOUR_WEIGHTS.map((weight, index) => [index, weight]));
      const at = zonedTime(day, hour, random.int(0, 59), random.int(0, 59), input.timeZone);
      return { at, hour };
    }).sort((a, b) => a.at - b.at);
    for (const start of starts) {
      // A few regulars write more often than the rest.
      const contact = random.chance(0.1) ? random.int(0, 14) : random.int(0, CONTACT_POOL - 1);
      const channel = random.chance(0.8)
        ? contacts.preferred[contact]!
        : random.weighted(CHANNEL_WEIGHTS);
      const key = `${contact}:${channel}`;
      const before = lastIn.get(key);
      const conversation = planConversation(random, input, {
        createdAt: start.at,
        limit,
        peak: PEAK_HOURS.has(start.hour),
        // Support's hours are Monday to Friday, 09:00–18:00.
        offline: weekend || start.hour < 9 || start.hour >= 18,
        night: start.hour < 8 || start.hour >= 20,
        contact,
        customer: contacts.list[contact]!,
        channel,
        reference: references(),
      });
      conversation.previous =
        before !== undefined && conversations[before]!.closedAt.getTime() < start.at
          ? before
          : null;
      lastIn.set(key, conversations.length);
      conversations.push(conversation);
    }
  }
  return { contacts: contacts.list, conversations };
}

interface Start {
  createdAt: number;
  limit: number;
  peak: boolean;
  offline: boolean;
  night: boolean;
  contact: number;
  customer: HistoryContact;
  channel: HistoryChannel;
  reference: string;
}

interface Draft {
  /** Milliseconds after the conversation started. */
  offset: number;
  type: 'customer' | 'agent' | 'auto' | 'activity';
  text: string;
  agent?: HistoryAgent;
  activity?: Record<string, unknown>;
  /** For a next reply: when the customer's unanswered message came. */
  answers?: number;
}

function planConversation(random: Random, input: PlanInput, start: Start): PlannedConversation {
  const { customer, channel } = start;
  const email = channel === 'email';
  const language = customer.language;
  const lines = common[language];
  const [ana, bruno] = input.agents;
  const topic: Topic = random.chance(0.28)
    ? random.pick(topics.filter((t) => t.billing))
    : random.pick(topics.filter((t) => !t.billing));
  const said = topic.lines[language];
  const values = {
    name: customer.name.split(' ')[0]!,
    agent: '',
    order: String(random.int(40_000, 99_999)),
    invoice: `F-${random.int(10_000, 99_999)}`,
    amount: amount(language, random.int(19, 240) * 10 - 1),
    ref: start.reference,
  };
  const say = (text: string, agent?: HistoryAgent) =>
    fill(text, { ...values, agent: agent ? agent.name.split(' ')[0]! : '' });
  const subject = say(said.subject);

  const roll = random.next();
  const outcome: ConversationOutcome =
    roll < 0.07 ? 'abandoned' : roll < 0.14 ? 'no_reply' : roll < 0.18 ? 'cancelled' : 'resolved';
  const billing = topic.billing;
  // Billing questions are Bruno's (the only Billing agent); Support splits between both.
  let holder: HistoryAgent = billing || random.chance(0.25) ? bruno : ana;

  const drafts: Draft[] = [];
  const activity = (
    offset: number,
    type: string,
    by: HistoryAgent | 'webhook' | 'system',
    detail = {},
  ) =>
    drafts.push({
      offset,
      type: 'activity',
      text: '',
      activity: {
        type,
        ...(typeof by === 'string'
          ? { actorId: null, actorName: null, actorType: by }
          : { actorId: by.id, actorName: by.name }),
        ...detail,
      },
    });
  const customerSays = (offset: number, text: string) =>
    drafts.push({ offset, type: 'customer', text });
  const agentSays = (offset: number, agent: HistoryAgent, text: string, answers?: number) =>
    drafts.push({ offset, type: 'agent', text: say(text, agent), agent, answers });

  activity(0, 'opened', 'webhook');
  customerSays(0, say(random.pick(said.asks)));
  if (billing) {
    activity(SEC, 'routed', 'webhook', {
      rule: input.billingRule.name,
      ...(input.billingRule.id ? { ruleId: input.billingRule.id } : {}),
      ...(input.billingRule.teamId ? { teamId: input.billingRule.teamId } : {}),
    });
  }
  // Support answers offline customers automatically; Billing has no auto-reply.
  if (start.offline && !billing)
    drafts.push({ offset: 3 * SEC, type: 'auto', text: say(lines.offline) });

  const participants: Array<{ userId: string; offset: number }> = [];
  let assignedAt: number | null = null;
  let transferCount = 0;
  let reopenCount = 0;
  let close: number;

  if (outcome === 'abandoned') {
    close = random.skewed(2 * MIN, 25 * MIN, 1.3);
    if (random.chance(0.5))
      customerSays(random.between(MIN, close - 30 * SEC), random.pick(lines.nudges));
    activity(close, 'closed', 'system', { by: 'system', outcome });
  } else {
    // At night only the agent on call answers, and takes longer to get to it.
    const wait = start.night
      ? random.skewed(2 * MIN, 40 * MIN, 1.5)
      : Math.min(30 * MIN, random.skewed(30 * SEC, 20 * MIN, 2.2) * (start.peak ? 1.6 : 1));
    assignedAt = wait;
    participants.push({ userId: holder.id, offset: wait });
    if (billing) {
      activity(wait, 'assigned', 'system', {
        by: 'system',
        to: holder.id,
        toName: holder.name,
        mode: 'round_robin',
      });
    } else {
      activity(wait, 'accepted', holder);
    }

    if (outcome === 'cancelled') {
      customerSays(Math.max(10 * SEC, wait / 2), random.pick(lines.neverMind));
      close = wait + random.between(30 * SEC, 4 * MIN);
    } else {
      let at =
        wait +
        (email ? random.skewed(2 * MIN, 50 * MIN, 1.3) : random.skewed(20 * SEC, 8 * MIN, 1.5));
      agentSays(at, holder, outcome === 'no_reply' ? lines.askDetails : said.reply);
      if (outcome === 'no_reply') {
        close = at + random.between(40 * MIN, 5 * HOUR);
      } else {
        // A Support conversation now and then goes to the colleague (transferred).
        const transfer = !billing && random.chance(0.1);
        if (transfer) {
          const colleague = holder === ana ? bruno : ana;
          at += random.between(MIN, 6 * MIN);
          activity(at, 'transferred', holder, {
            from: { id: holder.id, name: holder.name },
            to: { id: colleague.id, name: colleague.name },
            toTeam: null,
          });
          holder = colleague;
          participants.push({ userId: holder.id, offset: at });
          transferCount = 1;
        }
        const exchanges =
          random.chance(0.72) || transfer || topic.asksBack ? (random.chance(0.3) ? 2 : 1) : 0;
        for (let n = 0; n < exchanges; n++) {
          const question = n === 0 ? said.follow : random.pick(lines.moreQuestions);
          const answer =
            n === 0 ? said.answer : lines.moreAnswers[lines.moreQuestions.indexOf(question)]!;
          at += email
            ? random.skewed(10 * MIN, 4 * HOUR, 1.5)
            : random.skewed(40 * SEC, 25 * MIN, 1.8);
          const asked = at;
          customerSays(asked, say(question));
          at +=
            (email
              ? random.skewed(5 * MIN, 2 * HOUR, 1.5)
              : random.skewed(20 * SEC, 12 * MIN, 1.6)) * (start.peak ? 1.4 : 1);
          agentSays(at, holder, answer, asked);
        }
        if (random.chance(0.5)) {
          at += email ? random.between(10 * MIN, HOUR) : random.between(30 * SEC, 8 * MIN);
          customerSays(at, random.pick(lines.thanks));
        }
        close = Math.max(
          at + (email ? random.between(5 * MIN, HOUR) : random.between(MIN, 15 * MIN)),
          5 * MIN + random.between(0, 3 * MIN),
        );
        // Now and then the customer comes back after the close (reopened).
        if (random.chance(0.075)) {
          activity(close, 'closed', holder, { outcome });
          const back = close + random.between(40 * MIN, 8 * HOUR);
          activity(back, 'reopened', 'webhook', { by: 'customer', to: holder.id });
          customerSays(back, random.pick(lines.comeBack));
          const reply = back + random.skewed(MIN, 20 * MIN, 1.4);
          agentSays(reply, holder, lines.comeBackAnswer, back);
          close = reply + random.between(2 * MIN, 15 * MIN);
          reopenCount = 1;
        }
      }
    }
    activity(close, 'closed', holder, { outcome });
  }

  return finish(drafts, {
    start,
    outcome,
    billing,
    holder: assignedAt === null ? null : holder,
    participants,
    assignedAt,
    transferCount,
    reopenCount,
    subject,
    signOffs: {
      customer: lines.customerSignOff,
      agent: lines.agentSignOff,
      company: input.company,
    },
    random,
  });
}

/**
 * Turns offsets into times. A thread that would run into today is compressed to end before
 * it: the history never touches today's figures, and nothing lies in the future.
 */
function finish(
  drafts: Draft[],
  facts: {
    start: Start;
    outcome: ConversationOutcome;
    billing: boolean;
    holder: HistoryAgent | null;
    participants: Array<{ userId: string; offset: number }>;
    assignedAt: number | null;
    transferCount: number;
    reopenCount: number;
    subject: string;
    signOffs: { customer: string; agent: string; company: string };
    random: Random;
  },
): PlannedConversation {
  const { start, random } = facts;
  const email = start.channel === 'email';
  // Stable: drafts of the same moment keep the order they happened in (activity first).
  drafts.sort((a, b) => a.offset - b.offset);
  const end = Math.max(...drafts.map((draft) => draft.offset));
  const room = start.limit - start.createdAt;
  const scale = end > room ? room / end : 1;
  const time = (offset: number) => new Date(start.createdAt + Math.round(offset * scale));
  const outboundStatus = (): MessageStatus =>
    start.channel === 'email'
      ? 'sent'
      : start.channel === 'sms_twilio' || random.chance(0.15)
        ? 'delivered'
        : 'read';

  let firstCustomer = true;
  const messages = drafts.map((draft): PlannedMessage => {
    const base = {
      at: time(draft.offset),
      fromCustomer: false,
      authorUserId: null,
      activity: null,
      responseMs: null,
      automatic: false,
      emailSubject: null,
    };
    switch (draft.type) {
      case 'activity':
        return {
          ...base,
          direction: 'internal',
          kind: 'activity',
          text: '',
          activity: draft.activity ?? null,
          status: 'received',
        };
      case 'customer': {
        const subject = firstCustomer ? facts.subject : reply(facts.subject, start.reference);
        firstCustomer = false;
        return {
          ...base,
          direction: 'inbound',
          kind: 'message',
          fromCustomer: true,
          text: email
            ? `${draft.text}\n\n${facts.signOffs.customer},\n${start.customer.name}`
            : draft.text,
          status: 'received',
          emailSubject: email ? subject : null,
        };
      }
      case 'auto':
      case 'agent':
        return {
          ...base,
          direction: 'outbound',
          kind: 'message',
          authorUserId: draft.agent?.id ?? null,
          text:
            email && draft.agent
              ? `${draft.text}\n\n${facts.signOffs.agent},\n${draft.agent.name.split(' ')[0]} · ${facts.signOffs.company}`
              : draft.text,
          status: outboundStatus(),
          responseMs:
            draft.answers === undefined ? null : Math.round((draft.offset - draft.answers) * scale),
          automatic: draft.type === 'auto',
          emailSubject: email ? reply(facts.subject, start.reference) : null,
        };
    }
  });

  const said = messages.filter((message) => message.kind === 'message' && !message.automatic);
  const lastInbound = said.filter((message) => message.fromCustomer).at(-1);
  const lastOutbound = said.filter((message) => !message.fromCustomer).at(-1);
  const firstOutbound = said.find((message) => !message.fromCustomer);
  const last = said.at(-1)!;
  return {
    contact: start.contact,
    channel: start.channel,
    reference: start.reference,
    billing: facts.billing,
    agentId: facts.holder?.id ?? null,
    participants: facts.participants.map((p) => ({ userId: p.userId, joinedAt: time(p.offset) })),
    outcome: facts.outcome,
    createdAt: new Date(start.createdAt),
    firstAssignedAt: facts.assignedAt === null ? null : time(facts.assignedAt),
    firstResponseAt: firstOutbound?.at ?? null,
    lastInboundAt: lastInbound?.at ?? null,
    lastOutboundAt: lastOutbound?.at ?? null,
    lastMessageAt: last.at,
    lastMessagePreview: last.text.slice(0, 200),
    closedAt: time(end),
    reopenCount: facts.reopenCount,
    transferCount: facts.transferCount,
    receivedOffline: start.offline,
    previous: null,
    messages,
  };
}

/** `Re: <subject> [SB-XXXXX]`, as the agents' mail goes out. */
const reply = (subject: string, reference: string) => `Re: ${subject} [${reference}]`;

function amount(language: HistoryLanguage, value: number): string {
  const currency = language === 'es' ? 'MXN' : language === 'pt' ? 'BRL' : 'USD';
  const locale = language === 'es' ? 'es-MX' : language === 'pt' ? 'pt-BR' : 'en-US';
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
}

/**
 * 120 customers: Mexicans, Brazilians and Americans with numbers in ranges nobody uses for
 * the sandbox or tests (+52 1 55 81…, +55 11 987…, US 555-01xx fictional numbers) and
 * addresses under the reserved .example domain.
 */
function contactPool(random: Random): { list: HistoryContact[]; preferred: HistoryChannel[] } {
  const list: HistoryContact[] = [];
  const preferred: HistoryChannel[] = [];
  const taken = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const value = make();
      if (!taken.has(value)) {
        taken.add(value);
        return value;
      }
    }
  };
  const digits = (count: number) =>
    Array.from({ length: count }, () => String(random.int(0, 9))).join('');
  for (let n = 0; n < CONTACT_POOL; n++) {
    const language = random.weighted(LANGUAGE_WEIGHTS);
    const pool = names[language];
    const name = unique(() => `${random.pick(pool.first)} ${random.pick(pool.last)}`);
    const phone = unique(() =>
      language === 'es'
        ? `+5215581${digits(6)}`
        : language === 'pt'
          ? `+5511987${digits(6)}`
          : `+1${random.pick(['312', '617', '206', '512'])}55501${digits(2)}`,
    );
    const local = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '.');
    const domain = random.pick(['correo.example', 'mail.example', 'email.example']);
    const email = unique(() => `${local}${random.chance(0.4) ? random.int(1, 99) : ''}@${domain}`);
    list.push({
      name,
      language,
      country: language === 'es' ? 'MX' : language === 'pt' ? 'BR' : 'US',
      phone,
      email,
    });
    preferred.push(random.weighted(CHANNEL_WEIGHTS));
  }
  return { list, preferred };
}

function referenceMaker(random: Random, taken: ReadonlySet<string>): () => string {
  const used = new Set(taken);
  return () => {
    for (;;) {
      let code = 'SB-';
      for (let i = 0; i < 5; i++)
        code += REFERENCE_ALPHABET[random.int(0, REFERENCE_ALPHABET.length - 1)];
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
}

/** A small seeded generator (mulberry32): the same sequence on every machine. */
export class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** Mostly near `min`, now and then up to `max`: how waits and replies spread. */
  skewed(min: number, max: number, power: number): number {
    return min + (max - min) * this.next() ** power;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let left = this.next() * total;
    for (const [value, weight] of entries) {
      left -= weight;
      if (left < 0) return value;
    }
    return entries.at(-1)![0];
  }
}

interface LocalDay {
  year: number;
  month: number;
  day: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
}

/** The local calendar day `back` days before today in the zone. */
function localDay(now: Date, timeZone: string, back: number): LocalDay {
  const today = wallClock(now.getTime(), timeZone);
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

/** Midnight starting the local day `back` days before today. */
export function localMidnight(now: Date, timeZone: string, back: number): Date {
  return new Date(zonedTime(localDay(now, timeZone, back), 0, 0, 0, timeZone));
}

/** The instant a wall-clock time of a local day happens in the zone. */
function zonedTime(day: LocalDay, hour: number, minute: number, second: number, timeZone: string) {
  const wall = Date.UTC(day.year, day.month - 1, day.day, hour, minute, second);
  let instant = wall - offsetAt(wall, timeZone);
  // Near a DST change the offset at the first guess can differ from the one at the answer.
  instant = wall - offsetAt(instant, timeZone);
  return instant;
}

function offsetAt(instant: number, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  return asUtc - Math.floor(instant / SEC) * SEC;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: number, timeZone: string) {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    clocks.set(timeZone, clock);
  }
  const parts = clock.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}
