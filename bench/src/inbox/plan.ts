/** How big the generated workspace is; `scale` 1 is the million conversations. */
export interface LoadPlan {
  scale: number;
  conversations: number;
  contacts: number;
  /** Live conversations: the latest ones, each of a different contact. */
  open: number;
  waiting: number;
  agents: number;
  /** Conversations per insert statement (their messages go in one statement too). */
  chunk: number;
  days: number;
}

export function loadPlan(scale: number): LoadPlan {
  const agents = 50;
  const conversations = Math.round(1_000_000 * scale);
  const open = Math.max(agents, Math.round(1_500 * scale));
  return {
    scale,
    conversations,
    contacts: Math.round(600_000 * scale),
    open,
    // At least twice the open ones: live conversations alternate waiting, waiting, open.
    waiting: Math.max(2 * open, Math.round(3_000 * scale)),
    agents,
    chunk: 100_000,
    days: 90,
  };
}
