/** URLs of the admin area, built in one place. */
export const adminPaths = {
  root: '/admin',
  teams: '/admin/teams',
  newTeam: '/admin/teams/new',
  team: (teamId: string) => `/admin/teams/${encodeURIComponent(teamId)}`,
  rules: '/admin/rules',
  cannedResponses: '/admin/canned-responses',
  tags: '/admin/tags',
} as const;
