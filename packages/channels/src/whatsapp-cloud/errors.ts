/**
 * Plain-language explanations of the WhatsApp Cloud API error codes an agent is likely to meet,
 * each saying what happened and what can be done about it.
 */
const explanations: Record<string, string> = {
  '0': 'WhatsApp could not authenticate the inbox. An admin needs to check its access token.',
  '1': 'WhatsApp had a temporary problem. Try sending again in a few minutes.',
  '2': 'WhatsApp is temporarily unavailable. Try sending again in a few minutes.',
  '3': 'The WhatsApp app is not allowed to send messages. An admin needs to check its setup in Meta.',
  '4': 'The WhatsApp app made too many requests. Try sending again in a few minutes.',
  '10': 'The WhatsApp access token lacks the permission to send from this number. An admin needs to grant whatsapp_business_messaging.',
  '100':
    'WhatsApp rejected the request as invalid (for example an unknown number id or a bad parameter). An admin needs to check the inbox settings.',
  '190':
    'The WhatsApp access token has expired or is invalid. An admin needs to update the inbox credentials.',
  '200':
    'The WhatsApp access token lacks a permission it needs. An admin needs to check the app permissions in Meta.',
  '368': 'The WhatsApp Business account is temporarily blocked for violating WhatsApp policies.',
  '80007': 'The WhatsApp Business account reached its rate limit. Try sending again later.',
  '130429': 'WhatsApp limited how fast this number can send. Try sending again in a few minutes.',
  '130472':
    "WhatsApp held back this marketing message because the customer's number is part of a Meta experiment.",
  '130497': 'The WhatsApp Business account is not allowed to message customers in this country.',
  '131000': 'WhatsApp had an unexpected problem. Try sending again in a few minutes.',
  '131005':
    'The WhatsApp access token is not allowed to do this. An admin needs to check its permissions.',
  '131008': 'A required part of the message is missing.',
  '131009': 'A value in the message is not valid for WhatsApp.',
  '131016': 'WhatsApp is temporarily unavailable. Try sending again in a few minutes.',
  '131021': "The customer's number is the inbox's own number.",
  '131026':
    'WhatsApp could not deliver the message: the customer may not use WhatsApp, may run an old version, or may not have accepted its terms.',
  '131031':
    'The WhatsApp Business account is locked (a policy violation or failed verification). An admin needs to resolve it in Meta.',
  '131037': 'The WhatsApp number needs an approved display name before it can send messages.',
  '131042':
    'There is a payment problem on the WhatsApp Business account. An admin needs to fix the payment method in Meta.',
  '131045': 'The WhatsApp number is not registered correctly. An admin needs to register it again.',
  '131047':
    'More than 24 hours have passed since the customer last wrote. Only an approved template can be sent now.',
  '131048':
    'WhatsApp is limiting this number because many of its messages were blocked or reported as spam. Try again later.',
  '131049':
    'Meta chose not to deliver this marketing message to keep customers engaged; try again later or with another template.',
  '131050': 'The customer has stopped marketing messages from this business.',
  '131051': 'WhatsApp does not support this type of message.',
  '131052': 'WhatsApp could not download the file the customer sent. Ask them to send it again.',
  '131053': 'WhatsApp could not process the attached file. Check its type and size.',
  '131056':
    'Too many messages were sent to this customer in a short time. Wait a minute and send again.',
  '131057': 'The WhatsApp Business account is in maintenance mode; try again later.',
  '132000': 'The number of values given does not match the parameters of the template.',
  '132001': 'The template does not exist in this language or is not approved yet.',
  '132005': 'The template text is too long once its parameters are filled in.',
  '132007': "The template's content breaks WhatsApp's formatting policy.",
  '132012': 'A template value does not have the format the template expects.',
  '132015': 'The template is paused because of low quality. Choose another template.',
  '132016': 'The template was disabled because of low quality. Choose another template.',
  '133004': 'WhatsApp is temporarily unavailable. Try sending again in a few minutes.',
  '133010':
    'The WhatsApp number is not registered on the Cloud API. An admin needs to register it.',
};

export function explainMetaError(code: number | string | undefined, fallback?: string): string {
  const key = code === undefined ? '' : String(code);
  return (
    // Own keys only: a code such as "toString" must not read Object's.
    (Object.hasOwn(explanations, key) ? explanations[key] : undefined) ??
    (fallback?.trim() || (key ? `WhatsApp error ${key}.` : 'WhatsApp did not accept the message.'))
  );
}
