import { ApiError, type ChatMessage, type OutgoingMessage } from './api';
import type { StoredOutgoing, WidgetStorage } from './storage';

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

  add(text: string, listed: readonly ChatMessage[], teamId?: string): void {
    const body = normalize(text);
    this.messages.push({
      clientMessageId: crypto.randomUUID(),
      text: body,
      ...(teamId ? { teamId } : {}),
      accepted: false,
      failed: false,
      before: sameText(listed, body).map((message) => message.id),
    });
    this.changed();
    this.flushNow();
  }

  /** Forgets the accepted messages the conversation now lists, each matched to one listed message. */
  reconcile(listed: readonly ChatMessage[]): void {
    const claimed = new Set<string>();
    const remaining = this.messages.filter((message) => {
      if (!message.accepted) return true;
      const match = sameText(listed, message.text).find(
        (candidate) => !message.before.includes(candidate.id) && !claimed.has(candidate.id),
      );
      if (!match) return true;
      claimed.add(match.id);
      return false;
    });
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
          await this.send({
            clientMessageId: next.clientMessageId,
            text: next.text,
            ...(next.teamId ? { teamId: next.teamId } : {}),
          });
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

function sameText(listed: readonly ChatMessage[], text: string) {
  return listed.filter(
    (message) => message.direction === 'inbound' && normalize(message.text) === text,
  );
}
