import type { Ctx } from '../context';
import type { WebchatSite } from './inbox';
import { webchatTeams, type WebchatTeam } from './teams';

export interface WebchatConfig {
  inboxId: string;
  name: string;
  greeting: string | null;
  color: string | null;
  position: 'right' | 'left';
  teams: WebchatTeam[];
}

/** What the widget needs before the visitor writes: how it looks and who can answer. */
export async function webchatConfig({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { inbox: WebchatSite };
}): Promise<WebchatConfig> {
  const { inbox } = input;
  return {
    inboxId: inbox.id,
    name: inbox.name,
    greeting: inbox.settings.greeting ?? null,
    color: inbox.settings.color ?? null,
    position: inbox.settings.position === 'left' ? 'left' : 'right',
    teams: await webchatTeams(ctx, inbox),
  };
}
