/** Twilio's error body, as every 2010-04-01 endpoint returns it. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

/** A request Twilio would refuse; the messages API turns it into Twilio's error body. */
export class TwilioApiError extends Error {
  override name = 'TwilioApiError';

  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  toBody(): TwilioErrorBody {
    return twilioErrorBody(this.status, this.code, this.message);
  }
}

export function twilioErrorBody(status: number, code: number, message: string): TwilioErrorBody {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/** Twilio's own wording for the errors the sandbox produces or is asked to fake. */
const knownMessages: Record<number, string> = {
  20001: 'Unknown parameters',
  20003: 'Authenticate',
  20404: 'The requested resource was not found',
  20429: 'Too Many Requests',
  20500: 'An internal server error has occurred',
  20503: 'Service Unavailable',
  21211: "Invalid 'To' Phone Number",
  21408: 'Permission to send an SMS has not been enabled for the region indicated by the To number',
  21610: 'Attempt to send to unsubscribed recipient',
  21612: "The 'To' phone number is not currently reachable via SMS",
  21614: "'To' number is not a valid mobile number",
  21617: 'The concatenated message body exceeds the 1600 character limit.',
  11200: 'HTTP retrieval failure',
  21655: 'The ContentSid is Invalid',
  21656: 'The ContentVariables Parameter is invalid',
  21910: 'Invalid From and To pair. From and To should be of the same channel',
  30001: 'Queue overflow',
  30002: 'Account suspended',
  30003: 'Unreachable destination handset',
  30004: 'Message blocked',
  30005: 'Unknown destination handset',
  30006: 'Landline or unreachable carrier',
  30007: 'Message filtered',
  30008: 'Unknown error',
  30010: 'Message price exceeds max price',
  30034: 'Message from an unregistered number',
  63016:
    'Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.',
  63019: 'Media failed to download',
};

export function twilioErrorMessage(code: number): string {
  return knownMessages[code] ?? `Error ${code}`;
}

/**
 * Delivery errors Twilio reports as `failed` (the message never left Twilio) rather than
 * `undelivered` (a carrier refused it), so their messages get no `sent` callback.
 */
export const failedBeforeSending = new Set([11200, 30001, 30002, 30010, 30034, 63016, 63019]);

export const twilioErrors = {
  authenticate: () => new TwilioApiError(401, 20003, twilioErrorMessage(20003)),
  notFound: (path: string) =>
    new TwilioApiError(404, 20404, `The requested resource ${path} was not found`),
  toRequired: () => new TwilioApiError(400, 21604, "A 'To' phone number is required."),
  fromRequired: () => new TwilioApiError(400, 21603, "A 'From' phone number is required."),
  bodyRequired: () => new TwilioApiError(400, 21602, 'Message body is required.'),
  invalidTo: (to: string) =>
    new TwilioApiError(400, 21211, `The 'To' number ${to} is not a valid phone number.`),
  invalidFrom: (from: string) =>
    new TwilioApiError(
      400,
      21212,
      `The 'From' number ${from} is not a valid phone number, shortcode, or alphanumeric sender ID.`,
    ),
  fromNotOwned: (from: string) =>
    new TwilioApiError(
      400,
      21606,
      `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
    ),
  sameToAndFrom: (to: string) =>
    new TwilioApiError(400, 21266, `'To' and 'From' number cannot be the same: ${to}`),
  bodyTooLong: () => new TwilioApiError(400, 21617, twilioErrorMessage(21617)),
  invalidStatusCallback: (url: string) =>
    new TwilioApiError(400, 21609, `The StatusCallback URL ${url} is not a valid URL.`),
  invalidContentSid: () => new TwilioApiError(400, 21655, twilioErrorMessage(21655)),
  invalidContentVariables: () => new TwilioApiError(400, 21656, twilioErrorMessage(21656)),
  channelMismatch: () => new TwilioApiError(400, 21910, twilioErrorMessage(21910)),
  invalidMessagingService: (sid: string) =>
    new TwilioApiError(400, 21701, `The Messaging Service Sid ${sid} is invalid.`),
  serviceWithoutSenders: (sid: string) =>
    new TwilioApiError(
      400,
      21704,
      `The Messaging Service ${sid} contains no phone numbers, short codes or alphanumeric sender IDs.`,
    ),
};
