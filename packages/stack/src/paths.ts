import { fileURLToPath } from 'node:url';

/** Repository root: provisioned services keep their data under `.data/` there. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const dataDir = fileURLToPath(new URL('../../../.data/', import.meta.url));
