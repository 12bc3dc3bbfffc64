import type { ConversationOutcome, MessageStatus } from '@switchboard/db';
import type { Random } from './random';
import type { Schedule } from './schedule';
import type { Draft } from './timeline';
import type { ConversationStart, PlannedMessage } from './types';

/** What a conversation's messages need beyond its drafts. */
export interface ConversationFacts {
  start: ConversationStart;
  outcome: ConversationOutcome;
  billing: boolean;
  /** The first email's subject; later ones answer it. */
  subject: string;
  signOffs: { customer: string; agent: string; company: string };
}

/** The drafts as messages: emails signed and threaded, outbound ones with a delivery status. */
export function plannedMessages(
  random: Random,
  drafts: Draft[],
  facts: ConversationFacts,
  { time, scale }: Schedule,
): PlannedMessage[] {
  const { start, signOffs } = facts;
  const email = start.channel === 'email';
  const outboundStatus = (): MessageStatus =>
    start.channel === 'email'
      ? 'sent'
      : start.channel === 'sms_twilio' || random.chance(0.15)
        ? 'delivered'
        : 'read';

  let firstCustomer = true;
  return drafts.map((draft): PlannedMessage => {
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
            ? `${draft.text}\n\n${signOffs.customer},\n${start.customer.name}`
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
              ? `${draft.text}\n\n${signOffs.agent},\n${draft.agent.name.split(' ')[0]} · ${signOffs.company}`
              : draft.text,
          status: outboundStatus(),
          responseMs:
            draft.answers === undefined ? null : Math.round((draft.offset - draft.answers) * scale),
          automatic: draft.type === 'auto',
          emailSubject: email ? reply(facts.subject, start.reference) : null,
        };
    }
  });
}

/** `Re: <subject> [SB-XXXXX]`, as the agents' mail goes out. */
const reply = (subject: string, reference: string) => `Re: ${subject} [${reference}]`;
