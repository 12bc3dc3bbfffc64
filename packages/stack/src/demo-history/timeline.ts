import type { HistoryAgent } from './types';

/** One thing that happened in a conversation, timed from its start; times are fixed later. */
export interface Draft {
  /** Milliseconds after the conversation started. */
  offset: number;
  type: 'customer' | 'agent' | 'auto' | 'activity';
  text: string;
  agent?: HistoryAgent;
  activity?: Record<string, unknown>;
  /** For a next reply: when the customer's unanswered message came. */
  answers?: number;
}

export interface Participation {
  userId: string;
  offset: number;
}

export type Actor = HistoryAgent | 'webhook' | 'system';

/**
 * Records a conversation as it is played out: its drafts in the order they happen, and who
 * held it. Agents' texts are filled with the agent's name through `say`.
 */
export class Timeline {
  readonly drafts: Draft[] = [];
  readonly participants: Participation[] = [];
  assignedAt: number | null = null;
  transferCount = 0;
  reopenCount = 0;

  constructor(
    public holder: HistoryAgent,
    private readonly say: (text: string, agent?: HistoryAgent) => string,
  ) {}

  /** The agent who held it last, or null when nobody ever took it. */
  get agent(): HistoryAgent | null {
    return this.assignedAt === null ? null : this.holder;
  }

  activity(offset: number, type: string, by: Actor, detail = {}) {
    this.drafts.push({
      offset,
      type: 'activity',
      text: '',
      activity: {
        type,
        ...(typeof by === 'string'
          ? { actorId: null, actorName: null, actorType: by }
          : { actorId: by.id, actorName: by.name }),
        ...detail,
      },
    });
  }

  customerSays(offset: number, text: string) {
    this.drafts.push({ offset, type: 'customer', text });
  }

  agentSays(offset: number, agent: HistoryAgent, text: string, answers?: number) {
    this.drafts.push({ offset, type: 'agent', text: this.say(text, agent), agent, answers });
  }

  autoReply(offset: number, text: string) {
    this.drafts.push({ offset, type: 'auto', text });
  }

  /** The holder takes the conversation (the first assignment). */
  assign(offset: number) {
    this.assignedAt = offset;
    this.participants.push({ userId: this.holder.id, offset });
  }

  transfer(offset: number, to: HistoryAgent) {
    const from = this.holder;
    this.activity(offset, 'transferred', from, {
      from: { id: from.id, name: from.name },
      to: { id: to.id, name: to.name },
      toTeam: null,
    });
    this.holder = to;
    this.participants.push({ userId: to.id, offset });
    this.transferCount = 1;
  }
}
