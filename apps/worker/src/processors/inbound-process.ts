import { noteInboundFailure, processInboundEvent } from '@switchboard/domain';
import type { Processor } from '../processor';
import { normalize } from './normalize';

/** Stored provider event → contact, conversation, message or delivery status. */
export const inboundProcess: Processor<'inbound.process'> = async (job, deps) => {
  try {
    await processInboundEvent(deps.domain, job.data.eventId, normalize);
  } catch (error) {
    await noteInboundFailure(deps.domain, job.data.eventId, String(error));
    throw error;
  }
};
