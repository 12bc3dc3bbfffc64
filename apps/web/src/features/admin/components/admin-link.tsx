import { ActionIcon, Tooltip } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { adminPaths } from '../paths';

/**
 * The header's way into the admin area (the header shows it to admins only). An icon, so the
 * header keeps room for search, presence and notifications in every language.
 */
export function AdminLink() {
  const { t } = useTranslation();
  const active = useLocation().pathname.startsWith(adminPaths.root);
  const label = t('admin.title');
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon
        component={Link}
        to={adminPaths.root}
        size="lg"
        variant={active ? 'light' : 'subtle'}
        color={active ? undefined : 'gray'}
        aria-label={label}
        aria-current={active ? 'page' : undefined}
        data-testid="admin-link"
      >
        <IconSettings size={20} stroke={1.7} />
      </ActionIcon>
    </Tooltip>
  );
}
