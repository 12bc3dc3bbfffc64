import { schema, type Database } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';

export interface WebchatSettings {
  abandonAfterSeconds?: number;
  color?: string;
  position?: 'right' | 'left';
  greeting?: string;
}

export interface WebchatSite {
  id: string;
  workspaceId: string;
  name: string;
  /** The site's short name; web chat events are addressed to it. */
  address: string;
  defaultTeamId: string | null;
  settings: WebchatSettings;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A web chat inbox by id alone: visitors name the inbox (in the URL or their token) and the
 * workspace is learnt from it, then every later query is scoped to that workspace.
 */
export async function loadWebchatInbox(db: Database, inboxId: string): Promise<WebchatSite | null> {
  if (!UUID.test(inboxId)) return null;
  const i = schema.inboxes;
  const [inbox] = await db
    .select({
      id: i.id,
      workspaceId: i.workspaceId,
      name: i.name,
      address: i.address,
      defaultTeamId: i.defaultTeamId,
      settings: i.settings,
    })
    .from(i)
    .where(and(eq(i.id, inboxId), eq(i.kind, 'webchat')));
  if (!inbox) return null;
  return { ...inbox, settings: webchatSettings(inbox.settings.webchat) };
}

/** The widget's settings as stored (admin-edited JSON): only well-typed values are kept. */
function webchatSettings(raw: unknown): WebchatSettings {
  const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const text = (value: unknown, max: number) =>
    typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined;
  const greeting = text(given.greeting, 500);
  const color = text(given.color, 32);
  return {
    ...(typeof given.abandonAfterSeconds === 'number'
      ? { abandonAfterSeconds: given.abandonAfterSeconds }
      : {}),
    ...(greeting ? { greeting } : {}),
    ...(color ? { color } : {}),
    ...(given.position === 'left' || given.position === 'right'
      ? { position: given.position }
      : {}),
  };
}
