import { schema, type Database, type Presence, type UserRole } from '@switchboard/db';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashToken } from './tokens';

export interface Principal {
  id: string;
  workspaceId: string;
  workspaceName: string;
  email: string;
  name: string;
  role: UserRole;
  presence: Presence;
  /** Set away automatically (all sockets gone), not by the user. */
  presenceAuto: boolean;
  locale: string | null;
}

const principalColumns = {
  id: schema.users.id,
  workspaceId: schema.users.workspaceId,
  workspaceName: schema.workspaces.name,
  email: schema.users.email,
  name: schema.users.name,
  role: schema.users.role,
  presence: schema.users.presence,
  presenceAuto: schema.users.presenceAuto,
  locale: schema.users.locale,
};

/** The user behind a session cookie, or null when it is unknown or expired. */
export async function principalFromSession(db: Database, token: string): Promise<Principal | null> {
  const [row] = await db
    .select(principalColumns)
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .innerJoin(schema.workspaces, eq(schema.workspaces.id, schema.users.workspaceId))
    .where(
      and(
        eq(schema.sessions.tokenHash, hashToken(token)),
        gt(schema.sessions.expiresAt, sql`now()`),
        isNull(schema.users.deactivatedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The user behind an `Authorization: Bearer` API token. */
export async function principalFromApiToken(
  db: Database,
  token: string,
): Promise<Principal | null> {
  const [row] = await db
    .select(principalColumns)
    .from(schema.apiTokens)
    .innerJoin(schema.users, eq(schema.users.id, schema.apiTokens.userId))
    .innerJoin(schema.workspaces, eq(schema.workspaces.id, schema.users.workspaceId))
    .where(
      and(
        eq(schema.apiTokens.tokenHash, hashToken(token)),
        isNull(schema.apiTokens.revokedAt),
        isNull(schema.users.deactivatedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}
