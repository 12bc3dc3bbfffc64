import { schema, type Executor } from '@switchboard/db';
import { eq } from 'drizzle-orm';

export const DEFAULT_TIME_ZONE = 'UTC';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The workspace's IANA time zone, which decides where "today" starts for supervisors. A missing
 * or unknown value falls back to UTC rather than failing the whole screen over a bad setting.
 */
export async function workspaceTimeZone(db: Executor, workspaceId: string): Promise<string> {
  const [row] = await db
    .select({ settings: schema.workspaces.settings })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, workspaceId));
  const zone = row?.settings.timeZone;
  return zone && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}
