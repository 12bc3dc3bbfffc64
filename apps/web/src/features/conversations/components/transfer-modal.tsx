import { Group, Modal, Radio, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth';
import { AgentPicker, useAgents, useTeams } from '@/features/presence';
import { isApiError } from '@/lib/api-client';
import { knownApiErrorMessage } from '@/lib/api-error-message';
import { useTransferConversation } from '../api/transfer-conversation';
import type { Conversation } from '../types';
import { DialogActions } from '@/components/ui/dialog-actions';

interface TransferModalProps {
  conversation: Conversation;
  opened: boolean;
  onClose: () => void;
  onTransferred?: () => void;
  /** Which tab the dialog opens on: a colleague (default) or a team (redirect). */
  initialTarget?: Target;
}

type Target = 'agent' | 'team';

/** Hand the conversation to a colleague (it becomes theirs) or to a team's queue. */
export function TransferModal({
  conversation,
  opened,
  onClose,
  onTransferred,
  initialTarget = 'agent',
}: TransferModalProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [target, setTarget] = useState<Target>(initialTarget);
  const [agentId, setAgentId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const agents = useAgents(opened);
  const teams = useTeams(opened);
  const transfer = useTransferConversation(conversation.id);

  const reset = () => {
    setTarget(initialTarget);
    setAgentId(null);
    setTeamId(null);
    setNote('');
    transfer.reset();
  };

  const chosenAgent = agents.data?.find((agent) => agent.id === agentId);
  const chosenTeam = teams.data?.find((team) => team.id === teamId);
  const ready = target === 'agent' ? Boolean(chosenAgent) : Boolean(chosenTeam);

  const submit = () => {
    if (!ready) return;
    const trimmed = note.trim() || undefined;
    const input =
      target === 'agent'
        ? { toUserId: agentId!, note: trimmed }
        : { toTeamId: teamId!, note: trimmed };
    transfer.mutate(input, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('workflow.transfer.done', {
            name: target === 'agent' ? chosenAgent?.name : chosenTeam?.name,
          }),
        });
        onClose();
        onTransferred?.();
      },
    });
  };

  const error = transfer.error;
  const errorText = !error
    ? null
    : isApiError(error) && error.code === 'at_capacity'
      ? t('workflow.transfer.atCapacity', { name: chosenAgent?.name ?? '' })
      : knownApiErrorMessage(t, error) || error.message || t('errors.unexpected');

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={reset}
      title={t('workflow.transfer.title')}
      centered
      size="md"
    >
      <Stack gap="sm" data-testid="transfer-modal">
        <SegmentedControl
          fullWidth
          value={target}
          onChange={(value) => {
            setTarget(value === 'team' ? 'team' : 'agent');
            transfer.reset();
          }}
          data={[
            { value: 'agent', label: t('workflow.transfer.toAgent') },
            { value: 'team', label: t('workflow.transfer.toTeam') },
          ]}
          data-testid="transfer-target"
        />
        {target === 'agent' ? (
          agents.isError ? (
            <Text size="sm" c="red">
              {t('errors.loadFailed')}
            </Text>
          ) : (
            <AgentPicker
              agents={agents.data ?? []}
              value={agentId}
              onChange={(id) => {
                setAgentId(id);
                transfer.reset();
              }}
              excludeIds={[user.id, conversation.assignee?.id ?? '']}
              testId="transfer-agents"
            />
          )
        ) : (
          <Radio.Group value={teamId} onChange={setTeamId} data-testid="transfer-teams">
            <Stack gap={6}>
              {teams.isError && (
                <Text size="sm" c="red">
                  {t('errors.loadFailed')}
                </Text>
              )}
              {teams.data?.length === 0 && (
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {t('workflow.transfer.noTeams')}
                </Text>
              )}
              {teams.data?.map((team) => (
                <Radio.Card
                  key={team.id}
                  value={team.id}
                  radius="md"
                  px="sm"
                  py={8}
                  data-testid="team-option"
                >
                  <Group wrap="nowrap" gap="sm">
                    <Radio.Indicator size="xs" />
                    <IconUsers size={16} />
                    <Text size="sm" fw={500} style={{ flex: 1 }} truncate>
                      {team.name}
                    </Text>
                    {team.id === conversation.teamId && (
                      <Text size="xs" c="dimmed">
                        {t('workflow.transfer.currentTeam')}
                      </Text>
                    )}
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Textarea
          label={t('workflow.transfer.note')}
          description={t('workflow.transfer.noteHint')}
          placeholder={t('workflow.transfer.notePlaceholder')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={5}
          data-testid="transfer-note"
        />
        <DialogActions
          error={errorText}
          errorTestId="transfer-error"
          confirmLabel={t('workflow.transfer.confirm')}
          confirmTestId="transfer-confirm"
          onConfirm={submit}
          onCancel={onClose}
          disabled={!ready}
          loading={transfer.isPending}
        />
      </Stack>
    </Modal>
  );
}
