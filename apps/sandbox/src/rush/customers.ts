/**
 * What simulated customers write during a rush: everyday support questions in the languages
 * our users serve. Some mention billing words, so routing rules have something to match.
 */
export const rushTexts = [
  'Hola, ¿dónde está mi pedido? Lo compré hace una semana.',
  'Buenas tardes, necesito la factura de mi última compra.',
  'Me cobraron dos veces el mismo pago, ¿me ayudan?',
  'No puedo iniciar sesión en mi cuenta.',
  '¿Tienen envío a Monterrey?',
  'Quiero cambiar la dirección de entrega.',
  'Olá, meu pedido chegou com defeito.',
  'Preciso da segunda via do boleto, por favor.',
  'Qual é o prazo de entrega para Curitiba?',
  'Hi, my order still has not arrived.',
  'Can I get a refund for order A-2031?',
  'Where can I download my invoice?',
  'The app keeps logging me out.',
  'Do you ship to Canada?',
  '¿Puedo pagar en meses sin intereses?',
  'Necesito cancelar mi suscripción.',
] as const;

export const rushNames = [
  'Lucía Fernández',
  'Mateo García',
  'Valentina Rojas',
  'Santiago López',
  'Camila Torres',
  'João Silva',
  'Ana Souza',
  'Pedro Almeida',
  'Emily Carter',
  'Daniel Brooks',
  'Sofía Martínez',
  'Diego Herrera',
] as const;

/** A fresh customer number in the 555 range, so a rush never writes to a real person. */
export function rushCustomerNumber(index: number): string {
  const suffix = String((Date.now() + index * 7919) % 10_000_000).padStart(7, '0');
  return `+1555${suffix}`;
}
