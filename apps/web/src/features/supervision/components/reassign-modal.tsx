import { Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '@/features/conversations';
import { AgentPicker, useAgents } from '@/features/presence';
import { isApiError } from '@/lib/api-client';
import { knownApiErrorMessage } from '@/lib/api-error-message';
import { useAssignConversation } from '../api/assign-conversation';
import { DialogActions } from '@/components/ui/dialog-actions';

interface ReassignModalProps {
  conversation: Conversation;
  opened: boolean;
  onClose: () => void;
}

/**
 * A supervisor gives the conversation to another agent: it becomes theirs, open, and leaves
 * its current holder's tabs. Each person shows their presence and load ("3/5"), so a full
 * agent is visible before the API refuses them.
 */
export function ReassignModal({ conversation, opened, onClose }: ReassignModalProps) {
  const { t } = useTranslation();
  const [agentId, setAgentId] = useState<string | null>(null);
  const agents = useAgents(opened);
  const assign = useAssignConversation(conversation.id);
  const chosen = agents.data?.find((agent) => agent.id === agentId);

  const reset = () => {
    setAgentId(null);
    assign.reset();
  };

  const submit = () => {
    if (!chosen) return;
    assign.mutate(chosen.id, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('supervision.reassign.done', { name: chosen.name }),
        });
        onClose();
      },
    });
  };

  const error = assign.error;
  const errorText = !error
    ? null
    : isApiError(error) && error.code === 'at_capacity'
      ? t('workflow.transfer.atCapacity', { name: chosen?.name ?? '' })
      : knownApiErrorMessage(t, error) || error.message || t('errors.unexpected');

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={reset}
      title={t('supervision.reassign.title')}
      centered
      size="md"
    >
      <Stack gap="sm" data-testid="reassign-modal">
        <Text size="sm" c="dimmed">
          {conversation.assignee
            ? t('supervision.reassign.from', { name: conversation.assignee.name })
            : t('supervision.reassign.unassigned')}
        </Text>
        {agents.isError ? (
          <Text size="sm" c="red">
            {t('errors.loadFailed')}
          </Text>
        ) : (
          <AgentPicker
            agents={agents.data ?? []}
            value={agentId}
            onChange={(id) => {
              setAgentId(id);
              assign.reset();
            }}
            excludeIds={conversation.assignee ? [conversation.assignee.id] : []}
            testId="reassign-agents"
          />
        )}
        <DialogActions
          error={errorText}
          errorTestId="reassign-error"
          confirmLabel={t('supervision.reassign.confirm')}
          confirmTestId="reassign-confirm"
          onConfirm={submit}
          onCancel={onClose}
          disabled={!chosen}
          loading={assign.isPending}
        />
      </Stack>
    </Modal>
  );
}
