import { Badge, Group, Text } from '@mantine/core';
import { IconLock, IconRobot } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '@/features/inboxes';
import { formatClockTime, formatDateTime } from '@/lib/format-time';
import { currentLocale } from '@/lib/i18n';
import { isInboxKind, type InboxKind } from '@/types/vocabulary';
import type { Message } from '../types';
import { AttachmentList } from './attachment-list';
import { DeliveryFailure } from './delivery-failure';
import { DeliveryStatus } from './delivery-status';
import { EmailContent } from './email-content';
import { MessageQuote } from './message-quote';
import { MessageReactions } from './message-reactions';
import { NoteText } from './note-text';
import { TemplateLabel } from './template-label';
import { UnsupportedNotice } from './unsupported-notice';
import classes from './thread.module.css';

interface MessageBubbleProps {
  message: Message;
  /** Same author as the message above within a few minutes: skip the name. */
  grouped: boolean;
  /** First email on its subject: show the subject line. */
  showSubject?: boolean;
  /** The conversation's inbox; a message on another channel names it. */
  inboxKind?: InboxKind | undefined;
}

export function MessageBubble({
  message,
  grouped,
  showSubject = false,
  inboxKind,
}: MessageBubbleProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isNote = message.kind === 'note';
  const isOutbound = message.direction === 'outbound';
  const variant = isNote ? 'note' : isOutbound ? 'outbound' : 'inbound';
  const occurredAt = new Date(message.occurredAt);
  const failed = message.status === 'failed';
  // Notes are typed in the inbox, so they stay plain text even on an email conversation.
  const email = !isNote ? (message.email ?? null) : null;

  const channel = isInboxKind(message.channel) && !isNote ? message.channel : null;
  // A web chat customer who wrote by email, or a reply that followed them by SMS.
  const elsewhere = channel !== null && inboxKind !== undefined && channel !== inboxKind;

  const automatic = message.automatic === true;
  // Our side (agents, automations, notes) on the right, the customer on the left.
  const authorName = isOutbound
    ? automatic
      ? null
      : (message.author?.name ?? t('thread.automated'))
    : isNote
      ? message.author?.name
      : null;

  return (
    <div
      className={classes.row}
      data-side={variant === 'inbound' ? 'start' : 'end'}
      data-grouped={grouped}
      data-testid="message-item"
      data-direction={message.direction}
      data-kind={message.kind}
      data-status={message.status}
      data-message-id={message.id}
      data-automatic={automatic || undefined}
      data-channel={channel ?? undefined}
    >
      {automatic && (
        <Group gap={4} className={classes.author}>
          <Badge
            size="xs"
            variant="light"
            color="gray"
            leftSection={<IconRobot size={10} />}
            data-testid="automatic-badge"
          >
            {t('workflow.automatic')}
          </Badge>
        </Group>
      )}
      {!grouped && !automatic && (isNote || authorName) && (
        <Group gap={4} className={classes.author}>
          {isNote && <IconLock size={12} />}
          <span>
            {[isNote ? t('thread.privateNote') : null, authorName].filter(Boolean).join(' · ')}
          </span>
        </Group>
      )}
      <div
        className={classes.bubble}
        data-variant={variant}
        data-failed={failed}
        data-email={email !== null}
      >
        {message.replyTo && <MessageQuote replyTo={message.replyTo} />}
        {message.template && <TemplateLabel template={message.template} />}
        {message.unsupported && <UnsupportedNotice type={message.unsupported.type} />}
        {email ? (
          <EmailContent
            email={email}
            text={message.text}
            attachments={message.attachments}
            showSubject={showSubject}
          />
        ) : (
          <>
            {message.text &&
              (isNote ? (
                <NoteText text={message.text} />
              ) : (
                <Text className={classes.text}>{message.text}</Text>
              ))}
            <AttachmentList attachments={message.attachments} />
          </>
        )}
        <div className={classes.meta}>
          {channel && <ChannelIcon kind={channel} size={12} withTooltip={!elsewhere} />}
          {channel && elsewhere && (
            <span className={classes.via} data-testid="message-channel">
              {t('thread.via', { channel: t(`channel.${channel}`) })}
            </span>
          )}
          <time dateTime={message.occurredAt} title={formatDateTime(locale, occurredAt)}>
            {formatClockTime(locale, occurredAt)}
          </time>
          {isOutbound && <DeliveryStatus status={message.status} />}
        </div>
      </div>
      <MessageReactions reactions={message.reactions} />
      {failed && isOutbound && (
        <DeliveryFailure errorCode={message.errorCode} errorMessage={message.errorMessage} />
      )}
    </div>
  );
}
