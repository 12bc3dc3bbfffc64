import type { ChannelAdapter } from '../types';
import { fetchCloudMedia } from './fetch-media';
import { listCloudTemplates } from './list-templates';
import { markCloudMessageRead } from './mark-read';
import { normalizeCloudMessage } from './normalize-message';
import { normalizeCloudStatus } from './normalize-status';
import { sendCloudMessage } from './send-message';
import { verifyCloudSignature } from './signature';

/** Meta's WhatsApp Cloud API, called directly over the Graph API. */
export const whatsappCloudAdapter = {
  kind: 'whatsapp_cloud',
  verify: verifyCloudSignature,
  normalize: (payload, kind) =>
    kind === 'status' ? normalizeCloudStatus(payload) : normalizeCloudMessage(payload),
  send: sendCloudMessage,
  /**
   * The Cloud API has no way to list or look up messages a business sent, so a send whose
   * answer was lost cannot be checked; null leaves the decision to send again to the worker.
   */
  findSent: async () => null,
  fetchMedia: fetchCloudMedia,
  markRead: markCloudMessageRead,
  listTemplates: listCloudTemplates,
} satisfies ChannelAdapter;
