import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const read = (path: string): any =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url)), 'utf8'));

/** A Meta webhook body or Graph API answer, as Meta documents it. */
export const metaFixture = (name: string): any => read(`meta/${name}.json`);

/** Twilio webhook form fields or API answer, as Twilio documents them. */
export const twilioFixture = (name: string): any => read(`twilio/${name}.json`);
