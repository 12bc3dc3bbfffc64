import { randomBytes } from 'node:crypto';

export const newSid = (prefix = 'SM') => `${prefix}${randomBytes(16).toString('hex')}`;

/** An incoming-SMS webhook body with the fields Twilio documents, in its order. */
export function incomingSms(input: {
  accountSid: string;
  from: string;
  to: string;
  body: string;
  sid?: string;
}) {
  const sid = input.sid ?? newSid();
  return {
    ToCountry: 'US',
    ToState: 'CA',
    SmsMessageSid: sid,
    NumMedia: '0',
    ToCity: 'SAN FRANCISCO',
    FromZip: '',
    SmsSid: sid,
    FromState: '',
    SmsStatus: 'received',
    FromCity: '',
    Body: input.body,
    FromCountry: 'US',
    To: input.to,
    ToZip: '',
    NumSegments: '1',
    MessageSid: sid,
    AccountSid: input.accountSid,
    From: input.from,
    ApiVersion: '2010-04-01',
  };
}

/** A status callback body as Twilio posts it. */
export function statusCallback(input: {
  accountSid: string;
  sid: string;
  status: string;
  from: string;
  to: string;
  errorCode?: string;
}) {
  return {
    SmsSid: input.sid,
    SmsStatus: input.status,
    MessageStatus: input.status,
    To: input.to,
    MessageSid: input.sid,
    AccountSid: input.accountSid,
    From: input.from,
    ApiVersion: '2010-04-01',
    ...(input.errorCode ? { ErrorCode: input.errorCode } : {}),
  };
}
