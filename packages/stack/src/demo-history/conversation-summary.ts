import type { ConversationFacts } from './conversation-messages';
import type { Schedule } from './schedule';
import type { Timeline } from './timeline';
import type { PlannedConversation, PlannedMessage } from './types';

/**
 * The conversation row's own figures (first response, last inbound and outbound, preview …),
 * read from its messages; activity lines and auto-replies do not count.
 */
export function summarize(
  timeline: Timeline,
  messages: PlannedMessage[],
  facts: ConversationFacts,
  { time, end }: Schedule,
): PlannedConversation {
  const { start } = facts;
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
    agentId: timeline.agent?.id ?? null,
    participants: timeline.participants.map((p) => ({
      userId: p.userId,
      joinedAt: time(p.offset),
    })),
    outcome: facts.outcome,
    createdAt: new Date(start.createdAt),
    firstAssignedAt: timeline.assignedAt === null ? null : time(timeline.assignedAt),
    firstResponseAt: firstOutbound?.at ?? null,
    lastInboundAt: lastInbound?.at ?? null,
    lastOutboundAt: lastOutbound?.at ?? null,
    lastMessageAt: last.at,
    lastMessagePreview: last.text.slice(0, 200),
    closedAt: time(end),
    reopenCount: timeline.reopenCount,
    transferCount: timeline.transferCount,
    receivedOffline: start.offline,
    // planHistory links it to the customer's earlier conversation once all are planned.
    previous: null,
    messages,
  };
}
