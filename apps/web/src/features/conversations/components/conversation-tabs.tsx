import { Badge, Group, Tabs, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_STATUSES } from '@/types/vocabulary';
import { useConversationCounts } from '../api/get-conversation-counts';
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
}

export function ConversationTabs({ value, onChange }: ConversationTabsProps) {
  const { t } = useTranslation();
  const counts = useConversationCounts();
  // Conversations with unread messages in the whole tab (not only its first page).
  const unread = counts.data?.unread ?? { open: 0, waiting: 0, closed: 0 };

  return (
    <Tabs
      value={value}
      // Three tabs with counts must fit the list pane in every language, without wrapping.
      styles={{
        list: { flexWrap: 'nowrap' },
        // Width follows the label, so "En espera" takes more room than "Open".
        tab: { flex: '1 1 auto', paddingInline: 'var(--mantine-spacing-xs)', minWidth: 0 },
        tabLabel: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
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
                  <Group gap={4} wrap="nowrap">
                    {unread[tab] > 0 && (
                      <Tooltip label={t('workflow.list.unreadCount', { count: unread[tab] })}>
                        <Badge
                          size="xs"
                          circle
                          variant="filled"
                          color="blue"
                          data-testid={`tab-unread-${tab}`}
                          aria-label={t('workflow.list.unreadCount', { count: unread[tab] })}
                        >
                          {unread[tab]}
                        </Badge>
                      </Tooltip>
                    )}
                    <Badge
                      size="sm"
                      circle={count < 10}
                      style={{ overflow: 'visible' }}
                      variant={tab === 'waiting' && count > 0 ? 'filled' : 'light'}
                      color={COUNT_COLOR[tab]}
                      data-testid={`tab-count-${tab}`}
                    >
                      {count}
                    </Badge>
                  </Group>
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
