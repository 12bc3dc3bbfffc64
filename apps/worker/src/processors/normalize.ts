import { adapterFor } from '@switchboard/channels';
import type { Normalizer } from '@switchboard/domain';

/** The domain stays free of provider code: each inbox kind's adapter turns payloads into events. */
export const normalize: Normalizer = (scope, fields) =>
  adapterFor(scope.inboxKind).normalize(fields, scope.eventKind);
