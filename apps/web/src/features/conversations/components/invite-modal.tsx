import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth';
import { AgentPicker, useAgents } from '@/features/presence';
import { useInviteColleague } from '../api/invite-colleague';
import type { Conversation } from '../types';

interface InviteModalProps {
  conversation: Conversation;
  opened: boolean;
  onClose: () => void;
}

/** Brings a colleague in: they see it in their Open tab and may write notes and replies. */
export function InviteModal({ conversation, opened, onClose }: InviteModalProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [agentId, setAgentId] = useState<string | null>(null);
  const agents = useAgents(opened);
  const invite = useInviteColleague(conversation.id);
  const chosen = agents.data?.find((agent) => agent.id === agentId);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={() => setAgentId(null)}
      title={t('workflow.invite.title')}
      centered
    >
      <Stack gap="sm" data-testid="invite-modal">
        <Text size="sm" c="dimmed">
          {t('workflow.invite.description')}
        </Text>
        <AgentPicker
          agents={agents.data ?? []}
          value={agentId}
          onChange={setAgentId}
          excludeIds={[user.id, conversation.assignee?.id ?? '']}
          testId="invite-agents"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!chosen}
            loading={invite.isPending}
            data-testid="invite-confirm"
            onClick={() =>
              chosen &&
              invite.mutate(chosen.id, {
                onSuccess: () => {
                  notifications.show({
                    color: 'teal',
                    message: t('workflow.invite.done', { name: chosen.name }),
                  });
                  onClose();
                },
              })
            }
          >
            {t('workflow.invite.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
