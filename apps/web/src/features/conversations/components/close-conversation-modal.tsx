import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_OUTCOMES } from '@/types/vocabulary';
import classes from './close-conversation-modal.module.css';
import { useCloseConversation } from '../api/close-conversation';
import type { ConversationOutcome } from '../types';

interface CloseConversationModalProps {
  conversationId: string;
  opened: boolean;
  onClose: () => void;
}

export function CloseConversationModal({
  conversationId,
  opened,
  onClose,
}: CloseConversationModalProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ConversationOutcome>('resolved');
  const close = useCloseConversation(conversationId);

  const confirm = () => {
    close.mutate(outcome, {
      onSuccess: () => {
        onClose();
        notifications.show({
          color: 'teal',
          message: t('actions.closed', { outcome: t(`outcome.${outcome}`) }),
        });
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      // Start from the most common outcome each time, not from the last conversation's choice.
      onExitTransitionEnd={() => setOutcome('resolved')}
      title={t('closeModal.title')}
      centered
      size="md"
    >
      <Text size="sm" c="dimmed" mb="md">
        {t('closeModal.description')}
      </Text>
      <Radio.Group
        value={outcome}
        onChange={(value) => {
          const next = CONVERSATION_OUTCOMES.find((candidate) => candidate === value);
          if (next) setOutcome(next);
        }}
      >
        <Stack gap="xs">
          {CONVERSATION_OUTCOMES.map((value) => (
            <Radio.Card
              key={value}
              value={value}
              radius="md"
              p="sm"
              className={classes.card}
              data-testid={`close-outcome-${value}`}
            >
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <div>
                  <Text size="sm" fw={600}>
                    {t(`outcome.${value}`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`outcomeHelp.${value}`)}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={confirm} loading={close.isPending} data-testid="close-confirm">
          {t('closeModal.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}
