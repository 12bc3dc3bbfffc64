import { useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '@/features/auth';
import { MY_INBOX, type ConversationScope } from '@/features/conversations';

/**
 * Supervisor mode lives in the URL (`?mode=supervisor&agent=<id>`), so a link or a reload keeps
 * it: off, staff see their own inbox like any agent; on, everyone's conversations, or one
 * agent's own tabs when an agent is picked.
 */
export const SUPERVISION_PARAMS = { mode: 'mode', agent: 'agent' } as const;
const SUPERVISOR_MODE = 'supervisor';

export interface Supervision {
  /** The viewer may use supervisor mode (supervisor or admin). */
  available: boolean;
  on: boolean;
  /** Whose tabs to show in supervisor mode; null: everyone's. */
  agentId: string | null;
  /** What the list and the counts ask the API for. */
  scope: ConversationScope;
  /** The URL parameters that keep this state, for links inside the inbox. */
  params: Record<string, string>;
  setOn: (on: boolean) => void;
  setAgent: (agentId: string | null) => void;
}

/** The query-string parameters of a supervisor-mode state (none when off). */
export function supervisionParams(on: boolean, agentId: string | null): Record<string, string> {
  if (!on) return {};
  return agentId
    ? { [SUPERVISION_PARAMS.mode]: SUPERVISOR_MODE, [SUPERVISION_PARAMS.agent]: agentId }
    : { [SUPERVISION_PARAMS.mode]: SUPERVISOR_MODE };
}

/** An agent's inbox as a supervisor sees it, for links from elsewhere (e.g. the monitor). */
export function agentInboxSearch(agentId: string): string {
  return `?${new URLSearchParams(supervisionParams(true, agentId)).toString()}`;
}

export function useSupervision(): Supervision {
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const available = user.role !== 'agent';
  // Agents never get the mode, whatever the URL says (the API would refuse it anyway).
  const on = available && searchParams.get(SUPERVISION_PARAMS.mode) === SUPERVISOR_MODE;
  const agentId = on ? searchParams.get(SUPERVISION_PARAMS.agent) || null : null;

  const update = (nextOn: boolean, nextAgent: string | null) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete(SUPERVISION_PARAMS.mode);
        next.delete(SUPERVISION_PARAMS.agent);
        for (const [key, value] of Object.entries(supervisionParams(nextOn, nextAgent)))
          next.set(key, value);
        return next;
      },
      { replace: true },
    );

  return {
    available,
    on,
    agentId,
    scope: !on ? MY_INBOX : agentId ? { agentId } : { scope: 'all' },
    params: supervisionParams(on, agentId),
    setOn: (nextOn) => update(nextOn, null),
    setAgent: (nextAgent) => update(true, nextAgent),
  };
}
