import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatClockTime, formatDateTime } from '@/lib/format-time';
import { currentLocale } from '@/lib/i18n';
import { isConversationOutcome } from '@/types/vocabulary';
import type { Message, MessageActivity } from '../types';
import { channelRoute } from '../utils/channel-route';
import classes from './thread.module.css';

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

/** `{ name }` objects only: bare strings in `by` / `to` are ids or roles, never names. */
function nameIn(value: unknown): string | null {
  return typeof value === 'object' && value !== null && 'name' in value ? text(value.name) : null;
}

/** Activity payloads vary by producer; accept the few shapes they use for people. */
function actorOf(activity: MessageActivity): string | null {
  return text(activity.actorName) ?? nameIn(activity.actor) ?? nameIn(activity.by);
}

function assigneeOf(activity: MessageActivity): string | null {
  return text(activity.assigneeName) ?? nameIn(activity.assignee) ?? nameIn(activity.to);
}

function byCustomer(activity: MessageActivity): boolean {
  return activity.by === 'customer' || activity.actorType === 'contact';
}

/** `[{ name }]` lists (tags added / removed) as "VIP, Refund". */
function namesIn(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  const names = value.map((item) => (typeof item === 'string' ? null : nameIn(item)));
  const present = names.filter((name): name is string => name !== null);
  return present.length ? present.map((name) => `“${name}”`).join(', ') : null;
}

function byMachine(activity: MessageActivity): boolean {
  return activity.by === 'system' || activity.actorType === 'system';
}

/** The lines this issue added (docs/workflow-api.md); null when the type is not one of them. */
function describeWorkflow(t: TFunction, activity: MessageActivity, locale: string): string | null {
  const actor = actorOf(activity) ?? t('workflow.activity.someone');
  switch (activity.type) {
    case 'transferred': {
      const agent = nameIn(activity.to) ?? text(activity.toName);
      const team = nameIn(activity.toTeam) ?? text(activity.toTeamName);
      if (agent) return t('workflow.activity.transferredToAgent', { actor, target: agent });
      if (team) return t('workflow.activity.transferredToTeam', { actor, target: team });
      return t('workflow.activity.transferred');
    }
    case 'tagged': {
      const added = namesIn(activity.added);
      const removed = namesIn(activity.removed);
      if (added && removed) return t('workflow.activity.taggedBoth', { actor, added, removed });
      if (added) return t('workflow.activity.taggedAdded', { actor, tags: added });
      if (removed) return t('workflow.activity.taggedRemoved', { actor, tags: removed });
      return t('workflow.activity.tagged', { actor });
    }
    case 'held':
      return t('workflow.activity.held', { actor });
    case 'invited': {
      const target = nameIn(activity.user) ?? nameIn(activity.to) ?? text(activity.userName);
      return target
        ? t('workflow.activity.invited', { actor, target })
        : t('workflow.activity.invitedSomeone', { actor });
    }
    case 'joined':
      return t('workflow.activity.joined', { actor });
    case 'help_requested':
      return t('workflow.activity.helpRequested', { actor });
    case 'snoozed': {
      const until = text(activity.until) ?? text(activity.snoozedUntil);
      const date = until ? new Date(until) : null;
      return date && !Number.isNaN(date.getTime())
        ? t('workflow.activity.snoozed', { actor, time: formatDateTime(locale, date) })
        : t('workflow.activity.snoozedNoTime', { actor });
    }
    case 'unsnoozed':
      return t('workflow.activity.unsnoozed', { actor });
    case 'woke':
      return byCustomer(activity)
        ? t('workflow.activity.wokeByCustomer')
        : t('workflow.activity.woke');
    case 'routed': {
      const rule = text(activity.rule) ?? text(activity.ruleName);
      const team = nameIn(activity.team) ?? text(activity.teamName);
      if (rule && team) return t('workflow.activity.routedToTeam', { rule, team });
      if (rule) return t('workflow.activity.routed', { rule });
      return t('workflow.activity.routedPlain');
    }
    case 'contact_blocked':
      return t('workflow.activity.contactBlocked', { actor });
    case 'contact_unblocked':
      return t('workflow.activity.contactUnblocked', { actor });
    case 'contacts_merged':
      return t('workflow.activity.contactsMerged', { actor });
    default:
      return null;
  }
}

