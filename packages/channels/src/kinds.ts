export const inboxKinds = [
  'sms_twilio',
  'whatsapp_twilio',
  'whatsapp_cloud',
  'email',
  'webchat',
] as const;
export type InboxKindName = (typeof inboxKinds)[number];
