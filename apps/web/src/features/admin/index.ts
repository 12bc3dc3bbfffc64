export { adminPaths } from './paths';
export { TeamsPage, TeamEditorPage } from './components/teams-page';
export { RulesPage } from './components/rules-page';
export { CannedResponsesPage } from './components/canned-responses-page';
export { TagsPage } from './components/tags-page';
export { adminKeys } from './api/admin-keys';
export type { Team, RoutingRule, Tag, CannedResponse, Agent } from './types';
export { AdminLink } from './components/admin-link';
