import type { Ctx } from '../context';
import { teamIsAttending } from '../teams/attending';
import type { WebchatSite } from './inbox';
import { webchatTeams, type WebchatTeam } from './teams';

export interface WebchatConfig {
  inboxId: string;
  name: string;
  greeting: string | null;
  color: string | null;
  position: 'right' | 'left';
  teams: WebchatTeam[];
  /** Someone can answer now in one of the teams offered; else the widget offers a message form. */
  online: boolean;
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
  const teams = await webchatTeams(ctx, inbox);
  return {
    inboxId: inbox.id,
    name: inbox.name,
    greeting: inbox.settings.greeting ?? null,
    color: inbox.settings.color ?? null,
    position: inbox.settings.position === 'left' ? 'left' : 'right',
    teams,
    // No team to offer: the conversation would be unrouted, attended by anyone online.
    online: teams.length ? teams.some((team) => team.online) : await teamIsAttending(ctx, null),
  };
}
