import { mailboxKey } from './addresses';
import type { MailRecord } from './parse';

/** What the customer's mail server answered when the sandbox delivered their message. */
export interface DeliveryOutcome {
  accepted: boolean;
  /** The listener's SMTP response line, or why it could not be reached. */
  response: string;
}

/**
 * One message in one customer's mailbox: `in` is mail the customer received (from the
 * business), `out` is mail the customer sent.
 */
export interface MailboxEntry {
  owner: string;
  direction: 'in' | 'out';
  mail: MailRecord;
  /** Only for `out`: how the delivery to Switchboard went. */
  delivery: DeliveryOutcome | null;
  storedAt: Date;
}

/** Every customer's mail, in memory and in arrival order, like the rest of the sandbox. */
export class MailStore {
  private entries: MailboxEntry[] = [];

  add(owner: string, direction: MailboxEntry['direction'], mail: MailRecord): MailboxEntry {
    const entry = {
      owner: mailboxKey(owner),
      direction,
      mail,
      delivery: null,
      storedAt: new Date(),
    };
    this.entries.push(entry);
    return entry;
  }

  /** One customer's mail, oldest first; every mailbox when no address is given. */
  list(address?: string): MailboxEntry[] {
    if (address === undefined) return [...this.entries];
    const owner = mailboxKey(address);
    return this.entries.filter((entry) => entry.owner === owner);
  }

  /** A message the customer received, by its Message-ID. */
  received(address: string, messageId: string): MailboxEntry | undefined {
    return this.list(address).find(
      (entry) => entry.direction === 'in' && entry.mail.messageId === messageId,
    );
  }

  /** A message by the sandbox's own id, in whichever mailbox holds it. */
  byId(id: string): MailboxEntry | undefined {
    return this.entries.find((entry) => entry.mail.id === id);
  }

  clear(): void {
    this.entries = [];
  }
}
