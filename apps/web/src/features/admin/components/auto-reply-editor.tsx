import { Box, NumberInput, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './admin.module.css';
import { insertAtCaret, PlaceholderButtons } from './placeholder-buttons';
import { previewAutoReply, type TeamFormErrors, type TeamFormState } from './team-form-state';

const OFFLINE_PLACEHOLDERS = ['reference', 'minutes'] as const;

interface AutoReplyEditorProps {
  form: TeamFormState;
  errors: TeamFormErrors;
  onChange: (patch: Partial<TeamFormState>) => void;
}

export function AutoReplyEditor({ form, errors, onChange }: AutoReplyEditorProps) {
  const { t } = useTranslation();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const minutes = form.expectedResponseMinutes === '' ? 30 : form.expectedResponseMinutes;
  const preview = form.offlineText.trim()
    ? previewAutoReply(form.offlineText, form.expectedResponseMinutes)
    : t('admin.teams.offlineDefault', { reference: 'SB-7K3Q9', minutes });

  const insert = (placeholder: string) => {
    const { text, caret } = insertAtCaret(textRef.current, form.offlineText, placeholder);
    onChange({ offlineText: text });
    requestAnimationFrame(() => {
      textRef.current?.focus();
      textRef.current?.setSelectionRange(caret, caret);
    });
  };

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Switch
          label={t('admin.teams.offlineReply')}
          description={t('admin.teams.offlineReplyHelp')}
          checked={form.offlineEnabled}
          onChange={(event) => onChange({ offlineEnabled: event.currentTarget.checked })}
          data-testid="team-offline-enabled"
        />
        {form.offlineEnabled && (
          <Stack gap="sm" pl={52}>
            <Textarea
              ref={textRef}
              label={t('admin.teams.offlineText')}
              description={t('admin.teams.offlineTextHelp')}
              placeholder={t('admin.teams.offlineDefault', {
                reference: '{{reference}}',
                minutes: '{{minutes}}',
              })}
              autosize
              minRows={3}
              maxRows={8}
              maxLength={1000}
              value={form.offlineText}
              onChange={(event) => onChange({ offlineText: event.currentTarget.value })}
              data-testid="team-offline-text"
            />
            <PlaceholderButtons
              placeholders={OFFLINE_PLACEHOLDERS}
              onInsert={insert}
              testId="team-offline-var"
            />
            <div>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
                {t('admin.common.preview')}
              </Text>
              <Text size="sm" className={classes.preview} data-testid="team-offline-preview">
                {preview}
              </Text>
            </div>
            <NumberInput
              label={t('admin.teams.expectedMinutes')}
              description={t('admin.teams.expectedMinutesHelp')}
              min={1}
              max={10080}
              allowDecimal={false}
              allowNegative={false}
              value={form.expectedResponseMinutes}
              onChange={(value) =>
                onChange({ expectedResponseMinutes: typeof value === 'number' ? value : '' })
              }
              error={errors.expectedResponseMinutes && t('admin.validation.positive')}
              maw={260}
            />
          </Stack>
        )}
      </Stack>
      <Stack gap="sm">
        <Switch
          label={t('admin.teams.queueReply')}
          description={t('admin.teams.queueReplyHelp')}
          checked={form.queueEnabled}
          onChange={(event) => onChange({ queueEnabled: event.currentTarget.checked })}
          data-testid="team-queue-enabled"
        />
        {form.queueEnabled && (
          <Box pl={52}>
            <NumberInput
              label={t('admin.teams.minutesPerConversation')}
              description={t('admin.teams.minutesPerConversationHelp')}
              min={1}
              max={1440}
              allowDecimal={false}
              allowNegative={false}
              value={form.minutesPerConversation}
              onChange={(value) =>
                onChange({ minutesPerConversation: typeof value === 'number' ? value : '' })
              }
              error={errors.minutesPerConversation && t('admin.validation.positive')}
              maw={260}
            />
          </Box>
        )}
      </Stack>
    </Stack>
  );
}
