import { adapterFor } from '@switchboard/channels';
import { composeTranscript } from '@switchboard/domain';
import type { Processor } from '../processor';

/** Mails a conversation's transcript; marked automatic so auto-responders leave it alone. */
export const transcriptSend: Processor<'transcript.send'> = async (job, deps) => {
  const transcript = await composeTranscript(deps.domain, job.data);
  if (!transcript) return;
  await adapterFor('email').send(transcript.message, transcript.inbox, deps.channelEnv);
};
