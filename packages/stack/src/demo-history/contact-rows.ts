import { randomUUID } from 'node:crypto';
import type { IdentityKind } from '@switchboard/db';
import type { HistoryChannel, HistoryPlan } from './types';

const IDENTITY_KIND: Record<HistoryChannel, IdentityKind> = {
  sms_twilio: 'phone',
  whatsapp_twilio: 'whatsapp',
  whatsapp_cloud: 'whatsapp',
  email: 'email',
};

/**
 * Only customers who wrote are stored, each with the identities of the channels they used.
 * `idOf` gives the stored id of a contact of the plan (by index); only those who wrote have one.
 */
export function contactRows(workspaceId: string, plan: HistoryPlan) {
  const used = new Map<number, { id: string; since: Date; kinds: Set<IdentityKind> }>();
  for (const conversation of plan.conversations) {
    const entry = used.get(conversation.contact) ?? {
      id: randomUUID(),
      since: conversation.createdAt,
      kinds: new Set<IdentityKind>(),
    };
    entry.kinds.add(IDENTITY_KIND[conversation.channel]);
    used.set(conversation.contact, entry);
  }
  const contacts = [...used].map(([index, entry]) => {
    const contact = plan.contacts[index]!;
    return {
      id: entry.id,
      workspaceId,
      name: contact.name,
      country: contact.country,
      language: contact.language,
      createdAt: entry.since,
      updatedAt: entry.since,
    };
  });
  const identities = [...used].flatMap(([index, entry]) => {
    const contact = plan.contacts[index]!;
    return [...entry.kinds].map((kind) => ({
      workspaceId,
      contactId: entry.id,
      kind,
      address: kind === 'email' ? contact.email : contact.phone,
      // What the channel would report: WhatsApp's profile name, the mail's display name.
      displayName: kind === 'phone' ? null : contact.name,
      createdAt: entry.since,
    }));
  });
  return { idOf: (contact: number) => used.get(contact)!.id, contacts, identities };
}
