import { Box, Button, Container, Group, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconChartBar, IconLock, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { EmptyState } from '@/components/ui/empty-state';
import { useCurrentUser } from '@/features/auth';
import { paths } from '../paths';

/** URLs of supervisor mode, built in one place. */
export const supervisorPaths = {
  root: '/supervisor',
  monitor: '/supervisor/monitor',
  indicators: '/supervisor/indicators',
} as const;

const TABS = [
  { value: 'monitor', to: supervisorPaths.monitor, icon: IconUsers },
  { value: 'indicators', to: supervisorPaths.indicators, icon: IconChartBar },
] as const;

/** /supervisor: live monitor and indicators, for supervisors and admins (the API refuses agents too). */
export function SupervisorRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useDocumentTitle(`${t('monitor.supervisor.title')} · ${t('app.name')}`);

  if (user.role === 'agent')
    return (
      <div data-testid="supervisor-forbidden" style={{ height: '100%', paddingTop: 80 }}>
        <EmptyState
          color="orange"
          icon={<IconLock size={28} />}
          title={t('monitor.supervisor.forbiddenTitle')}
          description={t('monitor.supervisor.forbiddenBody')}
          action={
            <Button
              variant="light"
              mt="sm"
              leftSection={<IconArrowLeft size={16} />}
              onClick={() => void navigate(paths.home)}
            >
              {t('monitor.supervisor.backToInbox')}
            </Button>
          }
        />
      </div>
    );

  const active = TABS.find((tab) => pathname.startsWith(tab.to))?.value ?? 'monitor';
  return (
    <Box
      h="calc(100dvh - var(--app-shell-header-offset, 56px))"
      style={{ overflowY: 'auto' }}
      data-testid="supervisor-area"
    >
      <Container size="xl" py="lg" pb={64}>
        <Tabs
          value={active}
          onChange={(value) => {
            const tab = TABS.find((candidate) => candidate.value === value);
            if (tab) void navigate(tab.to);
          }}
          variant="pills"
          keepMounted={false}
        >
          <Group justify="space-between" align="flex-end" gap="md" mb="lg">
            <div>
              <Title order={2} fz="h3">
                {t('monitor.supervisor.title')}
              </Title>
              <Text c="dimmed" size="sm" mt={4}>
                {t('monitor.supervisor.description')}
              </Text>
            </div>
            <Tabs.List aria-label={t('monitor.supervisor.title')}>
              {TABS.map(({ value, icon: Icon }) => (
                <Tabs.Tab
                  key={value}
                  value={value}
                  leftSection={<Icon size={16} stroke={1.7} />}
                  data-testid={`supervisor-tab-${value}`}
                >
                  {t(`monitor.supervisor.tabs.${value}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Group>
          <Tabs.Panel value={active}>
            <Outlet />
          </Tabs.Panel>
        </Tabs>
      </Container>
    </Box>
  );
}
