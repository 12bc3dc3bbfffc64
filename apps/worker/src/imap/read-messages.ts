import type { ImapFlow } from 'imapflow';

/** A fetch holds its messages in memory until the last one arrives, so batches stay small. */
const BATCH_BYTES = 16 * 1024 * 1024;
const BATCH_MESSAGES = 50;
/** Sizes are cheap to ask for; this many at a time keeps the command line short. */
const SIZE_LOOKUP = 500;

/**
 * The raw source of each message, in UID order. Messages deleted since the UIDs were listed
 * are skipped. No IMAP command is running while the caller handles a message, so it may
 * take its time (the database) without holding up the connection.
 */
export async function* readMessages(
  client: ImapFlow,
  uids: number[],
): AsyncGenerator<{ uid: number; source: Buffer }> {
  for (let start = 0; start < uids.length; start += SIZE_LOOKUP) {
    const slice = uids.slice(start, start + SIZE_LOOKUP);
    const sized = await client.fetchAll(slice.join(','), { uid: true, size: true }, { uid: true });
    const sizeOf = new Map(sized.map((message) => [message.uid, message.size ?? 0]));
    for (const batch of batchesOf(
      slice.filter((uid) => sizeOf.has(uid)),
      sizeOf,
    )) {
      const messages = await client.fetchAll(
        batch.join(','),
        { uid: true, source: true },
        { uid: true },
      );
      messages.sort((a, b) => a.uid - b.uid);
      for (const message of messages)
        if (message.source) yield { uid: message.uid, source: message.source };
    }
  }
}

function batchesOf(uids: number[], sizeOf: Map<number, number>): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const uid of uids) {
    const size = sizeOf.get(uid) ?? 0;
    if (current.length && (bytes + size > BATCH_BYTES || current.length >= BATCH_MESSAGES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(uid);
    bytes += size;
  }
  if (current.length) batches.push(current);
  return batches;
}

/** UIDs matching a search, ascending. imapflow answers `false` when the server refused it. */
export async function searchUids(
  client: ImapFlow,
  query: Parameters<ImapFlow['search']>[0],
): Promise<number[]> {
  const found = await client.search(query, { uid: true });
  if (found === false || found === undefined) throw new Error('the IMAP server refused a search');
  return [...found].sort((a, b) => a - b);
}
