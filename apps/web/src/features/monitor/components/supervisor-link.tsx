import { ActionIcon, Tooltip } from '@mantine/core';
import { IconLayoutDashboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';

/**
 * The header's way into supervisor mode (the header shows it to supervisors and admins). An
 * icon like the admin link, so the header keeps its room in every language.
 */
export function SupervisorLink({ to }: { to: string }) {
  const { t } = useTranslation();
  const active = useLocation().pathname.startsWith(to);
  const label = t('monitor.supervisor.title');
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon
        component={Link}
        to={to}
        size="lg"
        variant={active ? 'light' : 'subtle'}
        color={active ? undefined : 'gray'}
        aria-label={label}
        aria-current={active ? 'page' : undefined}
        data-testid="supervisor-link"
      >
        <IconLayoutDashboard size={20} stroke={1.7} />
      </ActionIcon>
    </Tooltip>
  );
}
