import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LanguageMenuItems } from '@/components/ui/language-menu-items';
import { useColorSchemeToggle } from '@/components/ui/use-color-scheme-toggle';
import { useLogout } from '../api/logout';
import { useCurrentUser } from '../hooks/use-current-user';
import type { Presence } from '../types';

const PRESENCE_COLOR: Record<Presence, string> = {
  online: 'teal',
  away: 'yellow',
  offline: 'gray',
};

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const colorScheme = useColorSchemeToggle();

  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label={t('userMenu.label')}>
          <Group gap="xs" wrap="nowrap">
            <Avatar name={user.name} color="initials" size={32} radius="xl" />
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
              {user.name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Group gap="sm" wrap="nowrap" px="sm" py="xs">
          <Avatar name={user.name} color="initials" radius="xl" />
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} truncate>
              {user.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {user.email}
            </Text>
            <Group gap={6} mt={4}>
              <Badge size="xs" variant="light">
                {t(`role.${user.role}`)}
              </Badge>
              <Badge size="xs" variant="dot" color={PRESENCE_COLOR[user.presence]}>
                {t(`presence.${user.presence}`)}
              </Badge>
            </Group>
          </div>
        </Group>
        <Menu.Divider />
        <Menu.Label>{t('userMenu.language')}</Menu.Label>
        <LanguageMenuItems />
        <Menu.Divider />
        <Menu.Label>{t('userMenu.appearance')}</Menu.Label>
        <Menu.Item
          leftSection={colorScheme.isDark ? <IconSun size={16} /> : <IconMoon size={16} />}
          onClick={colorScheme.toggle}
          data-testid="theme-toggle"
        >
          {colorScheme.isDark ? t('userMenu.lightTheme') : t('userMenu.darkTheme')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={() => logout.mutate()}
          data-testid="logout"
        >
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
