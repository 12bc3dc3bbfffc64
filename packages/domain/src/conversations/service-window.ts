import type { InboxKind } from '@switchboard/db';

/** WhatsApp lets a business send free text only within 24 hours of the customer's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
const WINDOWED_KINDS = new Set<InboxKind>(['whatsapp_twilio', 'whatsapp_cloud']);

export interface ServiceWindow {
  open: boolean;
  /** Null when the customer never wrote: only a template may start the conversation. */
  closesAt: string | null;
}

/** The customer service window of a conversation, or null for channels that have none. */
export function serviceWindow(
  kind: InboxKind,
  lastInboundAt: Date | null,
  now: Date = new Date(),
): ServiceWindow | null {
  if (!WINDOWED_KINDS.has(kind)) return null;
  if (!lastInboundAt) return { open: false, closesAt: null };
  const closesAt = new Date(lastInboundAt.getTime() + SERVICE_WINDOW_MS);
  return { open: closesAt.getTime() > now.getTime(), closesAt: closesAt.toISOString() };
}
