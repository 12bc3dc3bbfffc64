import { conversationPhase, conversationStatus, inboxKind } from '@switchboard/db';
import { z } from 'zod';

/**
 * A saved filter's query: the conversation list's filters (SavedFilterQuery in the db schema,
 * plus `inboxId`, which the list also filters by). Unknown keys are refused, not dropped.
 */
export const savedFilterQuerySchema = z
  .object({
    tab: z.enum(conversationStatus.enumValues).optional(),
    tagIds: z.array(z.uuid()).max(50).optional(),
    teamId: z.uuid().optional(),
    inboxId: z.uuid().optional(),
    channel: z.enum(inboxKind.enumValues).optional(),
    phase: z.enum(conversationPhase.enumValues).optional(),
    q: z.string().trim().max(200).optional(),
  })
  .strict();

export type SavedFilterQueryInput = z.output<typeof savedFilterQuerySchema>;

export const savedFilterNameSchema = z.string().trim().min(1).max(80);

export interface SavedFilterView {
  id: string;
  name: string;
  query: SavedFilterQueryInput;
  createdAt: string;
}

export function presentSavedFilter(row: {
  id: string;
  name: string;
  query: unknown;
  createdAt: Date;
}): SavedFilterView {
  // Rows are written through the schema; parsing again drops anything a later version removed.
  const parsed = savedFilterQuerySchema.strip().safeParse(row.query);
  return {
    id: row.id,
    name: row.name,
    query: parsed.success ? parsed.data : {},
    createdAt: row.createdAt.toISOString(),
  };
}
