import { z } from 'zod';

export const MAX_CONTACT_NOTES = 5000;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** ISO 3166-1 alpha-2 that ICU knows as a region ("XX" and the "ZZ" placeholder are not). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return false;
  return regionNames.of(code) !== code;
}

/** A BCP 47 tag in canonical case (`es-mx` → `es-MX`), or null when it is not one. */
export function canonicalLanguage(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical ?? null;
  } catch {
    return null;
  }
}

/** Optional text field: absent stays absent; null or blank clears it; otherwise trimmed. */
const optionalText = (max: number, message?: string) =>
  z
    .string()
    .max(max, message)
    .nullable()
    .optional()
    .transform((value) => {
      if (value === undefined || value === null) return value;
      const trimmed = value.trim();
      return trimmed === '' ? null : trimmed;
    });

/** What an agent may edit on a contact; codes are normalized so stored values compare equal. */
export const contactPatchSchema = z
  .object({
    name: optionalText(200),
    country: optionalText(2)
      .transform((value) => value?.toUpperCase() ?? value)
      .refine((value) => value == null || isCountryCode(value), {
        message: 'country must be an ISO 3166-1 alpha-2 code such as MX or US',
      }),
    language: optionalText(35)
      .transform((value) => (value == null ? value : (canonicalLanguage(value) ?? value)))
      .refine((value) => value == null || canonicalLanguage(value) === value, {
        message: 'language must be a BCP 47 tag such as es, en-US or pt-BR',
      }),
    notes: optionalText(
      MAX_CONTACT_NOTES,
      `notes may hold at most ${MAX_CONTACT_NOTES} characters`,
    ),
  })
  .strict();

export type ContactPatch = z.output<typeof contactPatchSchema>;
