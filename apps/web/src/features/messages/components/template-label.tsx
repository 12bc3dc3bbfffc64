import { Group, Text } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MessageTemplateUse } from '../types';

/** Marks an outbound message as an approved template ("Template: order_update"). */
export function TemplateLabel({ template }: { template: MessageTemplateUse }) {
  const { t } = useTranslation();
  return (
    <Group
      gap={4}
      wrap="nowrap"
      mb={2}
      title={`${template.name} · ${template.language}`}
      data-testid="message-template"
      data-template-name={template.name}
    >
      <IconTemplate size={12} aria-hidden />
      <Text size="xs" c="dimmed" fw={500} truncate>
        {t('thread.template', { name: template.name })}
      </Text>
    </Group>
  );
}
