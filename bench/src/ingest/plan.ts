import { customerNumbers } from '../lib/workspace';
import { newMessageSid } from '../lib/twilio-client';

export interface PlannedMessage {
  from: string;
  body: string;
  sid: string;
}

const TEXTS = [
  'Hola, mi pedido no ha llegado todavía',
  'Hi, I was charged twice for the same order',
  'Olá, preciso trocar o endereço de entrega',
  '¿Pueden cambiar la talla? Me quedó pequeña',
  'The tracking link says delivered but nothing is here',
];

/**
 * `count` incoming SMS from `count / perCustomer` customers, interleaved so a customer's
 * messages arrive close together (some concurrently), as bursts do in real traffic.
 */
export function planMessages(count: number, perCustomer: number, offset = 0): PlannedMessage[] {
  const customers = customerNumbers(offset + Math.ceil(count / perCustomer)).slice(offset);
  return Array.from({ length: count }, (_, index) => ({
    from: customers[index % customers.length]!,
    body: `${TEXTS[index % TEXTS.length]} (#${index})`,
    sid: newMessageSid(),
  }));
}
