import { Group, List, Paper, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The rules every figure on the page shares, said once at the end. */
export function CountingNotes({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="indicators-notes">
      <Group gap="xs" mb="xs">
        <IconInfoCircle size={18} color="var(--mantine-color-dimmed)" aria-hidden />
        <Text fw={600} size="sm">
          {t('indicators.notes.title')}
        </Text>
      </Group>
      <List size="sm" c="dimmed" spacing={4}>
        <List.Item>{t('indicators.notes.days', { timeZone })}</List.Item>
        <List.Item>{t('indicators.notes.belongs')}</List.Item>
        <List.Item>{t('indicators.notes.rounding')}</List.Item>
      </List>
    </Paper>
  );
}
