import { Group, Rating, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConversationRating as RatingValue } from '../types';

/** The stars (1–5) and comment the customer left when their web chat ended. */
export function ConversationRating({ rating }: { rating: RatingValue }) {
  const { t } = useTranslation();
  const label = t('webchat.ratingScore', { score: rating.score });
  return (
    <Stack gap={2} data-testid="info-rating" data-score={rating.score}>
      <Group gap={6} wrap="nowrap">
        <Rating value={rating.score} readOnly size="sm" aria-hidden />
        <Text size="sm">{label}</Text>
      </Group>
      {rating.comment && (
        <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          “{rating.comment}”
        </Text>
      )}
    </Stack>
  );
}
