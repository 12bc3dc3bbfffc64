import { Badge, Group, Paper, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageTemplate } from '../types';
import classes from './thread.module.css';

const PLACEHOLDER = /\{\{(\d+)\}\}/g;
const CATEGORIES = ['marketing', 'utility', 'authentication'] as const;
type Category = (typeof CATEGORIES)[number];

function isKnownCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

type Segment = { kind: 'text'; text: string } | { kind: 'value'; index: number; value: string };

/** The body cut at its `{{n}}` placeholders, each paired with what the agent typed for it. */
function fill(body: string, parameters: string[]): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    if (match.index > last) segments.push({ kind: 'text', text: body.slice(last, match.index) });
    const index = Number(match[1]);
    segments.push({ kind: 'value', index, value: parameters[index - 1]?.trim() ?? '' });
    last = match.index + match[0].length;
  }
  if (last < body.length) segments.push({ kind: 'text', text: body.slice(last) });
  return segments;
}

interface TemplatePreviewProps {
  template: MessageTemplate;
  parameters: string[];
}

/** What the customer will read, updated as the agent types; gaps stay visible as `{{n}}`. */
export function TemplatePreview({ template, parameters }: TemplatePreviewProps) {
  const { t } = useTranslation();
  const category = template.category.toLowerCase();
  return (
    <Paper withBorder radius="md" p="xs" className={classes.templatePreview}>
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="xs" c="dimmed" fw={500}>
          {t('templates.preview')}
        </Text>
        {template.category && (
          <Badge size="xs" variant="light" color="gray">
            {isKnownCategory(category) ? t(`templates.categories.${category}`) : template.category}
          </Badge>
        )}
      </Group>
      <Text className={classes.text} data-testid="template-preview">
        {fill(template.body, parameters).map((segment, position) =>
          segment.kind === 'text' ? (
            <Fragment key={position}>{segment.text}</Fragment>
          ) : segment.value ? (
            <strong key={position}>{segment.value}</strong>
          ) : (
            <mark key={position} className={classes.placeholder}>
              {`{{${segment.index}}}`}
            </mark>
          ),
        )}
      </Text>
    </Paper>
  );
}
