import { schema } from '@switchboard/db';
import { sql } from 'drizzle-orm';

const c = schema.conversations;
const ci = schema.contactIdentities;

/**
 * A condition on `conversations`: it belongs to the contact holding this web visitor's identity
 * (checked at the moment of the query, since contacts can be merged in between).
 */
export const ofVisitor = (visitorId: string) =>
  sql`exists (select 1 from ${ci} where ${ci.contactId} = ${c.contactId}
    and ${ci.workspaceId} = ${c.workspaceId} and ${ci.kind} = 'web' and ${ci.address} = ${visitorId})`;
