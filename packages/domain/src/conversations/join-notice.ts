import type { Ctx } from '../context';
import {
  automaticMessageTarget,
  sendAutomaticMessage,
  type CustomerLanguage,
} from '../messages/automatic-message';
import type { ConversationRecord } from './load';

const JOINED_TEXT: Record<CustomerLanguage, (name: string) => string> = {
  en: (name) => `${name} joined the conversation.`,
  es: (name) => `${name} se unió a la conversación.`,
  pt: (name) => `${name} entrou na conversa.`,
};

/**
 * Tells the customer that a supervisor joined, on the conversation's channel, as an automatic
 * message: it is no answer to the customer, so the response clocks stay as they are.
 */
export async function sendJoinNotice(
  ctx: Ctx,
  conversation: ConversationRecord,
  joiner: { id: string; name: string },
): Promise<'sent' | 'skipped'> {
  const target = await automaticMessageTarget(ctx, conversation);
  if (!target) return 'skipped';
  await sendAutomaticMessage(ctx, conversation, target, {
    text: JOINED_TEXT[target.language](joiner.name),
    metadata: { notice: 'joined', joinedBy: joiner },
  });
  return 'sent';
}
