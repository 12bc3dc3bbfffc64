export * from './client';
export * from './migrate';
export * from './crypto';
export * as schema from './schema/index';
export * from './schema/enums';
export type { BusinessHours } from './schema/teams';
export type { MessageReaction } from './schema/messages';
