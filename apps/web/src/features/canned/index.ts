export { cannedKeys, useCannedResponses } from './api/get-canned-responses';
export type { CannedResponse } from './types';
