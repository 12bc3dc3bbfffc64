import { schema, type Database } from '@switchboard/db';
import { sql } from 'drizzle-orm';
import { Unauthorized } from '../errors';
import { DUMMY_HASH, verifyPassword } from './password';
import { hashToken, newToken } from './tokens';

export const SESSION_DAYS = 14;

export interface LoginResult {
  token: string;
  expiresAt: Date;
  userId: string;
  workspaceId: string;
}

export async function login({
  db,
  input,
}: {
  db: Database;
  input: { email: string; password: string };
}): Promise<LoginResult> {
  const [user] = await db
    .select()
    .from(schema.users)
    .where(
      sql`lower(${schema.users.email}) = ${input.email.trim().toLowerCase()} and ${schema.users.deactivatedAt} is null`,
    )
    .limit(1);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) throw Unauthorized('invalid_credentials', 'Wrong email or password.');

  const token = newToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await db.insert(schema.sessions).values({
    workspaceId: user.workspaceId,
    userId: user.id,
    tokenHash: hashToken(token),
    expiresAt,
  });
  return { token, expiresAt, userId: user.id, workspaceId: user.workspaceId };
}

export async function logout({ db, token }: { db: Database; token: string }): Promise<void> {
  await db.delete(schema.sessions).where(sql`${schema.sessions.tokenHash} = ${hashToken(token)}`);
}
