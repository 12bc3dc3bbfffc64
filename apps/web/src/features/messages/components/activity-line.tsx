import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatClockTime } from '@/lib/format-time';
import { currentLocale } from '@/lib/i18n';
import { isConversationOutcome } from '@/types/vocabulary';
import type { Message, MessageActivity } from '../types';
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

function describe(t: TFunction, activity: MessageActivity, fallback: string): string {
  const actor = actorOf(activity);
  switch (activity.type) {
    case 'opened':
      return t('activity.opened');
    case 'accepted':
      return actor ? t('activity.acceptedBy', { actor }) : t('activity.accepted');
    case 'closed': {
      const base = actor ? t('activity.closedBy', { actor }) : t('activity.closed');
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
      const assignee = assigneeOf(activity);
      if (!assignee) return t('activity.assigned');
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
      return fallback || t('activity.other');
  }
}

/** A centred system line ("Ana accepted the conversation · 14:02"). */
export function ActivityLine({ message }: { message: Message }) {
  const { t } = useTranslation();
  const label = message.activity ? describe(t, message.activity, message.text) : message.text;
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
