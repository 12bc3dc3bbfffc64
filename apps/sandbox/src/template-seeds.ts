/**
 * The WhatsApp templates every business starts with, on both providers: Meta lists them per
 * WhatsApp Business Account, Twilio as one Content resource per language. Same names and
 * texts, so a demo behaves the same whichever provider carries the inbox.
 */
export interface TemplateSeed {
  name: string;
  category: 'UTILITY' | 'MARKETING';
  /** Meta's review state; Twilio seeds only the approved ones. */
  status: 'APPROVED' | 'PENDING';
  /** Language code (Meta's spelling) → body text with {{1}}-style placeholders. */
  bodies: Record<string, string>;
  /** Sample values, as Meta keeps them for review and Twilio as the Content's default variables. */
  example: string[];
}

export const templateSeeds: TemplateSeed[] = [
  {
    name: 'order_update',
    category: 'UTILITY',
    status: 'APPROVED',
    bodies: {
      en_US: 'Hi {{1}}, your order {{2}} has shipped.',
      es: 'Hola {{1}}, tu pedido {{2}} fue enviado.',
      pt_BR: 'Olá {{1}}, seu pedido {{2}} foi enviado.',
    },
    example: ['Ana', 'A-1042'],
  },
  {
    name: 'follow_up',
    category: 'UTILITY',
    status: 'APPROVED',
    bodies: {
      en_US: 'Hi {{1}}, we are following up on your support request. Reply to continue.',
      es: 'Hola {{1}}, damos seguimiento a tu solicitud de soporte. Responde para continuar.',
      pt_BR: 'Olá {{1}}, estamos acompanhando sua solicitação de suporte. Responda para continuar.',
    },
    example: ['Ana'],
  },
  {
    name: 'pending_offer',
    category: 'MARKETING',
    status: 'PENDING',
    bodies: { en_US: 'Hi {{1}}, a special offer is waiting for you: {{2}} off your next order.' },
    example: ['Ana', '20%'],
  },
];

/** Placeholders of a body in order of appearance: `{{1}}`, `{{2}}` or named `{{first_name}}`. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w]+)\s*\}\}/g)].map((match) => match[1]!);
}

/** The body with each placeholder replaced by its value; unknown placeholders stay visible. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*([\w]+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}
