import { randomBytes } from 'node:crypto';
import { encryptJson } from '../crypto';
import type { Executor } from '../client';
import * as schema from '../schema/index';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
const unique = () => randomBytes(4).toString('hex');

/** Factories with overrides, for tests: each returns the inserted row. */
export function factories(db: Executor, secretKey: string) {
  function one<T>(rows: T[]): T {
    const [row] = rows;
    if (!row) throw new Error('insert returned nothing');
    return row;
  }
  return {
    workspace: (values: Partial<Insert<typeof schema.workspaces>> = {}) =>
      db
        .insert(schema.workspaces)
        .values({ name: `Workspace ${unique()}`, ...values })
        .returning()
        .then(one),

    user: (workspaceId: string, values: Partial<Insert<typeof schema.users>> = {}) =>
      db
        .insert(schema.users)
        .values({
          workspaceId,
          email: `user-${unique()}@example.test`,
          name: 'Test Agent',
          // scrypt hash of "password", precomputed so factories stay fast.
          passwordHash: TEST_PASSWORD_HASH,
          role: 'agent',
          presence: 'online',
          ...values,
        })
        .returning()
        .then(one),

    team: (workspaceId: string, values: Partial<Insert<typeof schema.teams>> = {}) =>
      db
        .insert(schema.teams)
        .values({ workspaceId, name: `Team ${unique()}`, ...values })
        .returning()
        .then(one),

    member: (workspaceId: string, teamId: string, userId: string) =>
      db.insert(schema.teamMembers).values({ workspaceId, teamId, userId }).returning().then(one),

    smsInbox: (
      workspaceId: string,
      values: Partial<Insert<typeof schema.inboxes>> & {
        credentials?: Record<string, string>;
      } = {},
    ) => {
      const { credentials, ...rest } = values;
      const accountSid = `AC${randomBytes(16).toString('hex')}`;
      return db
        .insert(schema.inboxes)
        .values({
          workspaceId,
          kind: 'sms_twilio',
          name: 'SMS',
          address: `+1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`,
          externalId: accountSid,
          credentialsEncrypted: encryptJson(
            credentials ?? { accountSid, authToken: `token-${unique()}` },
            secretKey,
          ),
          ...rest,
        })
        .returning()
        .then(one);
    },

    contact: async (
      workspaceId: string,
      identity: { kind: 'phone' | 'whatsapp' | 'email' | 'web'; address: string },
      values: Partial<Insert<typeof schema.contacts>> = {},
    ) => {
      const contact = await db
        .insert(schema.contacts)
        .values({ workspaceId, ...values })
        .returning()
        .then(one);
      await db
        .insert(schema.contactIdentities)
        .values({ workspaceId, contactId: contact.id, ...identity });
      return contact;
    },

    conversation: (values: Insert<typeof schema.conversations>) =>
      db
        .insert(schema.conversations)
        .values({ waitingSince: new Date(), queuedAt: new Date(), ...values })
        .returning()
        .then(one),
  };
}

export const TEST_PASSWORD = 'password';
export const TEST_PASSWORD_HASH =
  'scrypt$16384$8$1$dGVzdC1zYWx0LTAwMDAwMA$ZP3-cBbTNCAwG3l9sSeg0OThEAauf2LxxpV4XA5uyzQ';
