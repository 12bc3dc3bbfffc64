import { Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth';
import { useSetPresence } from '../api/set-presence';
import type { Presence } from '../types';
import { PresenceDot } from './presence-dot';

const CHOICES: Presence[] = ['online', 'away', 'offline'];

/** My status in the header: going online starts automatic assignment for my teams. */
export function PresenceMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const setPresence = useSetPresence();
  // Optimistic: show the choice while the request runs.
  const presence = setPresence.isPending ? setPresence.variables : user.presence;
  const auto = !setPresence.isPending && presence === 'away' && user.presenceAuto === true;
  const label = auto ? t('workflow.presence.autoAway') : t(`presence.${presence}`);

  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={`${t('workflow.presence.label')}: ${label}`}
          data-testid="presence-menu"
          data-presence={presence}
          px={8}
          py={4}
          style={{
            borderRadius: 'var(--mantine-radius-xl)',
            border: '1px solid var(--mantine-color-default-border)',
          }}
        >
          <Group gap={6} wrap="nowrap">
            <PresenceDot presence={presence} size={9} />
            <Text size="xs" fw={600} visibleFrom="sm">
              {label}
            </Text>
            <IconChevronDown size={12} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('workflow.presence.label')}</Menu.Label>
        {auto && (
          <Text size="xs" c="dimmed" px="sm" pb={6}>
            {t('workflow.presence.autoAwayHint')}
          </Text>
        )}
        {CHOICES.map((choice) => (
          <Menu.Item
            key={choice}
            leftSection={<PresenceDot presence={choice} size={10} />}
            rightSection={choice === presence ? <IconCheck size={14} /> : null}
            onClick={() => choice !== user.presence && setPresence.mutate(choice)}
            data-testid={`presence-${choice}`}
          >
            <Text size="sm" fw={500}>
              {t(`presence.${choice}`)}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`workflow.presence.${choice}Hint`)}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
