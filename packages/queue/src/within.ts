/**
 * Waits for `work` at most `ms`. True when it finished in time; false when it is still going,
 * and it then carries on, a late failure handed to `onLateFailure`. A failure in time throws.
 * Requests use this so they never hang while Redis is away: what they queue is already stored
 * in Postgres, and the sweepers queue it again.
 */
export async function finishedWithin(
  work: Promise<unknown>,
  ms: number,
  onLateFailure: (error: unknown) => void = () => {},
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    const finished = await Promise.race([work.then(() => true as const), late]);
    if (!finished) work.catch(onLateFailure);
    return finished;
  } finally {
    clearTimeout(timer);
  }
}

/** How long a request waits for Redis before leaving queued work to the sweepers. */
export const REDIS_WAIT_MS = 1000;
