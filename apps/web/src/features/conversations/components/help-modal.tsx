import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAskForHelp } from '../api/ask-for-help';

interface HelpModalProps {
  conversationId: string;
  opened: boolean;
  onClose: () => void;
}

/** Escalates: the team (and supervisors) see it under "Needs help" and may join. */
export function HelpModal({ conversationId, opened, onClose }: HelpModalProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const help = useAskForHelp(conversationId);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={() => setNote('')}
      title={t('workflow.help.title')}
      centered
    >
      <Stack gap="sm" data-testid="help-modal">
        <Text size="sm" c="dimmed">
          {t('workflow.help.description')}
        </Text>
        <Textarea
          label={t('workflow.help.note')}
          placeholder={t('workflow.help.notePlaceholder')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={5}
          data-autofocus
          data-testid="help-note"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={help.isPending}
            data-testid="help-confirm"
            onClick={() =>
              help.mutate(note.trim() || undefined, {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('workflow.help.done') });
                  onClose();
                },
              })
            }
          >
            {t('workflow.help.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