/** Web chat lines: the visitor leaving (and how replies follow them), coming back, the rating. */
function describeWebchat(t: TFunction, activity: MessageActivity): string | null {
  switch (activity.type) {
    case 'visitor_left': {
      const route = channelRoute(activity.followUp);
      return route && route !== 'webchat'
        ? t('webchat.activity.leftFollowUp', { by: t(`webchat.by.${route}`) })
        : t('webchat.activity.left');
    }
    case 'visitor_returned':
      return t('webchat.activity.returned');
    case 'rated':
      return typeof activity.score === 'number'
        ? t('webchat.activity.rated', { score: activity.score })
        : t('webchat.activity.ratedPlain');
    default:
      return null;
  }
}

function describe(
  t: TFunction,
  activity: MessageActivity,
  fallback: string,
  locale: string,
): string {
  const actor = actorOf(activity);
  const workflow = describeWorkflow(t, activity, locale) ?? describeWebchat(t, activity);
  if (workflow) return workflow;
  switch (activity.type) {
    case 'opened':
      return t('activity.opened');
    case 'accepted':
      return actor ? t('activity.acceptedBy', { actor }) : t('activity.accepted');
    case 'closed': {
      const base = byCustomer(activity)
        ? t('webchat.activity.closedByCustomer')
        : activity.reason === 'visitor_left'
          ? t('webchat.activity.abandoned')
          : actor
            ? t('activity.closedBy', { actor })
            : byMachine(activity)
              ? t('workflow.activity.autoClosed')
              : t('activity.closed');
      return isConversationOutcome(activity.outcome)
        ? `${base} · ${t(`outcome.${activity.outcome}`)}`
        : base;
    }
    case 'reopened':
      if (byCustomer(activity)) return t('activity.reopenedByCustomer');
      return actor ? t('activity.reopenedBy', { actor }) : t('activity.reopened');
    case 'returned':
      return actor ? t('activity.returnedBy', { actor }) : t('activity.returned');
    case 'assigned': {
      const assignee = assigneeOf(activity) ?? text(activity.toName);
      if (!assignee) return t('activity.assigned');
      if (byMachine(activity)) return t('workflow.activity.autoAssigned', { assignee });
      return actor && actor !== assignee
        ? t('activity.assignedBy', { actor, assignee })
        : t('activity.assignedTo', { assignee });
    }
    case 'transcript_sent': {
      const to = typeof activity.to === 'string' ? activity.to : '';
      return actor
        ? t('activity.transcriptSentBy', { actor, to })
        : t('activity.transcriptSent', { to });
    }
    default:
      // A type this screen does not know yet: say who did what rather than nothing.
      return (
        fallback ||
        t('workflow.activity.generic', {
          actor: actor ?? t('workflow.activity.system'),
          type: activity.type.replaceAll('_', ' '),
        })
      );
  }
}

/** A centred system line ("Ana accepted the conversation · 14:02"). */
export function ActivityLine({ message }: { message: Message }) {
  const { t } = useTranslation();
  const label = message.activity
    ? describe(t, message.activity, message.text, currentLocale())
    : message.text;
  return (
    <div
      className={classes.activity}
      data-testid="message-item"
      data-direction={message.direction}
      data-kind={message.kind}
      data-status={message.status}
      data-activity={message.activity?.type}
    >
      <span>{label}</span>
      <span aria-hidden>·</span>
      <time dateTime={message.occurredAt}>
        {formatClockTime(currentLocale(), new Date(message.occurredAt))}
      </time>
    </div>
  );
}
