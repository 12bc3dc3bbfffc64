import type postgres from 'postgres';
import { waitUntil } from './wait';

/**
 * Waits until every stored provider event is processed. The pending-events index makes each
 * look nearly free, so polling does not steal the CPU being measured.
 */
export async function allEventsProcessed(sql: postgres.Sql, timeoutMs = 600_000): Promise<void> {
  await waitUntil(
    async () => {
      const [row] = await sql<{ pending: boolean }[]>`select exists (
        select 1 from inbound_events where processed_at is null) as pending`;
      return !row!.pending;
    },
    { timeoutMs, everyMs: 100, what: 'every stored event processed' },
  );
}
