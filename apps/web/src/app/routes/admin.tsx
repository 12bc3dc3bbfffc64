import { Button, NavLink, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import {
  IconArrowLeft,
  IconLock,
  IconMessageBolt,
  IconRoute,
  IconTag,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useNavigate } from 'react-router-dom';
import { EmptyState } from '@/components/ui/empty-state';
import { useCurrentUser } from '@/features/auth';
import { adminPaths } from '@/features/admin';
import { paths } from '../paths';
import classes from './admin.module.css';

const SECTIONS = [
  { to: adminPaths.teams, key: 'teams', icon: IconUsersGroup },
  { to: adminPaths.rules, key: 'rules', icon: IconRoute },
  { to: adminPaths.cannedResponses, key: 'canned', icon: IconMessageBolt },
  { to: adminPaths.tags, key: 'tags', icon: IconTag },
] as const;

/** /admin: workspace configuration, for admins only (the API refuses everyone else too). */
export function AdminRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  useDocumentTitle(`${t('admin.title')} · ${t('app.name')}`);

  if (user.role !== 'admin')
    return (
      <div data-testid="admin-forbidden" style={{ height: '100%', paddingTop: 80 }}>
        <EmptyState
          color="orange"
          icon={<IconLock size={28} />}
          title={t('admin.forbiddenTitle')}
          description={t('admin.forbiddenBody')}
          action={
            <Button
              variant="light"
              mt="sm"
              leftSection={<IconArrowLeft size={16} />}
              onClick={() => void navigate(paths.home)}
            >
              {t('admin.backToInbox')}
            </Button>
          }
        />
      </div>
    );

  return (
    <div className={classes.root}>
      <nav className={classes.nav} aria-label={t('admin.title')}>
        <Text
          size="xs"
          fw={700}
          c="dimmed"
          tt="uppercase"
          px="sm"
          mb="xs"
          className={classes.navTitle}
        >
          {t('admin.title')}
        </Text>
        {SECTIONS.map(({ to, key, icon: Icon }) => (
          <RouterNavLink key={key} to={to} style={{ textDecoration: 'none', color: 'inherit' }}>
            {({ isActive }) => (
              <NavLink
                component="span"
                active={isActive}
                label={t(`admin.nav.${key}`)}
                leftSection={<Icon size={18} stroke={1.7} />}
                variant="light"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
                data-testid={`admin-nav-${key}`}
              />
            )}
          </RouterNavLink>
        ))}
        <NavLink
          component={Link}
          to={paths.home}
          label={t('admin.backToInbox')}
          leftSection={<IconArrowLeft size={18} stroke={1.7} />}
          c="dimmed"
          mt="md"
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
          className={classes.navTitle}
        />
      </nav>
      <div className={classes.content} data-testid="admin-content">
        <div className={classes.inner}>
          <Outlet />
        </div>
      </div>
    </div>
  );
}
