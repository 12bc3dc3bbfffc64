import { Button, Group, Text } from '@mantine/core';
import { IconBraces } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface PlaceholderButtonsProps {
  placeholders: readonly string[];
  onInsert: (placeholder: string) => void;
  testId?: string;
}

/** Buttons that insert a `{{variable}}` into the text being written. */
export function PlaceholderButtons({ placeholders, onInsert, testId }: PlaceholderButtonsProps) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Text size="xs" c="dimmed">
        {t('admin.common.insertVariable')}
      </Text>
      {placeholders.map((name) => (
        <Button
          key={name}
          size="compact-xs"
          variant="light"
          color="gray"
          ff="monospace"
          leftSection={<IconBraces size={12} />}
          onClick={() => onInsert(`{{${name}}}`)}
          data-testid={testId ? `${testId}-${name}` : undefined}
        >
          {name}
        </Button>
      ))}
    </Group>
  );
}

/** Inserts at the caret of the textarea when it has one, else at the end. */
export function insertAtCaret(
  textarea: HTMLTextAreaElement | null,
  value: string,
  insert: string,
): { text: string; caret: number } {
  const start = textarea?.selectionStart ?? value.length;
  const end = textarea?.selectionEnd ?? value.length;
  const text = value.slice(0, start) + insert + value.slice(end);
  return { text, caret: start + insert.length };
}
