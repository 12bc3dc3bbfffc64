import { templateSource } from '@switchboard/channels';
import { syncInboxTemplates } from '@switchboard/domain';
import type { Processor } from '../processor';

/** Refreshes one WhatsApp inbox's approved templates from the provider. */
export const templatesSync: Processor<'templates.sync'> = async (job, deps) => {
  const count = await syncInboxTemplates(deps.domain, job.data.inboxId, (kind) =>
    templateSource(kind, deps.channelEnv),
  );
  return { templates: count };
};
