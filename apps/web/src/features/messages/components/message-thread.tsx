import { Button, Center, Text } from '@mantine/core';
import { useIntersection } from '@mantine/hooks';
import { IconHistory } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { formatDayLabel } from '@/lib/format-time';
import { currentLocale } from '@/lib/i18n';
import { useNow } from '@/lib/use-now';
import type { InboxKind } from '@/types/vocabulary';
import { useMessages } from '../api/get-messages';
import { useThreadItems } from '../hooks/use-thread-items';
import { useThreadScroll } from '../hooks/use-thread-scroll';
import { ActivityLine } from './activity-line';
import { DayDivider } from './day-divider';
import { MessageBubble } from './message-bubble';
import { ThreadSkeleton } from './thread-skeleton';
import classes from './thread.module.css';

interface MessageThreadProps {
  conversationId: string;
  /** The conversation's inbox: messages that came or went another way say which. */
  inboxKind?: InboxKind;
}

/** The scrolling list of messages of one conversation; mount it with `key={conversationId}`. */
export function MessageThread({ conversationId, inboxKind }: MessageThreadProps) {
  const { t } = useTranslation();
  const now = useNow();
  const query = useMessages(conversationId);
  const { days, messages } = useThreadItems(query.data);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);

  const last = messages.at(-1);
  const { onScroll } = useThreadScroll(scrollerRef, contentRef, {
    firstId: messages[0]?.id ?? null,
    lastId: last?.id ?? null,
    lastIsOwn: last?.direction === 'outbound' || last?.direction === 'internal',
  });

  // Reaching the top loads older messages without a click; the button remains for keyboards.
  const { ref: topRef, entry } = useIntersection({ rootMargin: '200px 0px 0px 0px' });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const topVisible = entry?.isIntersecting ?? false;
  useEffect(() => {
    if (topVisible && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [topVisible, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const locale = currentLocale();
  return (
    <div
      ref={scrollerRef}
      className={classes.scroller}
      onScroll={onScroll}
      data-testid="thread"
      role="log"
      aria-label={t('thread.label')}
      aria-busy={query.isPending}
      tabIndex={0}
    >
      <div ref={contentRef}>
        {query.isPending ? (
          <ThreadSkeleton />
        ) : query.isError && !query.data ? (
          <ErrorState onRetry={() => void query.refetch()} />
        ) : (
          <>
            <Center ref={topRef} py="xs">
              {hasNextPage ? (
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconHistory size={14} />}
                  loading={isFetchingNextPage}
                  onClick={() => void fetchNextPage()}
                >
                  {t('thread.loadOlder')}
                </Button>
              ) : (
                <Text size="xs" c="dimmed">
                  {messages.length === 0 ? t('thread.empty') : t('thread.beginning')}
                </Text>
              )}
            </Center>
            {days.map((day) => (
              // One section per day so each divider only sticks while its own day scrolls by.
              <section key={day.key}>
                <DayDivider label={formatDayLabel(t, locale, day.date, now)} />
                {day.entries.map(({ message, grouped, showSubject }) =>
                  message.kind === 'activity' ? (
                    <ActivityLine key={message.id} message={message} />
                  ) : (
                    <MessageBubble
                      key={message.id}
                      message={message}
                      grouped={grouped}
                      showSubject={showSubject}
                      inboxKind={inboxKind}
                    />
                  ),
                )}
              </section>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
