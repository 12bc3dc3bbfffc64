import type { MetaMessage } from './store';

/** `out` is what the customer sent, `in` what the business sent: the phone's point of view. */
const directionOf = (message: MetaMessage) => (message.author === 'customer' ? 'out' : 'in');

/** Latest reaction of each side to each message; an empty emoji means it was taken back. */
function reactionsByTarget(messages: MetaMessage[]) {
  const reactions = new Map<string, { customer: string | null; business: string | null }>();
  for (const message of messages) {
    if (message.type !== 'reaction' || !message.reaction) continue;
    // A reaction the business sent but WhatsApp refused never reaches the phone.
    if (message.author === 'business' && message.status === 'failed') continue;
    const current = reactions.get(message.reaction.messageId) ?? { customer: null, business: null };
    current[message.author] = message.reaction.emoji === '' ? null : message.reaction.emoji;
    reactions.set(message.reaction.messageId, current);
  }
  return reactions;
}

/**
 * One customer's chat with one business number as their phone shows it: reactions sit on the
 * message they react to, quoted replies carry a preview of the quoted message, and media
 * points at the phone's own copy of the file.
 */
export function threadEntries(messages: MetaMessage[]) {
  const reactions = reactionsByTarget(messages);
  const byId = new Map(messages.map((message) => [message.id, message]));
  return messages
    .filter((message) => message.type !== 'reaction')
    .map((message) => {
      const quoted = message.contextId ? byId.get(message.contextId) : undefined;
      return {
        id: message.id,
        direction: directionOf(message),
        type: message.type,
        text: message.text,
        media: message.media
          ? {
              url: message.media.id ? `/sandbox/meta/media/${message.media.id}` : null,
              mimeType: message.media.mimeType,
              filename: message.media.filename,
            }
          : null,
        location: message.location,
        template: message.template
          ? { name: message.template.name, language: message.template.language }
          : null,
        buttons: message.buttons,
        replyTo: quoted
          ? { id: quoted.id, direction: directionOf(quoted), type: quoted.type, text: quoted.text }
          : null,
        reactions: reactions.get(message.id) ?? { customer: null, business: null },
        status: message.status,
        errors: message.errors.map((error) => ({
          code: error.code,
          title: error.title,
          details: error.error_data.details,
        })),
        webhookStatus: message.author === 'customer' ? message.webhookStatus : null,
        createdAt: message.createdAt.toISOString(),
      };
    });
}
