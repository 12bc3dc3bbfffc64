/** How a reply travels, in words the agent reads ("by email", "by SMS"…). */
export type ChannelRoute = 'email' | 'sms' | 'whatsapp' | 'webchat';

/**
 * The route of an inbox kind, or of the short names activity lines use (`email`, `sms`);
 * null for anything else.
 */
export function channelRoute(channel: unknown): ChannelRoute | null {
  if (typeof channel !== 'string') return null;
  if (channel === 'email' || channel === 'webchat') return channel;
  if (channel === 'sms' || channel === 'sms_twilio') return 'sms';
  if (channel === 'whatsapp' || channel.startsWith('whatsapp_')) return 'whatsapp';
  return null;
}
