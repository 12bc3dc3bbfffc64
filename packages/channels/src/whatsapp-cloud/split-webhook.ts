import type { SplitEvent } from '../types';
import { asObject, asObjects, asText, type JsonObject } from './read-json';

/**
 * One Meta webhook can batch several messages and statuses, for several numbers. Each becomes
 * its own stored event, keyed so that Meta's retried deliveries land on the same ids:
 * a message by its wamid, a status by wamid and status (one message is sent, delivered, read).
 */
export function splitCloudWebhook(body: unknown): SplitEvent[] {
  const root = asObject(body);
  if (root?.object !== 'whatsapp_business_account') return [];
  const events: SplitEvent[] = [];
  const seen = new Set<string>();
  const add = (event: SplitEvent) => {
    const key = `${event.kind}:${event.providerEventId}`;
    if (seen.has(key)) return;
    seen.add(key);
    events.push(event);
  };
  for (const entry of asObjects(root.entry)) {
    for (const change of asObjects(entry.changes)) {
      // Template reviews, quality ratings, account updates… arrive under other fields.
      if (change.field !== 'messages') continue;
      const value = asObject(change.value);
      if (!value) continue;
      const metadata = asObject(value.metadata) ?? {};
      const contacts = asObjects(value.contacts);
      for (const message of asObjects(value.messages)) {
        const id = asText(message.id);
        if (!id) continue;
        const contact = senderOf(message, contacts);
        add({
          kind: 'message',
          providerEventId: id,
          payload: { message, ...(contact ? { contact } : {}), metadata },
        });
      }
      for (const status of asObjects(value.statuses)) {
        const id = asText(status.id);
        const state = asText(status.status);
        if (!id || !state) continue;
        add({ kind: 'status', providerEventId: `${id}:${state}`, payload: { status, metadata } });
      }
    }
  }
  return events;
}

/**
 * The profile of a message's sender. Meta warns that a user's wa_id and phone number may
 * differ, so a lone profile in the batch is taken as the sender's when no wa_id matches.
 */
function senderOf(message: JsonObject, contacts: JsonObject[]): JsonObject | undefined {
  const from = asText(message.from);
  return (
    contacts.find((contact) => from !== undefined && asText(contact.wa_id) === from) ??
    (contacts.length === 1 ? contacts[0] : undefined)
  );
}
