import {
  adapterFor,
  ChannelError,
  type OutboundMessage,
  type SendResult,
} from '@switchboard/channels';
import {
  claimOutboundDelivery,
  recordSendAccepted,
  recordSendFailed,
  releaseOutboundClaim,
  type OutboundDelivery,
} from '@switchboard/domain';
import { DelayedError, UnrecoverableError } from 'bullmq';
import { inboxThrottle } from '../inbox-throttle';
import type { Processor } from '../processor';
import { normalize } from './normalize';

/** When a provider rate-limits without saying for how long. */
const DEFAULT_RATE_LIMIT_PAUSE_MS = 5_000;

/**
 * Sends one queued reply through its inbox's provider. Transient failures (network, 5xx)
 * go back to the queue with exponential backoff; rate limits pause the whole inbox; the last
 * failure, and any refusal, mark the message failed with a sentence the agent can act on.
 */
export const outboundSend: Processor<'outbound.send'> = async (job, deps, token) => {
  const throttle = inboxThrottle(deps.redis, deps.config.QUEUE_PREFIX);
  const delivery = await claimOutboundDelivery(deps.domain, job.data.messageId);
  if (!delivery) return;
  const waitMs = await throttle.remainingMs(delivery.inbox.id);
  if (waitMs > 0 && token) {
    // The inbox is paused: wait without spending an attempt.
    await releaseOutboundClaim(deps.domain, delivery.messageId);
    await job.moveToDelayed(Date.now() + waitMs, token);
    throw new DelayedError();
  }
  const attemptStartedAt = new Date();
  // Once the provider has the message, a failure (recording it in Postgres, say) must never
  // lead to sending it again: the provider's answer is kept with the job, and the next
  // attempt records that instead of sending (or, the job lost, asks the provider).
  const remembered = job.data.sentAs;
  let providerHasIt = false;
  let result: SendResult | null = remembered ?? null;
  try {
    const adapter = adapterFor(delivery.inbox.kind);
    const message = outboundMessage(delivery);
    // An earlier attempt may have reached the provider: reconcile instead of sending twice.
    const earlier =
      !result && delivery.unknownOutcomeSince
        ? await adapter.findSent(
            message,
            delivery.inbox,
            deps.channelEnv,
            delivery.unknownOutcomeSince,
          )
        : null;
    result = result ?? earlier ?? (await adapter.send(message, delivery.inbox, deps.channelEnv));
    providerHasIt = true;
    await recordSendAccepted(
      deps.domain,
      delivery,
      result.providerMessageId,
      normalize,
      result.status ?? 'sent',
    );
  } catch (error) {
    const channelError =
      error instanceof ChannelError
        ? error
        : new ChannelError(`Unexpected error while sending: ${String(error)}`, {
            retryable: true,
            code: 'internal',
          });
    if (channelError.code === 'rate_limited') {
      await throttle.pause(
        delivery.inbox.id,
        channelError.options.retryAfterMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS,
      );
    }
    if (providerHasIt && result && !remembered)
      await job.updateData({ ...job.data, sentAs: result }).catch(() => {});
    const attemptsLeft = (job.opts.attempts ?? 1) - job.attemptsMade - 1;
    // A sent message is never marked failed: out of attempts, the sweeper takes it up later.
    if (providerHasIt || (channelError.retryable && attemptsLeft > 0)) {
      await releaseOutboundClaim(
        deps.domain,
        delivery.messageId,
        providerHasIt || channelError.code === 'unknown_outcome'
          ? { unknownOutcomeSince: attemptStartedAt }
          : {},
      );
      throw channelError;
    }
    await recordSendFailed(deps.domain, delivery, {
      code: channelError.code,
      message: channelError.message,
    });
    throw new UnrecoverableError(channelError.message);
  }
};

function outboundMessage(delivery: OutboundDelivery): OutboundMessage {
  return {
    id: delivery.messageId,
    to: delivery.to,
    text: delivery.text,
    statusCallbackUrl: delivery.statusCallbackUrl,
    ...(delivery.media.length ? { media: delivery.media } : {}),
    ...(delivery.template ? { template: delivery.template } : {}),
    ...(delivery.email ? { email: delivery.email } : {}),
  };
}
