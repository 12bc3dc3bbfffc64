import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  Switch,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconRoute } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '@/lib/i18n';
import { useDeleteRoutingRule, usePatchRoutingRule, useRoutingRules } from '../api/routing-rules';
import { useTags } from '../api/tags';
import { useTeams } from '../api/teams';
import type { RoutingRule } from '../types';
import classes from './admin.module.css';
import { RowActions } from './row-actions';
import { ConfirmDelete } from './confirm-delete';
import { useRowEditor } from '../hooks/use-row-editor';
import { ListBody } from './list-body';
import { PageHeader } from './page-header';
import { RuleFormModal } from './rule-form-modal';
import { summarizeRule } from './rule-summary';

export function RulesPage() {
  const { t } = useTranslation();
  const rules = useRoutingRules();
  const teams = useTeams();
  const tags = useTags();
  const patch = usePatchRoutingRule();
  const remove = useDeleteRoutingRule();
  const rows = useRowEditor<RoutingRule>();
  const locale = currentLocale();

  // The API moves a rule to the given position and shifts the others around it.
  const move = (rule: RoutingRule, position: number) =>
    patch.mutate({ id: rule.id, patch: { position } });

  const newButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => rows.openForm(null)}
      data-testid="rule-new"
    >
      {t('admin.rules.new')}
    </Button>
  );

  const busy = patch.isPending;

  return (
    <>
      <PageHeader
        title={t('admin.rules.title')}
        description={t('admin.rules.description')}
        action={newButton}
      />
      <ListBody
        query={rules}
        empty={{
          icon: <IconRoute size={28} />,
          title: t('admin.rules.emptyTitle'),
          description: t('admin.rules.emptyBody'),
          action: newButton,
        }}
      >
        {(list) => (
          <Stack gap="sm">
            <Text size="xs" c="dimmed">
              {t('admin.rules.orderHelp')}
            </Text>
            {list.map((rule, index) => (
              <Card
                key={rule.id}
                withBorder
                radius="md"
                padding="md"
                className={classes.ruleCard}
                data-disabled={!rule.enabled || undefined}
                data-testid="rule-row"
                data-name={rule.name}
              >
                <Group wrap="nowrap" align="flex-start" gap="md">
                  <ThemeIcon
                    variant="light"
                    radius="xl"
                    size={32}
                    color={rule.enabled ? undefined : 'gray'}
                  >
                    <Text fw={700} size="sm" className={classes.position}>
                      {index + 1}
                    </Text>
                  </ThemeIcon>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Group gap="xs">
                      <Text fw={600}>{rule.name}</Text>
                      {!rule.enabled && (
                        <Badge size="xs" variant="outline" color="gray">
                          {t('admin.rules.off')}
                        </Badge>
                      )}
                    </Group>
                    {/* Until teams and tags load, a rule's team would read as deleted. */}
                    {teams.isPending || tags.isPending ? (
                      <Skeleton h={14} w="60%" mt={6} />
                    ) : (
                      <Text size="sm" c="dimmed" mt={2} data-testid="rule-summary">
                        {summarizeRule(rule, {
                          t,
                          locale,
                          teams: teams.data ?? [],
                          tags: tags.data ?? [],
                        })}
                      </Text>
                    )}
                  </div>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip
                      label={rule.enabled ? t('admin.rules.disable') : t('admin.rules.enable')}
                      withArrow
                    >
                      <span>
                        <Switch
                          checked={rule.enabled}
                          disabled={busy}
                          onChange={(event) =>
                            patch.mutate({
                              id: rule.id,
                              patch: { enabled: event.currentTarget.checked },
                            })
                          }
                          aria-label={t('admin.rules.enabled')}
                          mr="xs"
                          data-testid="rule-enabled"
                        />
                      </span>
                    </Tooltip>
                    <Tooltip label={t('admin.rules.moveUp')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        disabled={index === 0 || busy}
                        onClick={() => {
                          const previous = list[index - 1];
                          if (previous) move(rule, previous.position);
                        }}
                        aria-label={t('admin.rules.moveUp')}
                        data-testid="rule-up"
                      >
                        <IconArrowUp size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('admin.rules.moveDown')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        disabled={index === list.length - 1 || busy}
                        onClick={() => {
                          const next = list[index + 1];
                          if (next) move(rule, next.position);
                        }}
                        aria-label={t('admin.rules.moveDown')}
                        data-testid="rule-down"
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <RowActions
                      testId="rule"
                      onEdit={() => rows.openForm(rule)}
                      onDelete={() => {
                        remove.reset();
                        rows.askDelete(rule);
                      }}
                    />
                  </Group>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </ListBody>
      <RuleFormModal
        opened={rows.formOpen}
        rule={rows.editing}
        teams={teams.data ?? []}
        tags={tags.data ?? []}
        onClose={rows.closeForm}
      />
      <ConfirmDelete
        opened={rows.deleting !== null}
        title={t('admin.rules.deleteTitle', { name: rows.deleting?.name ?? '' })}
        message={t('admin.rules.deleteBody')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          rows.deleting && remove.mutate(rows.deleting.id, { onSuccess: rows.cancelDelete })
        }
        onClose={rows.cancelDelete}
      />
    </>
  );
}
