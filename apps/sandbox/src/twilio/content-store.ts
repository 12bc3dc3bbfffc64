import { createHash } from 'node:crypto';
import { fillPlaceholders, placeholdersOf, templateSeeds } from '../template-seeds';

/** A Content resource with its WhatsApp approval, as the Content API keeps it. */
export interface StoredContent {
  sid: string;
  accountSid: string;
  friendlyName: string;
  language: string;
  /** Default values of the placeholders, e.g. {"1": "Ana"}. */
  variables: Record<string, string>;
  body: string;
  whatsapp: { name: string; category: string; status: 'approved' | 'pending' | 'rejected' };
  dateCreated: Date;
  dateUpdated: Date;
}

/** Twilio spells languages as ISO 639-1 codes, with a region only where WhatsApp needs one. */
const twilioLanguage: Record<string, string> = { en_US: 'en', es: 'es', pt_BR: 'pt_BR' };

/**
 * The same SIDs every time the sandbox starts (derived from account, name and language), so a
 * demo configuration can name a ContentSid and keep working after a restart.
 */
function contentSid(accountSid: string, name: string, language: string): string {
  const digest = createHash('sha256').update(`${accountSid}|${name}|${language}`).digest('hex');
  return `HX${digest.slice(0, 32)}`;
}

/** Every Twilio account starts with the approved seed templates, one Content per language. */
function seedContents(accountSid: string, createdAt: Date): StoredContent[] {
  return templateSeeds
    .filter((seed) => seed.status === 'APPROVED')
    .flatMap((seed) =>
      Object.entries(seed.bodies).map(([metaLanguage, body]) => {
        const language = twilioLanguage[metaLanguage] ?? metaLanguage;
        return {
          sid: contentSid(accountSid, seed.name, language),
          accountSid,
          friendlyName: seed.name,
          language,
          variables: Object.fromEntries(
            placeholdersOf(body).map((key, index) => [key, seed.example[index] ?? key]),
          ),
          body,
          whatsapp: { name: seed.name, category: seed.category, status: 'approved' as const },
          dateCreated: createdAt,
          dateUpdated: createdAt,
        };
      }),
    );
}

export class ContentStore {
  private readonly contents = new Map<string, StoredContent[]>();

  /** The account's contents, seeding them the first time the account is seen. */
  contentsOf(accountSid: string): StoredContent[] {
    let list = this.contents.get(accountSid);
    if (!list) {
      list = seedContents(accountSid, new Date());
      this.contents.set(accountSid, list);
    }
    return list;
  }

  content(accountSid: string, sid: string): StoredContent | undefined {
    return this.contentsOf(accountSid).find((content) => content.sid === sid);
  }
}

/** The text a recipient sees: the body with ContentVariables, falling back to the defaults. */
export function renderContent(content: StoredContent, variables: Record<string, string>): string {
  return fillPlaceholders(content.body, { ...content.variables, ...variables });
}
