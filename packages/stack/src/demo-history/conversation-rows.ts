import { randomUUID } from 'node:crypto';
import type { SeededDemo } from '../seed-demo';
import type { DemoFacts } from './demo-facts';
import type { HistoryChannel, HistoryPlan } from './types';

/** Rows for the planned conversations, their billing tags, participants and messages. */
export function conversationRows(
  seeded: Pick<SeededDemo, 'workspaceId' | 'inboxes'>,
  facts: DemoFacts,
  plan: HistoryPlan,
  contactIdOf: (contact: number) => string,
) {
  const { workspaceId } = seeded;
  const inboxOf: Record<HistoryChannel, string> = {
    sms_twilio: seeded.inboxes.sms,
    whatsapp_twilio: seeded.inboxes.whatsappTwilio,
    whatsapp_cloud: seeded.inboxes.whatsappCloud,
    email: seeded.inboxes.email,
  };
  const ids = plan.conversations.map(() => randomUUID());

  const conversations = plan.conversations.map((conversation, index) => ({
    id: ids[index]!,
    workspaceId,
    inboxId: inboxOf[conversation.channel],
    contactId: contactIdOf(conversation.contact),
    reference: conversation.reference,
    status: 'closed' as const,
    phase: 'in_progress' as const,
    outcome: conversation.outcome,
    assigneeId: conversation.agentId,
    lastAssigneeId: conversation.agentId,
    teamId: conversation.billing
      ? (facts.billingTeamId ?? facts.supportTeamId)
      : facts.supportTeamId,
    // A transfer counts as both: a harder problem, and not solved in the first contact.
    escalationCount: conversation.transferCount,
    transferCount: conversation.transferCount,
    // The billing rule raises priority, as it does live.
    priority: conversation.billing ? 1 : 0,
    previousConversationId: conversation.previous === null ? null : ids[conversation.previous]!,
    lastMessagePreview: conversation.lastMessagePreview,
    lastMessageAt: conversation.lastMessageAt,
    unreadCount: 0,
    version: conversation.messages.length + 1,
    createdAt: conversation.createdAt,
    updatedAt: conversation.closedAt,
    queuedAt: conversation.createdAt,
    firstAssignedAt: conversation.firstAssignedAt,
    firstResponseAt: conversation.firstResponseAt,
    lastInboundAt: conversation.lastInboundAt,
    lastOutboundAt: conversation.lastOutboundAt,
    closedAt: conversation.closedAt,
    reopenCount: conversation.reopenCount,
    receivedOffline: conversation.receivedOffline,
  }));
  const tags = facts.billingTagId
    ? plan.conversations.flatMap((conversation, index) =>
        conversation.billing
          ? [
              {
                workspaceId,
                conversationId: ids[index]!,
                tagId: facts.billingTagId!,
                createdAt: conversation.createdAt,
              },
            ]
          : [],
      )
    : [];
  const participants = plan.conversations.flatMap((conversation, index) =>
    conversation.participants.map((participant) => ({
      workspaceId,
      conversationId: ids[index]!,
      userId: participant.userId,
      joinedAt: participant.joinedAt,
    })),
  );
  const messages = plan.conversations.flatMap((conversation, index) =>
    conversation.messages.map((message) => ({
      workspaceId,
      conversationId: ids[index]!,
      inboxId: inboxOf[conversation.channel],
      channel: message.kind === 'message' ? conversation.channel : null,
      direction: message.direction,
      kind: message.kind,
      authorUserId: message.authorUserId,
      authorContactId: message.fromCustomer ? contactIdOf(conversation.contact) : null,
      text: message.text,
      activity: message.activity,
      status: message.status,
      emailSubject: message.emailSubject,
      metadata: message.automatic ? { autoReply: 'offline', automatic: true } : {},
      occurredAt: message.at,
      // Next replies are summarized by when they were sent: `created_at`.
      createdAt: message.at,
      updatedAt: message.at,
      responseMs: message.responseMs,
    })),
  );
  return { conversations, tags, participants, messages };
}
