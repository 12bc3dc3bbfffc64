import type { SandboxClock } from './clock';

/** WhatsApp lets a business answer freely for 24 hours after the customer's last message. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

const digitsOf = (address: string) => address.replace(/^whatsapp:/, '').replace(/^\+/, '');

/**
 * When each customer last wrote to each business number on WhatsApp, whichever provider
 * carried it (Meta or Twilio): both enforce the same 24-hour customer service window.
 */
export class CustomerWindows {
  private readonly lastMessageAt = new Map<string, number>();

  constructor(private readonly clock: SandboxClock) {}

  private key(customer: string, business: string): string {
    return `${digitsOf(customer)}>${digitsOf(business)}`;
  }

  /** The customer wrote just now. */
  touch(customer: string, business: string): void {
    this.lastMessageAt.set(this.key(customer, business), this.clock.nowMs());
  }

  lastMessage(customer: string, business: string): Date | undefined {
    const at = this.lastMessageAt.get(this.key(customer, business));
    return at === undefined ? undefined : new Date(at);
  }

  isOpen(customer: string, business: string): boolean {
    const at = this.lastMessageAt.get(this.key(customer, business));
    return at !== undefined && this.clock.nowMs() - at < CUSTOMER_SERVICE_WINDOW_MS;
  }

  /** Moves the customer's last message back in time; undefined when they never wrote. */
  age(customer: string, business: string, hours: number): Date | undefined {
    const key = this.key(customer, business);
    const at = this.lastMessageAt.get(key);
    if (at === undefined) return undefined;
    const moved = at - hours * 60 * 60 * 1000;
    this.lastMessageAt.set(key, moved);
    return new Date(moved);
  }
}
