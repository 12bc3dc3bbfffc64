import { writeFileSync } from 'node:fs';
import { extractMetaContract, extractPath, readSharedSpec } from './meta-spec';

/**
 * Refreshes the committed extract of Meta's description from ../shared/specs:
 * `npx tsx apps/sandbox/test/write-meta-contract.ts`. The contract test fails while the two differ.
 */
writeFileSync(extractPath, `${JSON.stringify(extractMetaContract(readSharedSpec()), null, 2)}\n`);
console.log(`wrote ${extractPath}`);
