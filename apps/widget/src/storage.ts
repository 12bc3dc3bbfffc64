/**
 * What the widget remembers on this browser, per inbox: the visitor token that binds them to
 * their conversation, what they typed in the pre-chat form, and messages not yet accepted.
 * localStorage can be missing or full (private modes, strict cookie settings): then the widget
 * still works for this page view, from memory.
 */

export interface VisitorProfile {
  token?: string;
  name?: string;
  /** An email or phone number, as typed in the pre-chat form. */
  contact?: string;
  teamId?: string;
  /** The chat was open: a reload shows it open again. */
  open?: boolean;
}

export interface StoredOutgoing {
  clientMessageId: string;
  text: string;
  teamId?: string;
  /** The page the visitor was on when they wrote it. */
  pageUrl?: string;
  /** Written in the offline-message form. */
  offline?: boolean;
  /** The API stored it; it shows as sent until the conversation lists it. */
  accepted: boolean;
  /** The API refused it for good (not a network or server problem). */
  failed: boolean;
}

export interface WidgetStorage {
  profile(): VisitorProfile;
  saveProfile(profile: VisitorProfile): void;
  outbox(): StoredOutgoing[];
  saveOutbox(messages: StoredOutgoing[]): void;
}

export function widgetStorage(inboxId: string): WidgetStorage {
  const memory = new Map<string, string>();
  const key = (name: string) => `switchboard.webchat.${inboxId}.${name}`;

  function read<T>(name: string, fallback: T): T {
    // What this page wrote wins: the browser may have refused to store it.
    let raw = memory.get(key(name)) ?? null;
    try {
      raw ??= window.localStorage.getItem(key(name));
    } catch {
      // No storage: memory only.
    }
    if (!raw) return fallback;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return fallback;
    }
  }

  function write(name: string, value: unknown) {
    const raw = JSON.stringify(value);
    memory.set(key(name), raw);
    try {
      window.localStorage.setItem(key(name), raw);
    } catch {
      // Kept in memory only.
    }
  }

  return {
    profile: () => read<VisitorProfile>('visitor', {}),
    saveProfile: (profile) => write('visitor', profile),
    outbox: () => read<StoredOutgoing[]>('outbox', []),
    saveOutbox: (messages) => write('outbox', messages),
  };
}
