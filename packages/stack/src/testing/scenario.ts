import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, webDist, widgetDist } from './browser';
import { startTestSystem, type TestSystem } from './system';

type Made<Factory extends keyof TestSystem['make']> = Awaited<
  ReturnType<TestSystem['make'][Factory]>
>;

export interface AgentScenario {
  system: TestSystem;
  browser: Browser;
  workspace: Made<'workspace'>;
  team: Made<'team'>;
  agent: Made<'user'>;
}

/**
 * For the enclosing suite: the whole system serving the web app, a workspace whose one team has
 * one agent, and Chromium. The object is filled in when the suite starts, so read its fields in
 * hooks and tests only.
 */
export function useAgentScenario(options: { statusDelayMs: number }): AgentScenario {
  const scenario = {} as AgentScenario;
  beforeAll(async () => {
    const system = await startTestSystem({
      webDist,
      widgetDist,
      statusDelayMs: options.statusDelayMs,
    });
    scenario.system = system;
    scenario.workspace = await system.make.workspace({ name: 'Tienda Sol' });
    scenario.team = await system.make.team(scenario.workspace.id, { name: 'Soporte' });
    scenario.agent = await system.make.user(scenario.workspace.id, { name: 'Ana Agent' });
    await system.make.member(scenario.workspace.id, scenario.team.id, scenario.agent.id);
    scenario.browser = await launchChromium();
  });
  afterAll(async () => {
    await scenario.browser?.close();
    await scenario.system?.stop();
  });
  return scenario;
}
