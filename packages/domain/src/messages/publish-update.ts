import type { DomainDeps } from '../context';

/** Tells clients a message changed outside an operation's transaction (delivery, a stored file). */
export async function publishMessageUpdated(
  deps: DomainDeps,
  message: { workspaceId: string; conversationId: string; messageId: string },
): Promise<void> {
  // Named fields only: callers pass records that also hold secrets (inbox credentials).
  const { workspaceId, conversationId, messageId } = message;
  await deps.ports.publish([{ type: 'message.updated', workspaceId, conversationId, messageId }]);
}
