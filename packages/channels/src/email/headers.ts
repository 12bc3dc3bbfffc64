import type { AddressObject, HeaderLines, HeaderValue } from 'mailparser';

/** Every value of a header as written, unfolded, in order (mailparser keeps only some). */
export function rawHeaderValues(lines: HeaderLines, name: string): string[] {
  const key = name.toLowerCase();
  return lines
    .filter((line) => line.key === key)
    .map((line) => {
      const unfolded = line.line.replace(/\r?\n[ \t]+/g, ' ');
      const colon = unfolded.indexOf(':');
      return (colon >= 0 ? unfolded.slice(colon + 1) : '').trim();
    });
}

export const rawHeaderValue = (lines: HeaderLines, name: string): string | null =>
  rawHeaderValues(lines, name)[0] ?? null;

/**
 * Message-IDs in a header, without angle brackets. Clients disagree on separators (spaces,
 * commas, folding) and a few leave the brackets out, so bracketed ids win when there are any.
 */
export function messageIdsIn(value: string | null): string[] {
  if (!value) return [];
  // Cleaned here, not only with the rest of the mail: an id of nothing but NUL is no id.
  const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)]
    .map((match) => storable(match[1]!))
    .filter(Boolean);
  if (bracketed.length) return bracketed;
  return value
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id.includes('@'));
}

/** Lower-cased addresses of an address header, groups flattened; mailparser gives one or many. */
export function addressesOf(value: HeaderValue | AddressObject | AddressObject[] | undefined) {
  const objects = (Array.isArray(value) ? value : value ? [value] : []).filter(
    (item): item is AddressObject =>
      typeof item === 'object' && item !== null && 'value' in item && Array.isArray(item.value),
  );
  const addresses: string[] = [];
  for (const object of objects) {
    for (const entry of object.value) {
      for (const member of entry.group ?? [entry]) {
        const address = member.address?.trim().toLowerCase();
        if (address && !addresses.includes(address)) addresses.push(address);
      }
    }
  }
  return addresses;
}

/** The first mailbox of an address header with its display name. */
export function firstMailbox(value: AddressObject | undefined) {
  const entry = value?.value.flatMap((item) => item.group ?? [item])[0];
  return {
    address: entry?.address?.trim().toLowerCase() ?? '',
    name: entry?.name?.trim() || null,
  };
}

/** An unpaired UTF-16 surrogate, as a header decoded from broken UTF-16 can hold. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Postgres refuses NUL and unpaired surrogates in JSON text; broken or hostile mail carries both. */
export const storable = (text: string) =>
  text.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\ufffd');

/** Every string in a parsed mail made storable: hostile mail puts NUL in any header at all. */
export function storableDeep<T>(value: T): T {
  if (typeof value === 'string') return storable(value) as T;
  if (Array.isArray(value)) return value.map(storableDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, storableDeep(item)]),
    ) as T;
  }
  return value;
}
