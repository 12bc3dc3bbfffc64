/** The demo workspace of DESIGN §8: fixed, documented values so any client can sign requests. */
export const demo = {
  workspaceName: 'Demo Co',
  users: [
    { email: 'admin@demo.test', name: 'Alex Admin', role: 'admin' },
    { email: 'supervisor@demo.test', name: 'Sofía Supervisora', role: 'supervisor' },
    { email: 'agent1@demo.test', name: 'Ana Agent', role: 'agent' },
    { email: 'agent2@demo.test', name: 'Bruno Agente', role: 'agent' },
  ],
  teamName: 'Support',
  billingTeamName: 'Billing',
  twilio: {
    accountSid: 'AC5a4db0c0ffee5a4db0c0ffee5a4db0c0',
    authToken: 'sandbox-twilio-token',
    smsNumber: '+15551230000',
    whatsappNumber: '+15551230001',
  },
  /** The WhatsApp Cloud API number; secrets as DESIGN §8 gives them. */
  meta: {
    displayPhoneNumber: '+15551230002',
    phoneNumberId: '100000000000002',
    wabaId: '200000000000002',
    accessToken: 'sandbox-meta-access-token',
    appSecret: 'sandbox-app-secret',
    verifyToken: 'sandbox-verify-token',
  },
  /** The support address; mail reaches it forwarded to the SMTP listener, replies leave through the sandbox. */
  email: { address: 'support@demo.switchboard.test' },
  /** A customer's phone the sandbox page starts with. */
  customerPhone: '+15005550006',
} as const;
