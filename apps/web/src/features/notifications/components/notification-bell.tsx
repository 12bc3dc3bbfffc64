import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Switch,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconAt, IconBell, IconBellRinging, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '@/components/ui/relative-time';
import { desktopPermission, useSoundEnabled, type DesktopPermission } from '../api/alert-settings';
import { useMarkNotificationsRead, useNotifications } from '../api/get-notifications';
import type { AppNotification } from '../types';

interface NotificationBellProps {
  /** Opens the conversation a notification points at. */
  onOpenConversation: (conversationId: string) => void;
}

/** Mentions and invitations with an unread badge; also where desktop alerts are switched on. */
export function NotificationBell({ onOpenConversation }: NotificationBellProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const list = useNotifications();
  const markRead = useMarkNotificationsRead();
  const [sound, toggleSound] = useSoundEnabled();
  const [permission, setPermission] = useState<DesktopPermission>(desktopPermission);
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const open = (item: AppNotification) => {
    if (!item.readAt) markRead.mutate([item.id]);
    setOpened(false);
    if (item.conversationId) onOpenConversation(item.conversationId);
  };

  // Browsers only ask for permission from a click, never on their own.
  const enableDesktop = () => {
    void Notification.requestPermission().then(setPermission);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md">
      <Popover.Target>
        <Tooltip label={t('workflow.notifications.label')} withArrow disabled={opened}>
          <Indicator
            disabled={unread === 0}
            label={unread > 99 ? '99+' : unread}
            size={16}
            color="red"
            offset={4}
            data-testid="notifications-unread"
            data-count={unread}
          >
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={
                unread > 0
                  ? `${t('workflow.notifications.label')} (${unread})`
                  : t('workflow.notifications.label')
              }
              onClick={() => setOpened((value) => !value)}
              data-testid="notifications-bell"
            >
              {unread > 0 ? <IconBellRinging size={20} /> : <IconBell size={20} />}
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notifications-panel">
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={600} size="sm">
            {t('workflow.notifications.title')}
          </Text>
          {unread > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => markRead.mutate(undefined)}
              data-testid="notifications-read-all"
            >
              {t('workflow.notifications.markAllRead')}
            </Button>
          )}
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={360} type="auto">
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" ta="center" py="lg" px="md">
              {t('workflow.notifications.empty')}
            </Text>
          ) : (
            <Stack gap={0}>
              {items.map((item) => (
                <UnstyledButton
                  key={item.id}
                  onClick={() => open(item)}
                  px="sm"
                  py={8}
                  data-testid="notification-item"
                  data-unread={!item.readAt}
                  style={{
                    display: 'flex',
                    gap: 10,
                    borderBottom: '1px solid var(--mantine-color-default-border)',
                    background: item.readAt ? undefined : 'var(--mantine-primary-color-light)',
                  }}
                >
                  {item.kind === 'invite' ? <IconUserPlus size={16} /> : <IconAt size={16} />}
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Text size="sm" fw={item.readAt ? 500 : 700} truncate>
                        {item.actorName
                          ? t('workflow.notifications.mention', { actor: item.actorName })
                          : t('workflow.notifications.mentionSomeone')}
                      </Text>
                      <RelativeTime value={item.createdAt} size="xs" c="dimmed" />
                    </Group>
                    {item.text && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {item.text}
                      </Text>
                    )}
                  </div>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <Divider />
        <Stack gap={6} px="sm" py="xs">
          <Switch
            size="xs"
            checked={sound}
            onChange={toggleSound}
            label={t('workflow.notifications.sound')}
            data-testid="alerts-sound"
          />
          {permission === 'default' && (
            <Button
              size="compact-xs"
              variant="light"
              onClick={enableDesktop}
              data-testid="alerts-desktop"
            >
              {t('workflow.notifications.enableDesktop')}
            </Button>
          )}
          {permission === 'granted' && (
            <Text size="xs" c="dimmed">
              {t('workflow.notifications.desktopOn')}
            </Text>
          )}
          {permission === 'denied' && (
            <Text size="xs" c="dimmed">
              {t('workflow.notifications.desktopBlocked')}
            </Text>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
