import { randomBytes, randomInt } from 'node:crypto';

/** Digits of a WhatsApp id: Meta writes phone numbers without the `+`. */
export function waId(phone: string): string {
  return phone.replace(/^whatsapp:/, '').replace(/\D/g, '');
}

/** Graph object ids (media, templates) are long decimal strings. */
export function graphObjectId(): string {
  return `${randomInt(1, 10)}${Array.from({ length: 15 }, () => randomInt(0, 10)).join('')}`;
}

/**
 * A WhatsApp message id as Meta mints them: `wamid.` and base64 of a small protobuf-like
 * record holding the customer's wa_id and a random hex key (0x11 marks messages the business
 * sent, 0x12 messages it received). Apps only treat it as opaque, but it should look the part.
 */
export function wamid(customerWaId: string, direction: 'outbound' | 'inbound'): string {
  const key = randomBytes(direction === 'outbound' ? 9 : 10)
    .toString('hex')
    .toUpperCase();
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, customerWaId.length]),
    Buffer.from(customerWaId),
    Buffer.from([0x15, 0x02, 0x00, direction === 'outbound' ? 0x11 : 0x12, 0x18, key.length]),
    Buffer.from(key),
    Buffer.from([0x00]),
  ]);
  return `wamid.${record.toString('base64')}`;
}

/** The id Meta's support asks for; every Graph error carries one. */
export function fbtraceId(): string {
  return `A${randomBytes(16).toString('base64url').slice(0, 22)}`;
}
