import type { TFunction } from 'i18next';
import type { RoutingRule, Tag, Team } from '../types';

function list(locale: string, items: string[], type: 'conjunction' | 'disjunction'): string {
  try {
    return new Intl.ListFormat(locale, { style: 'long', type }).format(items);
  } catch {
    return items.join(', ');
  }
}

function regionName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

function languageName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A rule in one sentence: "If the first message mentions factura or invoice → Billing, tag billing". */
export function summarizeRule(
  rule: Pick<RoutingRule, 'conditions' | 'actions'>,
  { t, locale, teams, tags }: { t: TFunction; locale: string; teams: Team[]; tags: Tag[] },
): string {
  const { conditions: c, actions: a } = rule;
  const when: string[] = [];
  if (c.keywords?.length)
    when.push(
      t('admin.rules.summary.keywords', {
        words: list(
          locale,
          c.keywords.map((word) => `“${word}”`),
          'disjunction',
        ),
      }),
    );
  if (c.channels?.length)
    when.push(
      t('admin.rules.summary.channels', {
        channels: list(
          locale,
          c.channels.map((kind) => t(`channel.${kind}`)),
          'disjunction',
        ),
      }),
    );
  if (c.contactCountries?.length)
    when.push(
      t('admin.rules.summary.countries', {
        countries: list(
          locale,
          c.contactCountries.map((code) => regionName(locale, code)),
          'disjunction',
        ),
      }),
    );
  if (c.contactLanguages?.length)
    when.push(
      t('admin.rules.summary.languages', {
        languages: list(
          locale,
          c.contactLanguages.map((code) => languageName(locale, code)),
          'disjunction',
        ),
      }),
    );
  if (c.businessHours) when.push(t(`admin.rules.summary.hours.${c.businessHours}`));

  const then: string[] = [];
  if (a.teamId) {
    const team = teams.find((candidate) => candidate.id === a.teamId);
    then.push(team?.name ?? t('admin.rules.summary.deletedTeam'));
  }
  const tagNames = (a.tagIds ?? [])
    .map((id) => tags.find((tag) => tag.id === id)?.name)
    .filter((name): name is string => Boolean(name));
  if (tagNames.length)
    then.push(
      t('admin.rules.summary.tags', {
        count: tagNames.length,
        tags: list(locale, tagNames, 'conjunction'),
      }),
    );
  if (a.priority && a.priority > 0)
    then.push(
      t('admin.rules.summary.priority', {
        priority: t(`admin.priority.${priorityName(a.priority)}`),
      }),
    );

  const actions = then.length ? then.join(', ') : t('admin.rules.summary.nothing');
  return when.length
    ? t('admin.rules.summary.rule', { conditions: list(locale, when, 'conjunction'), actions })
    : t('admin.rules.summary.always', { actions });
}

export type PriorityName = 'normal' | 'high' | 'urgent';
export const PRIORITIES: readonly PriorityName[] = ['normal', 'high', 'urgent'];

export function priorityName(value: number | undefined): PriorityName {
  return value === 2 ? 'urgent' : value === 1 ? 'high' : 'normal';
}
