import { Badge, Box, Tabs, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_STATUSES } from '@/types/vocabulary';
import { useConversationCounts } from '../api/get-conversation-counts';
import type { ConversationScope } from '../api/get-conversations';
import type { ConversationTab } from '../types';

// Waiting is the queue nobody owns yet: it gets the colour that asks for attention.
const COUNT_COLOR: Record<ConversationTab, string> = {
  open: 'blue',
  waiting: 'orange',
  closed: 'gray',
};

interface ConversationTabsProps {
  value: ConversationTab;
  onChange: (tab: ConversationTab) => void;
  /** Whose inbox the counts are of: the same as the list under the tabs. */
  scope?: ConversationScope;
}

export function ConversationTabs({ value, onChange, scope }: ConversationTabsProps) {
  const { t } = useTranslation();
  const counts = useConversationCounts(scope);
  // Conversations with unread messages in the whole tab (not only its first page).
  const unread = counts.data?.unread ?? { open: 0, waiting: 0, closed: 0 };

  return (
    <Tabs
      value={value}
      // Three tabs with counts must fit the list pane (~345 px) in every language, whole: the
      // label is never cut, and unread shows as a dot on the count rather than a second number.
      styles={{
        list: { flexWrap: 'nowrap' },
        // Width follows the label, so "Encerradas" takes more room than "Na fila".
        tab: { flex: '1 1 auto', paddingInline: 6 },
        tabLabel: { whiteSpace: 'nowrap' },
        tabSection: { flexShrink: 0, marginInlineStart: 6 },
      }}
      onChange={(next) => {
        const tab = CONVERSATION_STATUSES.find((status) => status === next);
        if (tab) onChange(tab);
      }}
    >
      <Tabs.List aria-label={t('tabs.label')}>
        {CONVERSATION_STATUSES.map((tab) => {
          const count = counts.data?.[tab];
          return (
            <Tabs.Tab
              key={tab}
              value={tab}
              data-testid={`tab-${tab}`}
              rightSection={
                count !== undefined && (
                  <Box pos="relative" style={{ display: 'inline-flex' }}>
                    <Badge
                      size="sm"
                      circle={count < 10}
                      style={{ overflow: 'visible' }}
                      variant={tab === 'waiting' && count > 0 ? 'filled' : 'light'}
                      color={COUNT_COLOR[tab]}
                      data-testid={`tab-count-${tab}`}
                    >
                      {tab === 'closed' && counts.data?.closedCapped ? `${count}+` : count}
                    </Badge>
                    {unread[tab] > 0 && (
                      <Tooltip label={t('workflow.list.unreadCount', { count: unread[tab] })}>
                        <Box
                          component="span"
                          role="img"
                          aria-label={t('workflow.list.unreadCount', { count: unread[tab] })}
                          data-testid={`tab-unread-${tab}`}
                          data-count={unread[tab]}
                          pos="absolute"
                          top={-3}
                          right={-3}
                          w={10}
                          h={10}
                          bg="blue.6"
                          style={{
                            borderRadius: '50%',
                            border: '2px solid var(--mantine-color-body)',
                          }}
                        >
                          {/* The number stays readable to tests and copy-paste, not on screen. */}
                          <VisuallyHidden>{unread[tab]}</VisuallyHidden>
                        </Box>
                      </Tooltip>
                    )}
                  </Box>
                )
              }
            >
              {t(`tabs.${tab}`)}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
    </Tabs>
  );
}
