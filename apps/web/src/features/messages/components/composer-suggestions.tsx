import { Loader, Paper, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../hooks/use-composer-suggestions';
import classes from './thread.module.css';

interface ComposerSuggestionsProps {
  kind: 'mention' | 'canned';
  suggestions: Suggestion[];
  active: number;
  loading: boolean;
  listId: string;
  onPick: (suggestion: Suggestion) => void;
}

/** The list above the text box; the keyboard stays in the text box (↑ ↓ Enter Tab Esc). */
export function ComposerSuggestions({
  kind,
  suggestions,
  active,
  loading,
  listId,
  onPick,
}: ComposerSuggestionsProps) {
  const { t } = useTranslation();
  return (
    <Paper
      shadow="md"
      withBorder
      radius="md"
      p={4}
      className={classes.suggestions}
      data-testid={`${kind}-suggestions`}
    >
      {suggestions.length === 0 ? (
        <Text size="xs" c="dimmed" px="xs" py={6}>
          {loading ? (
            <Loader size="xs" type="dots" />
          ) : kind === 'mention' ? (
            t('workflow.compose.mentionNone')
          ) : (
            t('workflow.compose.cannedNone')
          )}
        </Text>
      ) : (
        <div role="listbox" id={listId} aria-label={t('workflow.compose.suggestions')}>
          {suggestions.map((suggestion, index) => (
            <UnstyledButton
              key={suggestion.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={classes.suggestion}
              // Keep the caret in the text box.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(suggestion)}
              data-testid="suggestion"
            >
              <Text size="sm" fw={600} span>
                {suggestion.label}
              </Text>
              <Text size="xs" c="dimmed" span truncate>
                {suggestion.detail}
              </Text>
            </UnstyledButton>
          ))}
        </div>
      )}
    </Paper>
  );
}
