import type { Random } from './random';

// Same alphabet as packages/domain/src/conversations/reference.ts, so references look alike.
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Hands out `SB-XXXXX` references, never one the workspace already has or one given before. */
export function referenceMaker(random: Random, taken: ReadonlySet<string>): () => string {
  const used = new Set(taken);
  return () => {
    for (;;) {
      let code = 'SB-';
      for (let i = 0; i < 5; i++)
        code += REFERENCE_ALPHABET[random.int(0, REFERENCE_ALPHABET.length - 1)];
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
}
