/** Plain-language explanations of Twilio error codes an agent is likely to meet. */
const explanations: Record<string, string> = {
  '20429': 'Twilio received too many requests. Try sending again in a few minutes.',
  '21211': 'The phone number is not valid. Check the number and country code.',
  '21408': 'Sending to this country is not enabled on the Twilio account.',
  '21610':
    'The customer has unsubscribed (replied STOP) and cannot receive messages from this number.',
  '21612': 'Twilio cannot route a message between these two numbers.',
  '21614': 'The number is not a mobile number and cannot receive text messages.',
  '21617': 'The message is too long.',
  '30003': "The customer's phone is unreachable (switched off or out of coverage).",
  '30004': 'The customer has blocked messages from this number.',
  '30005': 'The number does not exist or is no longer in service.',
  '30006': 'The number is a landline or its carrier cannot receive text messages.',
  '30007': 'The carrier filtered the message as possible spam.',
  '30008': 'The carrier did not deliver the message for an unknown reason.',
  '63016':
    'More than 24 hours have passed since the customer last wrote on WhatsApp; only an approved template can be sent now.',
  '63018': 'WhatsApp limited how fast this number can send. Try sending again in a few minutes.',
  '63024':
    'The number is not a valid WhatsApp user. Check the number or reach the customer another way.',
  '63032':
    "WhatsApp did not deliver this message because of a limit on the customer's account (for example marketing messages); try again later.",
  '63112':
    'Meta has disabled or restricted the WhatsApp Business account. An admin needs to resolve it in Meta Business Manager.',
};

export function explainTwilioError(code: string | undefined, providerMessage?: string): string {
  // Own keys only: a code such as "constructor" must not read Object's.
  if (code && Object.hasOwn(explanations, code)) return explanations[code]!;
  return (
    providerMessage?.trim() ||
    (code ? `Twilio error ${code}.` : 'The provider did not accept the message.')
  );
}
