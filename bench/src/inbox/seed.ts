import type { BenchStack } from '../lib/stack';
import type { Fixtures } from './load';

export const SUPERVISOR_EMAIL = 'supervisor@inbox.bench';
export const agentEmail = (index: number) =>
  `agent${String(index + 1).padStart(2, '0')}@inbox.bench`;

const TEAMS = ['Ventas España', 'Soporte', 'Brasil', 'Facturación'];
const INBOXES = [
  { kind: 'whatsapp_cloud', name: 'WhatsApp España', address: '+34910000001' },
  { kind: 'whatsapp_cloud', name: 'WhatsApp Brasil', address: '+551130000001' },
  { kind: 'sms_twilio', name: 'SMS US', address: '+15550000001' },
  { kind: 'email', name: 'Soporte email', address: 'soporte@tienda.example' },
  { kind: 'webchat', name: 'Chat web', address: 'tienda.example' },
] as const;
// Which team each inbox routes to (same order as INBOXES).
const INBOX_TEAM = [0, 2, 1, 3, 1];

/** The workspace, its teams, 50 agents and a supervisor (password "password"), and inboxes. */
export async function seedWorkspace(stack: BenchStack, agents: number): Promise<Fixtures> {
  const { make } = stack;
  const workspace = await make.workspace({ name: 'Tienda Global' });
  const teams = [];
  for (const name of TEAMS) teams.push(await make.team(workspace.id, { name }));
  const agentIds: string[] = [];
  for (let index = 0; index < agents; index++) {
    const agent = await make.user(workspace.id, {
      email: agentEmail(index),
      name: `Agent ${index + 1}`,
      role: 'agent',
      capacity: 40,
      languages: ['es', 'en', 'pt'],
    });
    await make.member(workspace.id, teams[index % teams.length]!.id, agent.id);
    agentIds.push(agent.id);
  }
  await make.user(workspace.id, {
    email: SUPERVISOR_EMAIL,
    name: 'Supervisor',
    role: 'supervisor',
  });
  const inboxIds: string[] = [];
  for (const [index, inbox] of INBOXES.entries()) {
    const row = await make.smsInbox(workspace.id, {
      kind: inbox.kind,
      name: inbox.name,
      address: inbox.address,
      defaultTeamId: teams[INBOX_TEAM[index]!]!.id,
    });
    inboxIds.push(row.id);
  }
  return {
    workspaceId: workspace.id,
    teamIds: teams.map((team) => team.id),
    agentIds,
    inboxIds,
    inboxKinds: INBOXES.map((inbox) => inbox.kind),
  };
}
