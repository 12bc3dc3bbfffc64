// Reply and forward prefixes, repeated and numbered ("RE[2]:"), in the languages our
// customers write in: Re/Fwd/Fw, AW/WG (de), RV/RES/ENC (es, pt), SV/VS, TR, Antw, Odp, YNT.
const REPLY_PREFIX =
  /^\s*(?:(?:re|fwd?|aw|wg|sv|vs|tr|rv|res|enc|antw|odp|ynt)(?:\s*\[\d+\])?\s*[:：]\s*)+/i;

/**
 * The subject without `Re:` / `Fwd:` (and their Spanish, Portuguese and German cousins)
 * or our `[SB-XXXXX]` reference, so replies do not count as a change of subject.
 */
export function normalizeSubject(subject: string | null | undefined): string {
  if (!subject) return '';
  return subject
    .replace(/\[\s*SB-[0-9A-Z]+\s*\]/gi, ' ')
    .replace(REPLY_PREFIX, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
