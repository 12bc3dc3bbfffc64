import type { ResolvedSandboxOptions, TwilioAccount, TwilioNumber } from './options';

export type MessageDirection = 'inbound' | 'outbound-api' | 'outbound-reply';

export type MessageStatus =
  'accepted' | 'queued' | 'sent' | 'delivered' | 'read' | 'undelivered' | 'failed' | 'received';

/** One message as the sandbox keeps it; the Twilio resource is rendered from this. */
export interface StoredMessage {
  sid: string;
  accountSid: string;
  direction: MessageDirection;
  /** Null while a Messaging Service has not picked a sender yet. */
  from: string | null;
  to: string;
  body: string;
  mediaUrls: string[];
  messagingServiceSid: string;
  /** True when the caller named a Messaging Service rather than a From number. */
  viaMessagingService: boolean;
  numSegments: number;
  status: MessageStatus;
  errorCode: number | null;
  errorMessage: string | null;
  dateCreated: Date;
  dateUpdated: Date;
  dateSent: Date | null;
  statusCallback: string | null;
  /** Inbound only: HTTP status the app answered to the webhook, null when it could not be reached. */
  webhookStatus: number | null;
  /** The Content template it was sent with (its body is the template rendered). */
  contentSid: string | null;
  /** The error the message is bound to end with, decided when it was accepted (63016). */
  pendingErrorCode: number | null;
  /** Sandbox copies of the fetched MediaUrls, which the customer's phone page can load. */
  mediaCopies: string[];
  /** Inbound WhatsApp: the customer's profile name and the message they replied to. */
  profileName: string | null;
  repliedMessageSid: string | null;
}

/** Channel prefixes (whatsapp:) do not change which number is meant. */
export function bareAddress(address: string): string {
  return address.replace(/^whatsapp:/, '');
}

export const isWhatsApp = (address: string | null) => address?.startsWith('whatsapp:') ?? false;

/** In-memory state of one sandbox instance: nothing here outlives the process, by design. */
export class SandboxStore {
  private readonly accounts = new Map<string, TwilioAccount>();
  private readonly numbers = new Map<string, TwilioNumber>();
  private readonly failNumbers = new Map<string, number>();
  private readonly messages = new Map<string, StoredMessage>();

  constructor(options: ResolvedSandboxOptions) {
    for (const account of options.twilio.accounts) this.accounts.set(account.accountSid, account);
    for (const entry of options.twilio.numbers) this.putNumber(entry);
    for (const [number, code] of Object.entries(options.twilio.failNumbers)) {
      this.setFailNumber(number, code);
    }
  }

  account(accountSid: string): TwilioAccount | undefined {
    return this.accounts.get(accountSid);
  }

  /**
   * A number and its WhatsApp sender (`whatsapp:+1…`) are registered apart, as on Twilio,
   * where each has its own incoming-message URL.
   */
  putNumber(entry: TwilioNumber): void {
    this.numbers.set(entry.number, entry);
  }

  /** The registration for an address: its own channel's first, else the same number's other one. */
  number(address: string): TwilioNumber | undefined {
    const bare = bareAddress(address);
    return (
      this.numbers.get(address) ?? this.numbers.get(bare) ?? this.numbers.get(`whatsapp:${bare}`)
    );
  }

  listNumbers(): TwilioNumber[] {
    return [...this.numbers.values()];
  }

  numbersOf(accountSid: string): TwilioNumber[] {
    return this.listNumbers().filter((entry) => entry.accountSid === accountSid);
  }

  setFailNumber(address: string, errorCode: number | null): void {
    if (errorCode === null) this.failNumbers.delete(bareAddress(address));
    else this.failNumbers.set(bareAddress(address), errorCode);
  }

  failCodeFor(address: string): number | undefined {
    return this.failNumbers.get(bareAddress(address));
  }

  addMessage(message: StoredMessage): void {
    this.messages.set(message.sid, message);
  }

  message(sid: string): StoredMessage | undefined {
    return this.messages.get(sid);
  }

  /** Applies a change and stamps date_updated, as Twilio does on every status change. */
  updateMessage(sid: string, change: Partial<StoredMessage>): StoredMessage | undefined {
    const current = this.messages.get(sid);
    if (!current) return undefined;
    Object.assign(current, change, { dateUpdated: new Date() });
    return current;
  }

  /** Every message, oldest first (Map keeps insertion order). */
  allMessages(): StoredMessage[] {
    return [...this.messages.values()];
  }

  clearMessages(): void {
    this.messages.clear();
  }
}
