import { randomBytes } from 'node:crypto';

export const newWamid = () =>
  `wamid.${Buffer.from(`HBgL${randomBytes(18).toString('hex')}`).toString('base64')}`;

const unix = (at: Date = new Date()) => String(Math.floor(at.getTime() / 1000));

/** The envelope of every WhatsApp Cloud API webhook, as Meta documents it. */
export function cloudWebhook(
  number: { wabaId: string; phoneNumberId: string; address: string },
  value: Record<string, unknown>,
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: number.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: number.address.slice(1),
                phone_number_id: number.phoneNumberId,
              },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** A customer's text message: `value.contacts` + `value.messages`. */
export function textMessageValue(input: { from: string; name: string; body: string; id?: string }) {
  const waId = input.from.replace(/^\+/, '');
  return {
    contacts: [{ profile: { name: input.name }, wa_id: waId }],
    messages: [
      {
        from: waId,
        id: input.id ?? newWamid(),
        timestamp: unix(),
        text: { body: input.body },
        type: 'text',
      },
    ],
  };
}

export function reactionValue(input: {
  from: string;
  name: string;
  messageId: string;
  emoji: string;
}) {
  const waId = input.from.replace(/^\+/, '');
  return {
    contacts: [{ profile: { name: input.name }, wa_id: waId }],
    messages: [
      {
        from: waId,
        id: newWamid(),
        timestamp: unix(),
        reaction: { message_id: input.messageId, emoji: input.emoji },
        type: 'reaction',
      },
    ],
  };
}

export function statusValue(input: {
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  recipient: string;
  error?: { code: number; title: string; message: string; details: string };
}) {
  return {
    statuses: [
      {
        id: input.id,
        status: input.status,
        timestamp: unix(),
        recipient_id: input.recipient.replace(/^\+/, ''),
        ...(input.error
          ? {
              errors: [
                {
                  code: input.error.code,
                  title: input.error.title,
                  message: input.error.message,
                  error_data: { details: input.error.details },
                },
              ],
            }
          : {}),
      },
    ],
  };
}
