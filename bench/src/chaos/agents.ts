import { sleep } from './engines';

/** One reply an agent tried to send: accepted once the api answered 201. */
export interface ReplyRecord {
  text: string;
  conversationId: string;
  accepted: boolean;
  status: number;
}

/** Why agents' turns produced no reply: an empty queue, a colleague faster, or an error. */
export interface AgentTally {
  emptyQueue: number;
  acceptRefused: number;
  errors: number;
}

interface Session {
  cookie: string;
}

/**
 * Agents at work through the load balancer: each takes the oldest waiting conversations it
 * can, answers each with a reply whose text is unique (so the provider's copies can be
 * counted), and signs in again whenever the api forgets it. Errors are what the chaos causes:
 * the agent waits a moment and carries on, as a person would.
 */
export async function runAgents(options: {
  publicUrl: string;
  emails: string[];
  password: string;
  /** Pause between one agent's replies. */
  paceMs: number;
  repliesPerConversation: number;
  tag: string;
  until: () => boolean;
}): Promise<{ replies: ReplyRecord[]; tally: AgentTally }> {
  const replies: ReplyRecord[] = [];
  const tally: AgentTally = { emptyQueue: 0, acceptRefused: 0, errors: 0 };
  let sequence = 0;
  await Promise.all(
    options.emails.map(async (email, agentIndex) => {
      let session: Session | null = null;
      while (!options.until()) {
        try {
          session ??= await signIn(options.publicUrl, email, options.password);
          const call = (path: string, body?: unknown) =>
            fetch(`${options.publicUrl}/api/v1${path}`, {
              method: body === undefined ? 'GET' : 'POST',
              headers: {
                cookie: session!.cookie,
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              },
              ...(body === undefined ? {} : { body: JSON.stringify(body) }),
              signal: AbortSignal.timeout(15_000),
            });
          const listed = await call('/conversations?tab=waiting');
          if (listed.status === 401) session = null;
          if (!listed.ok) throw new Error(`list ${listed.status}`);
          const page = (await listed.json()) as { items?: Array<{ id: string }> };
          const waiting = page.items ?? [];
          // Agents spread over the queue instead of all racing for its head.
          const pick = waiting[agentIndex % Math.max(1, waiting.length)];
          if (!pick) {
            tally.emptyQueue++;
            await sleep(300);
            continue;
          }
          const accepted = await call(`/conversations/${pick.id}/accept`, {});
          if (!accepted.ok) {
            tally.acceptRefused++;
            continue;
          }
          for (let turn = 0; turn < options.repliesPerConversation; turn++) {
            const text = `Reply ${sequence++} ${options.tag}`;
            const record: ReplyRecord = {
              text,
              conversationId: pick.id,
              accepted: false,
              status: 0,
            };
            replies.push(record);
            const sent = await call(`/conversations/${pick.id}/messages`, { text }).catch(
              () => null,
            );
            record.status = sent?.status ?? 0;
            record.accepted = record.status === 201;
            await sleep(options.paceMs);
          }
        } catch {
          tally.errors++;
          await sleep(500);
        }
      }
    }),
  );
  return { replies, tally };
}

async function signIn(publicUrl: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${publicUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(15_000),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}
