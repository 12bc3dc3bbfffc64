// GSM 03.38: the basic set costs one septet per character, the extension set two (escape + char).
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const gsmExtension = new Set('\f^{}\\[~]|€');

function gsmSeptets(text: string): number | null {
  let septets = 0;
  for (const char of text) {
    if (gsmBasic.has(char)) septets += 1;
    else if (gsmExtension.has(char)) septets += 2;
    else return null;
  }
  return septets;
}

/**
 * Segments a carrier bills for an SMS body: 160 GSM-7 septets or 70 UCS-2 units fit in one;
 * longer bodies are split into parts of 153 / 67 because each part carries a UDH header.
 */
export function countSegments(body: string): number {
  if (body.length === 0) return 1;
  const septets = gsmSeptets(body);
  if (septets !== null) return septets <= 160 ? 1 : Math.ceil(septets / 153);
  // UCS-2 counts UTF-16 code units, so an emoji (a surrogate pair) takes two.
  return body.length <= 70 ? 1 : Math.ceil(body.length / 67);
}
