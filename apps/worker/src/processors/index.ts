import type { JobName } from '@switchboard/queue';
import type { Processor } from '../processor';
import { attachmentFetch } from './attachment-fetch';
import { automationAutoReply } from './auto-reply';
import { inboundProcess } from './inbound-process';
import { maintenanceSweep } from './maintenance-sweep';
import { assignmentRun } from './assignment-run';
import { presenceGrace } from './presence-grace';
import { outboundSend } from './outbound-send';
import { providerMarkRead } from './mark-read';
import { templatesSync } from './templates-sync';
import { transcriptSend } from './transcript-send';
import { webchatVisitorGone } from './webchat-visitor-gone';

/** One processor per job in the catalog; a job without one does not compile. */
export const processors: { [K in JobName]: Processor<K> } = {
  'inbound.process': inboundProcess,
  'outbound.send': outboundSend,
  'attachment.fetch': attachmentFetch,
  'templates.sync': templatesSync,
  'provider.mark_read': providerMarkRead,
  'transcript.send': transcriptSend,
  'maintenance.sweep': maintenanceSweep,
  'assignment.run': assignmentRun,
  'presence.grace': presenceGrace,
  'automation.auto_reply': automationAutoReply,
  'webchat.visitor_gone': webchatVisitorGone,
};
