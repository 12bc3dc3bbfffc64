/**
 * The number of parameters a WhatsApp template body takes: the highest `{{n}}` in it. Twilio's
 * Content API uses the same numbered placeholders, so both providers count them here.
 */
export function countPlaceholders(body: string): number {
  let highest = 0;
  for (const match of body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)) {
    highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}
