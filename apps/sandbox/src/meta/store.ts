import { timingSafeEqual } from 'node:crypto';
import type { MetaNumber } from '../options';
import { seedTemplates, type MetaTemplate } from './templates';

export type MetaMessageStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';

/** An error inside a `failed` status webhook, in Meta's shape. */
export interface StatusError {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
}

export interface MessageMedia {
  /** The media object holding the file; null until a `link` has been fetched. */
  id: string | null;
  link: string | null;
  mimeType: string | null;
  caption: string | null;
  filename: string | null;
}

/** One WhatsApp message between a business number and a customer, either way. */
export interface MetaMessage {
  id: string;
  /** Who wrote it: the app through the Cloud API, or the customer on their phone. */
  author: 'business' | 'customer';
  phoneNumberId: string;
  /** The customer's number, E.164 with `+`. */
  customer: string;
  type: string;
  /** Text, caption or rendered template: what the phone shows as the message's words. */
  text: string | null;
  media: MessageMedia | null;
  location: { latitude: number; longitude: number; name?: string; address?: string } | null;
  template: { name: string; language: string; category: string } | null;
  reaction: { messageId: string; emoji: string } | null;
  buttons: string[];
  contextId: string | null;
  status: MetaMessageStatus;
  errors: StatusError[];
  /** The customer read it before it was delivered; `read` follows `delivered` at once. */
  readRequested: boolean;
  /** Business messages: the JSON body exactly as the app sent it. */
  request: Record<string, unknown> | null;
  /** Customer messages: the signed webhook body, kept to re-deliver it unchanged. */
  webhookBody: string | null;
  /** Customer messages: the app's HTTP answer to the webhook; null when unreachable. */
  webhookStatus: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A media object: uploaded by the app, fetched from a `link`, or sent by a customer. */
export interface MetaMedia {
  id: string;
  phoneNumberId: string;
  mimeType: string;
  data: Buffer;
  /** Base64 SHA-256 of the bytes, as Meta reports it. */
  sha256: string;
  filename: string | null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const digits = (value: string) => value.replace(/\D/g, '');

/** In-memory state of the Meta stand-in: numbers, templates per WABA, messages and media. */
export class MetaStore {
  private readonly numbers = new Map<string, MetaNumber>();
  private readonly templates = new Map<string, MetaTemplate[]>();
  private readonly messages = new Map<string, MetaMessage>();
  private readonly media = new Map<string, MetaMedia>();

  constructor(numbers: MetaNumber[]) {
    for (const entry of numbers) this.putNumber(entry);
  }

  /** Registers or replaces a number; a WhatsApp Business Account seen for the first time gets the seed templates. */
  putNumber(entry: MetaNumber): void {
    this.numbers.set(entry.phoneNumberId, entry);
    if (!this.templates.has(entry.wabaId)) this.templates.set(entry.wabaId, seedTemplates());
  }

  number(phoneNumberId: string): MetaNumber | undefined {
    return this.numbers.get(phoneNumberId);
  }

  /** A business the customer names by phone number id or by its display number (with or without `+`). */
  numberByAddress(address: string): MetaNumber | undefined {
    const byId = this.numbers.get(address.trim());
    if (byId) return byId;
    const wanted = digits(address);
    if (wanted === '') return undefined;
    return this.listNumbers().find((entry) => digits(entry.displayPhoneNumber) === wanted);
  }

  listNumbers(): MetaNumber[] {
    return [...this.numbers.values()];
  }

  /** The number whose access token this is; compared in constant time. */
  numberForToken(token: string): MetaNumber | undefined {
    return this.listNumbers().find((entry) => sameSecret(token, entry.accessToken));
  }

  hasWaba(wabaId: string): boolean {
    return this.templates.has(wabaId);
  }

  templatesOf(wabaId: string): MetaTemplate[] {
    return this.templates.get(wabaId) ?? [];
  }

  setTemplates(wabaId: string, templates: MetaTemplate[]): void {
    this.templates.set(wabaId, templates);
  }

  addMessage(message: MetaMessage): void {
    this.messages.set(message.id, message);
  }

  message(id: string): MetaMessage | undefined {
    return this.messages.get(id);
  }

  updateMessage(id: string, change: Partial<MetaMessage>, at: Date): MetaMessage | undefined {
    const current = this.messages.get(id);
    if (!current) return undefined;
    Object.assign(current, change, { updatedAt: at });
    return current;
  }

  /** Every message, oldest first. */
  allMessages(): MetaMessage[] {
    return [...this.messages.values()];
  }

  /** One customer's conversation with one business number, oldest first. */
  conversation(phoneNumberId: string, customer: string): MetaMessage[] {
    const wanted = digits(customer);
    return this.allMessages().filter(
      (message) => message.phoneNumberId === phoneNumberId && digits(message.customer) === wanted,
    );
  }

  clearMessages(): void {
    this.messages.clear();
  }

  addMedia(media: MetaMedia): void {
    this.media.set(media.id, media);
  }

  getMedia(id: string): MetaMedia | undefined {
    return this.media.get(id);
  }

  deleteMedia(id: string): boolean {
    return this.media.delete(id);
  }
}
