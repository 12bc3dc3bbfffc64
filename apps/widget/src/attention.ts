import type { ChatMessage } from './api';
import { chime } from './sound';

/**
 * Getting the visitor's attention when an agent writes while the chat is minimized or the tab
 * hidden: a chime, a count on the launcher and in the tab title, cleared once they look.
 */
export class Attention {
  private seen: Set<string> | null = null;
  private count = 0;
  private titled = 0;
  private pageTitle = document.title;

  /** Takes in a fresh listing; true when agent messages arrived since the last one. */
  arrived(messages: readonly ChatMessage[], open: boolean): boolean {
    const incoming = messages.filter((message) => message.direction === 'outbound');
    const seen = this.seen;
    // What was there when the page loaded counts as read.
    const fresh = seen ? incoming.filter((message) => !seen.has(message.id)).length : 0;
    this.seen = new Set(incoming.map((message) => message.id));
    if (fresh > 0 && (!open || document.hidden)) {
      this.count += fresh;
      chime();
    }
    return fresh > 0;
  }

  /** The unread count, cleared when the visitor is looking; the tab title follows it. */
  unread(open: boolean): number {
    if (open && !document.hidden) this.count = 0;
    if (this.count !== this.titled) {
      // Touch the title only while counting, so a page that retitles itself is left alone.
      if (this.titled === 0) this.pageTitle = document.title;
      document.title = this.count > 0 ? `(${this.count}) ${this.pageTitle}` : this.pageTitle;
      this.titled = this.count;
    }
    return this.count;
  }
}
