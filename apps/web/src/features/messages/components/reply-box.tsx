import { Alert, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconLock, IconLogout } from '@tabler/icons-react';
import { useMergedRef, useWindowEvent } from '@mantine/hooks';
import { useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxKind } from '@/types/vocabulary';
import { useTypingSignal } from '../hooks/use-typing-signal';
import { useWindowState } from '../hooks/use-window-state';
import type { ServiceWindow } from '../types';
import { channelRoute } from '../utils/channel-route';
import { MessageComposer } from './message-composer';
import { TemplatePicker } from './template-picker';
import { WindowStatus } from './window-status';

type Mode = 'reply' | 'note';

/** Dispatched on `window` (the N shortcut) to switch the composer on screen to a note. */
export const NOTE_MODE_EVENT = 'switchboard:note-mode';

interface ReplyBoxProps {
  conversationId: string;
  /** The inbox a reply leaves through, whose WhatsApp templates are offered. */
  inboxId: string;
  /** The channel a reply goes out on: the one the customer last wrote through. */
  channel: InboxKind;
  /** The customer's address on that channel, shown when it is not the conversation's inbox. */
  to?: string | null;
  /** Web chat: the visitor left the chat (the reply follows them on `channel` if it is not it). */
  visitorAway?: boolean;
  /** WhatsApp's 24-hour window; null on channels without one. */
  serviceWindow: ServiceWindow | null;
  /** The customer's name, if known, to prefill templates. */
  contactName: string | null;
  /** Why the agent may not reply to the customer right now; null when they may. */
  disabledReason: string | null;
  /**
   * Private notes stay possible when replies are not (anyone who sees the conversation may
   * leave one): the box then only writes notes.
   */
  notesAllowed?: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
  onSent?: () => void;
  /** The API says the window closed: refresh the conversation so the screen agrees. */
  onWindowClosed?: () => void;
}

function firstName(name: string | null): string | null {
  return name?.trim().split(/\s+/)[0] || null;
}

/**
 * Composer for replies and private notes; mount it with `key={conversationId}`. Outside
 * WhatsApp's 24-hour window a reply can only be an approved template, so the text box
 * gives way to the template picker (notes stay free text).
 */
export function ReplyBox({
  conversationId,
  inboxId,
  channel,
  to = null,
  visitorAway = false,
  serviceWindow,
  contactName,
  disabledReason,
  notesAllowed = true,
  inputRef,
  onSent,
  onWindowClosed,
}: ReplyBoxProps) {
  const { t } = useTranslation();
  const [chosenMode, setMode] = useState<Mode>('reply');
  const windowState = useWindowState(serviceWindow);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const mergedInputRef = useMergedRef(textareaRef, inputRef);
  const replyBlocked = disabledReason !== null;
  const mode: Mode = replyBlocked && !notesAllowed ? 'reply' : chosenMode;
  const isNote = mode === 'note';
  // A note must be chosen on purpose (the toggle or N): text typed into a box that silently
  // became a note could be meant for the customer.
  const disabled = replyBlocked && !isNote;
  const templatesOnly = !disabled && !isNote && windowState?.state === 'closed';
  // Only a visitor still in the chat can see the agent typing.
  const signalTyping = useTypingSignal(
    conversationId,
    channel === 'webchat' && !visitorAway && !isNote && !disabled,
  );
  // The notice about a visitor who left already says where the reply goes.
  const channelHint =
    to && !visitorAway
      ? t('reply.channelHintTo', { channel: t(`channel.${channel}`), to })
      : t('reply.channelHint', { channel: t(`channel.${channel}`) });

  const chooseMode = (next: Mode) => {
    setMode(next);
    // Choosing the kind of message is the first step of writing one. After the render:
    // leaving the template picker for a note mounts the text box only then.
    requestAnimationFrame(() => textareaRef.current?.focus());
  };
  useWindowEvent(NOTE_MODE_EVENT, () => {
    if (notesAllowed) chooseMode('note');
  });

  return (
    <Stack
      gap="xs"
      p="sm"
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
      data-testid="reply-box"
      data-disabled={disabled}
      data-reply-blocked={replyBlocked}
      data-mode={templatesOnly ? 'template' : mode}
    >
      {windowState && <WindowStatus status={windowState} />}
      {visitorAway && <VisitorAwayNotice channel={channel} to={to} />}
      {replyBlocked && (
        <Alert
          variant="light"
          color="gray"
          icon={<IconLock size={16} />}
          py="xs"
          data-testid="reply-disabled-reason"
        >
          {disabledReason}
        </Alert>
      )}
      <Group justify="space-between" gap="xs">
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(value) => chooseMode(value === 'note' ? 'note' : 'reply')}
          disabled={replyBlocked && !notesAllowed}
          aria-label={t('reply.modeLabel')}
          data-testid="reply-mode"
          color={isNote ? 'yellow' : undefined}
          data={[
            { value: 'reply', label: t('reply.modeReply'), disabled: replyBlocked },
            { value: 'note', label: t('reply.modeNote') },
          ]}
        />
        <Text size="xs" c="dimmed">
          {isNote
            ? t('workflow.compose.mentionHint')
            : `${channelHint} · ${t('workflow.compose.cannedHint')}`}
        </Text>
      </Group>
      {templatesOnly ? (
        <TemplatePicker
          conversationId={conversationId}
          inboxId={inboxId}
          contactFirstName={firstName(contactName)}
          onSent={onSent}
        />
      ) : (
        <MessageComposer
          conversationId={conversationId}
          channel={channel}
          isNote={isNote}
          disabled={disabled}
          canAttach={windowState?.state === 'open'}
          inputRef={mergedInputRef}
          onSent={onSent}
          onWindowClosed={onWindowClosed}
          onTyping={signalTyping}
        />
      )}
    </Stack>
  );
}

/** The web chat visitor left: where the reply goes now, or that it waits for their return. */
function VisitorAwayNotice({ channel, to }: { channel: InboxKind; to: string | null }) {
  const { t } = useTranslation();
  const route = channelRoute(channel) ?? 'webchat';
  const by = t(`webchat.by.${route}`);
  const text =
    route === 'webchat'
      ? t('webchat.awayWaits')
      : to
        ? t('webchat.awayFollowUpTo', { by, to })
        : t('webchat.awayFollowUp', { by });
  return (
    <Alert
      variant="light"
      color="orange"
      icon={<IconLogout size={16} />}
      py="xs"
      data-testid="visitor-away"
      data-channel={channel}
    >
      {text}
    </Alert>
  );
}
