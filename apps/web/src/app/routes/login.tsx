import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router-dom';
import { ColorSchemeToggle } from '@/components/ui/color-scheme-toggle';
import { FullPageLoader } from '@/components/ui/full-page-loader';
import { LanguagePicker } from '@/components/ui/language-picker';
import { LoginForm, useMe } from '@/features/auth';
import { paths } from '../paths';

/** Where to go after signing in: back to the page that asked for it, else the inbox. */
function useReturnPath(): string {
  const location = useLocation();
  const from = (location.state as { from?: Location } | null)?.from;
  return from && from.pathname !== paths.login
    ? `${from.pathname}${from.search}${from.hash}`
    : paths.home;
}

export function LoginRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const returnPath = useReturnPath();

  if (me.data) return <Navigate to={returnPath} replace />;
  if (me.isPending) return <FullPageLoader />;

  return (
    <Box mih="100dvh" bg="var(--mantine-color-default-hover)">
      <Group justify="flex-end" p="md" gap="xs">
        <LanguagePicker />
        <ColorSchemeToggle />
      </Group>
      <Center px="md" pb="xl" mih="calc(100dvh - 140px)">
        <Stack w="100%" maw={400} gap="lg">
          <Stack align="center" gap="xs">
            <ThemeIcon size={48} radius="md">
              <IconMessages size={28} />
            </ThemeIcon>
            <Title order={1} size="h3" ta="center">
              {t('auth.title')}
            </Title>
            <Text c="dimmed" size="sm" ta="center">
              {t('auth.subtitle')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p="xl" radius="lg">
            <LoginForm onSuccess={() => void navigate(returnPath, { replace: true })} />
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
