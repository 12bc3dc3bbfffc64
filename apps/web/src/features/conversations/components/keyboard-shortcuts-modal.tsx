import { Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

const SHORTCUTS = [
  { keys: [['J'], ['Alt', '↓']], label: 'next' },
  { keys: [['K'], ['Alt', '↑']], label: 'previous' },
  { keys: [['↑'], ['↓'], ['Enter']], label: 'openConversation' },
  { keys: [['R']], label: 'reply' },
  { keys: [['N']], label: 'note' },
  { keys: [['Enter']], label: 'send' },
  { keys: [['Shift', 'Enter']], label: 'newLine' },
  { keys: [['Shift', 'C']], label: 'close' },
  { keys: [['/']], label: 'search' },
  { keys: [['?']], label: 'help' },
] as const;

interface KeyboardShortcutsModalProps {
  opened: boolean;
  onClose: () => void;
}

export function KeyboardShortcutsModal({ opened, onClose }: KeyboardShortcutsModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('workflow.shortcuts.title')} centered>
      <Stack gap="sm" data-testid="shortcuts-modal">
        <Table verticalSpacing={6} horizontalSpacing="xs">
          <Table.Tbody>
            {SHORTCUTS.map((shortcut) => (
              <Table.Tr key={shortcut.label}>
                <Table.Td>
                  <Text size="sm">{t(`workflow.shortcuts.${shortcut.label}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    {shortcut.keys.map((combo, index) => (
                      <Fragment key={combo.join('+')}>
                        {index > 0 && (
                          <Text size="xs" c="dimmed">
                            /
                          </Text>
                        )}
                        <Group gap={2} wrap="nowrap">
                          {combo.map((key, keyIndex) => (
                            <Fragment key={key}>
                              {keyIndex > 0 && (
                                <Text size="xs" c="dimmed">
                                  +
                                </Text>
                              )}
                              <Kbd size="xs">{key}</Kbd>
                            </Fragment>
                          ))}
                        </Group>
                      </Fragment>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t('workflow.shortcuts.hint')}
        </Text>
      </Stack>
    </Modal>
  );
}
