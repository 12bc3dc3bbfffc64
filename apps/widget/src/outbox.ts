import { ApiError, type ChatMessage, type OutgoingMessage } from './api';
import type { StoredOutgoing, WidgetStorage } from './storage';
import { uuid } from './page';

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 15_000;

const normalize = (text: string) => text.replace(/\r\n/g, '\n').trim();

/**
 * Messages the visitor wrote that the API has not listed back yet. Each carries the id the
 * browser gave it, so sending it again after a lost answer stores it once; they go one at a
 * time, in order, and are retried until the API accepts them. Kept in storage, so a reload or a
 * closed tab does not lose what was typed during a network drop.
 */
export class Outbox {
  private messages: StoredOutgoing[];
  private sending = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;

  constructor(
    private readonly storage: WidgetStorage,
    private readonly send: (message: OutgoingMessage) => Promise<void>,
    private readonly onChange: () => void,
  ) {
    this.messages = storage.outbox();
    window.addEventListener('online', () => this.flushNow());
  }

  get pending(): readonly StoredOutgoing[] {
    return this.messages;
  }

  add(text: string, extra: Pick<StoredOutgoing, 'teamId' | 'pageUrl' | 'offline'> = {}): void {
    this.messages.push({
      clientMessageId: uuid(),
      text: normalize(text),
      ...extra,
      accepted: false,
      failed: false,
    });
    this.changed();
    this.flushNow();
  }

  /** Forgets the messages the conversation now lists: the browser's id tells them apart. */
  reconcile(listed: readonly ChatMessage[]): void {
    const ids = new Set(listed.map((message) => message.clientMessageId));
    const remaining = this.messages.filter((message) => !ids.has(message.clientMessageId));
    if (remaining.length === this.messages.length) return;
    this.messages = remaining;
    this.changed();
  }

  flushNow(): void {
    clearTimeout(this.retryTimer);
    this.retries = 0;
    void this.flush();
  }

  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (;;) {
        const next = this.messages.find((message) => !message.accepted && !message.failed);
        if (!next) return;
        try {
          // Undefined fields drop out of the JSON body.
          const { clientMessageId, text, teamId, pageUrl, offline } = next;
          await this.send({ clientMessageId, text, teamId, pageUrl, offline });
          next.accepted = true;
          this.retries = 0;
        } catch (error) {
          if (error instanceof ApiError && !error.retryable) {
            next.failed = true;
          } else {
            this.retryLater();
            return;
          }
        } finally {
          this.changed();
        }
      }
    } finally {
      this.sending = false;
    }
  }

  private retryLater() {
    clearTimeout(this.retryTimer);
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.retries);
    this.retries++;
    this.retryTimer = setTimeout(() => void this.flush(), delay);
  }

  private changed() {
    this.storage.saveOutbox(this.messages);
    this.onChange();
  }
}
