import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import twilio from 'twilio';

export interface TwilioInbox {
  id: string;
  address: string;
  accountSid: string;
  authToken: string;
}

export const newMessageSid = () => `SM${randomBytes(16).toString('hex')}`;

/** The form fields Twilio posts for an incoming SMS. */
export function incomingSmsFields(inbox: TwilioInbox, from: string, body: string, sid: string) {
  return {
    ToCountry: 'US',
    SmsMessageSid: sid,
    NumMedia: '0',
    SmsSid: sid,
    SmsStatus: 'received',
    Body: body,
    FromCountry: 'US',
    To: inbox.address,
    NumSegments: '1',
    MessageSid: sid,
    AccountSid: inbox.accountSid,
    From: from,
    ApiVersion: '2010-04-01',
  };
}

/** Sends signed Twilio webhooks over kept-alive connections, as Twilio's own fleet would. */
export class TwilioWebhookClient {
  private readonly agent: Agent;

  /** `publicUrl`: the api's PUBLIC_URL, which Twilio signs; several instances share one. */
  constructor(
    private readonly publicUrl: string,
    connections: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  /**
   * Posts one signed incoming SMS to `target` (an instance's own address, default PUBLIC_URL);
   * resolves with the status code, 0 when the connection failed.
   */
  post(inbox: TwilioInbox, fields: Record<string, string>, target = this.publicUrl) {
    const path = `/webhooks/twilio/${inbox.id}`;
    // Twilio signs the URL it was configured with: PUBLIC_URL + path.
    const signature = twilio.getExpectedTwilioSignature(
      inbox.authToken,
      this.publicUrl + path,
      fields,
    );
    const body = new URLSearchParams(fields).toString();
    return new Promise<number>((resolve) => {
      const outgoing = request(
        `${target}${path}`,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
            'x-twilio-signature': signature,
          },
        },
        (response) => {
          response.resume();
          response.once('end', () => resolve(response.statusCode ?? 0));
        },
      );
      outgoing.once('error', () => resolve(0));
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
