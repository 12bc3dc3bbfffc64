/**
 * Webhook bodies and Graph API answers are read field by field: a shape Meta adds or changes
 * must degrade to "absent", never to an exception in the middle of a batch.
 */
export type JsonObject = Record<string, unknown>;

export const asObject = (value: unknown): JsonObject | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;

export const asObjects = (value: unknown): JsonObject[] =>
  Array.isArray(value)
    ? value.flatMap((item): JsonObject[] => {
        const object = asObject(item);
        return object ? [object] : [];
      })
    : [];

/** Strings as they are; numbers as their decimal text (Meta sends some ids and sizes either way). */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function asNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** A WhatsApp id or display number (`16505551234`, `+1 650-555-1234`) as E.164. */
export function toE164(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits ? `+${digits}` : '';
}
