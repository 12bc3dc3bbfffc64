/** Query keys of the configuration this area edits; other features may read the same lists. */
export const adminKeys = {
  teams: ['teams', 'list'] as const,
  agents: ['agents', 'list'] as const,
  routingRules: ['routing-rules', 'list'] as const,
  tags: ['tags', 'list'] as const,
  cannedResponses: ['canned-responses', 'list'] as const,
};
