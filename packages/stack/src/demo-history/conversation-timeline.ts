import type { ConversationOutcome } from '@switchboard/db';
import { HOUR, MIN, SEC } from './durations';
import type { Random } from './random';
import type { CommonLines, TopicLines } from './texts';
import { Timeline } from './timeline';
import type { ConversationStart, HistoryAgent, PlanInput } from './types';

/** Everything decided about a conversation before it is played out. */
export interface Scene {
  start: ConversationStart;
  outcome: ConversationOutcome;
  billing: boolean;
  /** The topic's first reply asks something back, so the customer always answers it. */
  asksBack: boolean;
  /** The topic's lines and the common ones, in the customer's language. */
  said: TopicLines;
  lines: CommonLines;
  agents: PlanInput['agents'];
  billingRule: PlanInput['billingRule'];
  /** The agent who takes it first. */
  holder: HistoryAgent;
  say: (text: string, agent?: HistoryAgent) => string;
}

/**
 * Plays a conversation out as offsets from its start: the customer's opening, then either
 * nobody answers (abandoned) or an agent takes it and it runs to its outcome.
 */
export function playConversation(random: Random, scene: Scene): Timeline {
  const timeline = new Timeline(scene.holder, scene.say);
  open(random, scene, timeline);
  if (scene.outcome === 'abandoned') abandon(random, scene, timeline);
  else attend(random, scene, timeline);
  return timeline;
}

function open(random: Random, scene: Scene, timeline: Timeline) {
  const { billing, billingRule, say } = scene;
  timeline.activity(0, 'opened', 'webhook');
  timeline.customerSays(0, say(random.pick(scene.said.asks)));
  if (billing) {
    timeline.activity(SEC, 'routed', 'webhook', {
      rule: billingRule.name,
      ...(billingRule.id ? { ruleId: billingRule.id } : {}),
      ...(billingRule.teamId ? { teamId: billingRule.teamId } : {}),
    });
  }
  // Support answers offline customers automatically; Billing has no auto-reply.
  if (scene.start.offline && !billing) timeline.autoReply(3 * SEC, say(scene.lines.offline));
}

/** Nobody took it: now and then the customer nudges, then the system closes it. */
function abandon(random: Random, scene: Scene, timeline: Timeline) {
  const close = random.skewed(2 * MIN, 25 * MIN, 1.3);
  if (random.chance(0.5))
    timeline.customerSays(random.between(MIN, close - 30 * SEC), random.pick(scene.lines.nudges));
  timeline.activity(close, 'closed', 'system', { by: 'system', outcome: scene.outcome });
}

function attend(random: Random, scene: Scene, timeline: Timeline) {
  const { start, outcome, lines } = scene;
  // At night only the agent on call answers, and takes longer to get to it.
  const wait = start.night
    ? random.skewed(2 * MIN, 40 * MIN, 1.5)
    : Math.min(30 * MIN, random.skewed(30 * SEC, 20 * MIN, 2.2) * (start.peak ? 1.6 : 1));
  timeline.assign(wait);
  const holder = timeline.holder;
  if (scene.billing) {
    timeline.activity(wait, 'assigned', 'system', {
      by: 'system',
      to: holder.id,
      toName: holder.name,
      mode: 'round_robin',
    });
  } else {
    timeline.activity(wait, 'accepted', holder);
  }

  let close: number;
  if (outcome === 'cancelled') {
    timeline.customerSays(Math.max(10 * SEC, wait / 2), random.pick(lines.neverMind));
    close = wait + random.between(30 * SEC, 4 * MIN);
  } else {
    const at =
      wait +
      (isEmail(scene)
        ? random.skewed(2 * MIN, 50 * MIN, 1.3)
        : random.skewed(20 * SEC, 8 * MIN, 1.5));
    timeline.agentSays(at, holder, outcome === 'no_reply' ? lines.askDetails : scene.said.reply);
    close =
      outcome === 'no_reply'
        ? at + random.between(40 * MIN, 5 * HOUR)
        : resolve(random, scene, timeline, at);
  }
  timeline.activity(close, 'closed', timeline.holder, { outcome });
}

/** After the first reply of a conversation that gets solved; returns when it closes. */
function resolve(random: Random, scene: Scene, timeline: Timeline, firstReply: number): number {
  const email = isEmail(scene);
  let at = firstReply;
  // A Support conversation now and then goes to the colleague (transferred).
  const transfer = !scene.billing && random.chance(0.1);
  if (transfer) {
    const [ana, bruno] = scene.agents;
    at += random.between(MIN, 6 * MIN);
    timeline.transfer(at, timeline.holder === ana ? bruno : ana);
  }
  at = exchange(random, scene, timeline, at, transfer);
  if (random.chance(0.5)) {
    at += email ? random.between(10 * MIN, HOUR) : random.between(30 * SEC, 8 * MIN);
    timeline.customerSays(at, random.pick(scene.lines.thanks));
  }
  const close = Math.max(
    at + (email ? random.between(5 * MIN, HOUR) : random.between(MIN, 15 * MIN)),
    5 * MIN + random.between(0, 3 * MIN),
  );
  // Now and then the customer comes back after the close (reopened).
  return random.chance(0.075) ? reopen(random, scene, timeline, close) : close;
}

/** The customer's follow-up questions and the agent's answers; returns the last answer's time. */
function exchange(
  random: Random,
  scene: Scene,
  timeline: Timeline,
  from: number,
  transferred: boolean,
): number {
  const { said, lines, start } = scene;
  const email = isEmail(scene);
  let at = from;
  const exchanges =
    random.chance(0.72) || transferred || scene.asksBack ? (random.chance(0.3) ? 2 : 1) : 0;
  for (let n = 0; n < exchanges; n++) {
    const question = n === 0 ? said.follow : random.pick(lines.moreQuestions);
    const answer =
      n === 0 ? said.answer : lines.moreAnswers[lines.moreQuestions.indexOf(question)]!;
    at += email ? random.skewed(10 * MIN, 4 * HOUR, 1.5) : random.skewed(40 * SEC, 25 * MIN, 1.8);
    const asked = at;
    timeline.customerSays(asked, scene.say(question));
    at +=
      (email ? random.skewed(5 * MIN, 2 * HOUR, 1.5) : random.skewed(20 * SEC, 12 * MIN, 1.6)) *
      (start.peak ? 1.4 : 1);
    timeline.agentSays(at, timeline.holder, answer, asked);
  }
  return at;
}

/** Closed once, the customer writes again and the same agent answers; returns the new close. */
function reopen(random: Random, scene: Scene, timeline: Timeline, firstClose: number): number {
  const { lines, outcome } = scene;
  const holder = timeline.holder;
  timeline.activity(firstClose, 'closed', holder, { outcome });
  const back = firstClose + random.between(40 * MIN, 8 * HOUR);
  timeline.activity(back, 'reopened', 'webhook', { by: 'customer', to: holder.id });
  timeline.customerSays(back, random.pick(lines.comeBack));
  const reply = back + random.skewed(MIN, 20 * MIN, 1.4);
  timeline.agentSays(reply, holder, lines.comeBackAnswer, back);
  timeline.reopenCount = 1;
  return reply + random.between(2 * MIN, 15 * MIN);
}

function isEmail(scene: Scene): boolean {
  return scene.start.channel === 'email';
}
