import type { ConversationOutcome } from '@switchboard/db';
import { plannedMessages, type ConversationFacts } from './conversation-messages';
import { summarize } from './conversation-summary';
import { playConversation } from './conversation-timeline';
import type { Random } from './random';
import { scheduleDrafts } from './schedule';
import { common, fill, topics, type HistoryLanguage } from './texts';
import type { ConversationStart, HistoryAgent, PlanInput, PlannedConversation } from './types';

const BILLING_TOPICS = topics.filter((topic) => topic.billing);
const SUPPORT_TOPICS = topics.filter((topic) => !topic.billing);

/**
 * One conversation of the history: decides what it is about, how it ends and who takes it,
 * plays it out, then fixes its times and writes its messages.
 */
export function planConversation(
  random: Random,
  input: PlanInput,
  start: ConversationStart,
): PlannedConversation {
  const { customer } = start;
  const language = customer.language;
  const lines = common[language];
  const topic = random.chance(0.28) ? random.pick(BILLING_TOPICS) : random.pick(SUPPORT_TOPICS);
  const said = topic.lines[language];
  const values = {
    name: customer.name.split(' ')[0]!,
    agent: '',
    order: String(random.int(40_000, 99_999)),
    invoice: `F-${random.int(10_000, 99_999)}`,
    amount: amount(language, random.int(19, 240) * 10 - 1),
    ref: start.reference,
  };
  const say = (text: string, agent?: HistoryAgent) =>
    fill(text, { ...values, agent: agent ? agent.name.split(' ')[0]! : '' });
  const subject = say(said.subject);

  const roll = random.next();
  const outcome: ConversationOutcome =
    roll < 0.07 ? 'abandoned' : roll < 0.14 ? 'no_reply' : roll < 0.18 ? 'cancelled' : 'resolved';
  const billing = topic.billing;
  const [ana, bruno] = input.agents;
  // Billing questions are Bruno's (the only Billing agent); Support splits between both.
  const holder = billing || random.chance(0.25) ? bruno : ana;

  const timeline = playConversation(random, {
    start,
    outcome,
    billing,
    asksBack: topic.asksBack ?? false,
    said,
    lines,
    agents: input.agents,
    billingRule: input.billingRule,
    holder,
    say,
  });
  const facts: ConversationFacts = {
    start,
    outcome,
    billing,
    subject,
    signOffs: {
      customer: lines.customerSignOff,
      agent: lines.agentSignOff,
      company: input.company,
    },
  };
  const schedule = scheduleDrafts(timeline.drafts, start);
  const messages = plannedMessages(random, timeline.drafts, facts, schedule);
  return summarize(timeline, messages, facts, schedule);
}

function amount(language: HistoryLanguage, value: number): string {
  const currency = language === 'es' ? 'MXN' : language === 'pt' ? 'BRL' : 'USD';
  const locale = language === 'es' ? 'es-MX' : language === 'pt' ? 'pt-BR' : 'en-US';
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
}
