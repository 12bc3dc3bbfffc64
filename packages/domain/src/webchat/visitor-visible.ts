import { schema } from '@switchboard/db';
import { sql, type SQL } from 'drizzle-orm';

const m = schema.messages;

/**
 * The messages of a conversation a web chat visitor sees, in the widget and in the transcript
 * they ask for, so the two never disagree: messages both ways, never notes or activity lines,
 * nor the messages that only other channels need:
 * - the "<agent> joined" notice: the widget shows who joined from `joins`, with their picture;
 * - the email or SMS that carried replies to a visitor who had left: it repeats them.
 */
export function shownToVisitor(): SQL {
  return sql`(${m.kind} = 'message' and ${m.direction} in ('inbound', 'outbound')
    and coalesce(${m.metadata}->>'notice', '') <> 'joined'
    and not (${m.metadata} ? 'followUp'))`;
}
