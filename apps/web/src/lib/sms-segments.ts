/**
 * SMS segment maths as carriers apply it (3GPP TS 23.038): texts that fit the GSM-7
 * alphabet use 7-bit septets, anything else switches the whole message to UCS-2.
 * Multi-part messages lose room to the concatenation header (UDH) in every part.
 */

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

// Characters reached through the escape code: each costs two septets.
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const basicSet = new Set(GSM7_BASIC);
const extensionSet = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsSegmentInfo {
  encoding: SmsEncoding;
  /** Units used: septets for GSM-7, UTF-16 code units for UCS-2. */
  used: number;
  segments: number;
  /** Capacity of the message at its current number of segments. */
  limit: number;
}

const LIMITS = {
  gsm7: { single: 160, multi: 153 },
  ucs2: { single: 70, multi: 67 },
} as const;

function gsm7Septets(text: string): number | null {
  let septets = 0;
  for (const char of text) {
    if (basicSet.has(char)) septets += 1;
    else if (extensionSet.has(char)) septets += 2;
    else return null;
  }
  return septets;
}

export function countSmsSegments(text: string): SmsSegmentInfo {
  const septets = gsm7Septets(text);
  const encoding: SmsEncoding = septets === null ? 'ucs2' : 'gsm7';
  // UCS-2 counts UTF-16 code units, so an emoji outside the BMP takes two.
  const used = septets ?? text.length;
  const { single, multi } = LIMITS[encoding];
  if (used <= single) return { encoding, used, segments: 1, limit: single };
  const segments = Math.ceil(used / multi);
  return { encoding, used, segments, limit: segments * multi };
}
