import type { Session } from './http';
import { timedGet } from './http';

/** One measured request kind: `request(i)` makes request number i and returns its time. */
export interface Scenario {
  metric: string;
  targetMs: number;
  request(i: number): Promise<number>;
}

interface Page {
  items: Array<{ id: string }>;
  nextCursor: string | null;
}

export interface ScenarioInput {
  baseUrl: string;
  agents: Session[];
  supervisor: Session;
  teamIds: string[];
  inboxIds: string[];
  /** Per signed-in agent, conversations of theirs (open and closed, some long threads). */
  agentConversations: string[][];
}

/** Common, mid and rare words in Spanish, English and Portuguese, a phrase, a reference, a name. */
export const SEARCH_TERMS = [
  'pedido',
  'order',
  'reembolso',
  'refund',
  'factura',
  'invoice',
  'encomenda',
  'zapatillas',
  'smartwatch',
  'cafetera',
  'contraseña',
  'password',
  'assinatura',
  'chargeback',
  'aduana',
  'terremoto',
  'hailstorm',
  'garantía extendida',
  '"charged twice"',
  'boleto bancário',
  'pasaporte',
  'entregue',
  'SB-7K',
  'Oliveira',
];

const INBOX_QUERY_MS = 25;
const SEARCH_MS = 150;

/**
 * The inbox's read paths as the web app calls them. Each request varies the user, filters
 * and page so the figures are not one cached plan on one row: every fourth list request
 * follows the cursor of an earlier first page.
 */
export function inboxScenarios(input: ScenarioInput): Scenario[] {
  const { baseUrl, agents, supervisor, teamIds, inboxIds } = input;
  const cursors = new Map<string, string>();
  const list = async (session: Session, query: string, follow: boolean) => {
    const key = `${session.email} ${query}`;
    const cursor = follow ? cursors.get(key) : undefined;
    const path = `/api/v1/conversations?${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const { body, ms } = await timedGet<Page>(baseUrl, session, path);
    if (!cursor && body.nextCursor) cursors.set(key, body.nextCursor);
    return ms;
  };
  const pick = <T>(values: T[], i: number) => values[i % values.length]!;
  const tabs = ['waiting', 'open', 'closed'] as const;

  return [
    {
      metric: 'waiting tab (agent)',
      targetMs: INBOX_QUERY_MS,
      request: (i) =>
        list(
          pick(agents, i),
          i % 5 === 2 ? `tab=waiting&inboxId=${pick(inboxIds, i)}` : 'tab=waiting',
          i % 4 === 3,
        ),
    },
    {
      metric: 'open tab (agent)',
      targetMs: INBOX_QUERY_MS,
      request: (i) => list(pick(agents, i), `tab=open&limit=${i % 2 ? 25 : 50}`, i % 4 === 3),
    },
    {
      metric: 'all conversations (supervisor, scope=all)',
      targetMs: INBOX_QUERY_MS,
      request: (i) => {
        const tab = pick([...tabs], i);
        const filter =
          i % 3 === 1
            ? `&teamId=${pick(teamIds, i >> 2)}`
            : i % 3 === 2
              ? `&inboxId=${pick(inboxIds, i >> 2)}`
              : '';
        return list(supervisor, `scope=all&tab=${tab}${filter}`, i % 4 === 3);
      },
    },
    {
      metric: 'latest 50 messages of a conversation (agent)',
      targetMs: INBOX_QUERY_MS,
      request: async (i) => {
        const agent = i % agents.length;
        const conversations = input.agentConversations[agent]!;
        const id = pick(conversations, Math.floor(i / agents.length) * 7 + i);
        const path = `/api/v1/conversations/${id}/messages?limit=50`;
        return (await timedGet(baseUrl, agents[agent]!, path)).ms;
      },
    },
    {
      metric: 'tab counts (agent)',
      targetMs: INBOX_QUERY_MS,
      request: async (i) =>
        (await timedGet(baseUrl, pick(agents, i), '/api/v1/conversations/counts')).ms,
    },
    {
      metric: 'tab counts (supervisor, scope=all)',
      targetMs: INBOX_QUERY_MS,
      request: async () =>
        (await timedGet(baseUrl, supervisor, '/api/v1/conversations/counts?scope=all')).ms,
    },
    {
      metric: 'search (supervisor)',
      targetMs: SEARCH_MS,
      request: async (i) => {
        const q = encodeURIComponent(pick(SEARCH_TERMS, i));
        return (await timedGet(baseUrl, supervisor, `/api/v1/search?q=${q}`)).ms;
      },
    },
    {
      metric: 'search (agent)',
      targetMs: SEARCH_MS,
      request: async (i) => {
        const q = encodeURIComponent(pick(SEARCH_TERMS, i * 5 + 3));
        return (await timedGet(baseUrl, pick(agents, i), `/api/v1/search?q=${q}`)).ms;
      },
    },
  ];
}
