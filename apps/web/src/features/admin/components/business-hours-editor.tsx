import {
  ActionIcon,
  Button,
  Group,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconClock, IconPlus, IconTrash, IconWorld } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '@/lib/i18n';
import { WEEKDAYS, type Weekday } from '../types';
import classes from './admin.module.css';
import { DEFAULT_RANGE, type TeamFormErrors, type TimeRange } from './team-form-state';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

/** Localised weekday names, Monday first (1 Jan 2024 was a Monday). */
function weekdayNames(locale: string): Record<Weekday, string> {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return Object.fromEntries(
    WEEKDAYS.map((day) => {
      const name = format.format(new Date(Date.UTC(2024, 0, Number(day))));
      return [day, name.charAt(0).toLocaleUpperCase(locale) + name.slice(1)];
    }),
  ) as Record<Weekday, string>;
}

interface BusinessHoursEditorProps {
  timeZone: string;
  days: Record<Weekday, TimeRange[]>;
  errors: TeamFormErrors;
  onTimeZoneChange: (timeZone: string) => void;
  onDaysChange: (days: Record<Weekday, TimeRange[]>) => void;
}

export function BusinessHoursEditor({
  timeZone,
  days,
  errors,
  onTimeZoneChange,
  onDaysChange,
}: BusinessHoursEditorProps) {
  const { t, i18n } = useTranslation();
  const zones = useMemo(() => {
    const all = timeZones();
    return all.includes(timeZone) ? all : [timeZone, ...all];
  }, [timeZone]);
  const names = useMemo(() => weekdayNames(currentLocale()), [i18n.resolvedLanguage]); // eslint-disable-line react-hooks/exhaustive-deps

  const setDay = (day: Weekday, ranges: TimeRange[]) => onDaysChange({ ...days, [day]: ranges });
  const copyMondayToWeekdays = () => {
    const monday = days['1'];
    onDaysChange({
      ...days,
      ...Object.fromEntries(
        (['2', '3', '4', '5'] as const).map((day) => [day, monday.map((r) => ({ ...r }))]),
      ),
    });
  };

  return (
    <Stack gap="md">
      <Select
        label={t('admin.teams.timeZone')}
        description={t('admin.teams.timeZoneHelp')}
        leftSection={<IconWorld size={16} />}
        data={zones}
        value={timeZone}
        onChange={(value) => value && onTimeZoneChange(value)}
        searchable
        nothingFoundMessage={t('admin.common.nothingFound')}
        maxDropdownHeight={280}
        allowDeselect={false}
        error={errors.timeZone && t('admin.validation.required')}
        maw={360}
        data-testid="team-timezone"
      />
      <Stack gap={0} className={classes.hoursTable}>
        {WEEKDAYS.map((day) => {
          const ranges = days[day];
          const open = ranges.length > 0;
          const problem = errors.days?.[day];
          return (
            <div key={day} className={classes.hoursRow} data-testid={`hours-day-${day}`}>
              <Group gap="sm" wrap="nowrap" className={classes.hoursDay}>
                <Switch
                  checked={open}
                  onChange={(event) =>
                    setDay(day, event.currentTarget.checked ? [{ ...DEFAULT_RANGE }] : [])
                  }
                  aria-label={names[day]}
                  data-testid={`hours-open-${day}`}
                />
                <Text size="sm" fw={500}>
                  {names[day]}
                </Text>
              </Group>
              <Stack gap={6} style={{ flex: 1 }}>
                {open ? (
                  ranges.map((range, index) => (
                    <Group key={index} gap="xs" wrap="nowrap">
                      <TextInput
                        type="time"
                        size="xs"
                        w={110}
                        value={range.from}
                        aria-label={t('admin.teams.opensAt')}
                        error={Boolean(problem)}
                        onChange={(event) =>
                          setDay(
                            day,
                            ranges.map((r, i) =>
                              i === index ? { ...r, from: event.currentTarget.value } : r,
                            ),
                          )
                        }
                      />
                      <Text size="sm" c="dimmed">
                        –
                      </Text>
                      <TextInput
                        type="time"
                        size="xs"
                        w={110}
                        value={range.to}
                        aria-label={t('admin.teams.closesAt')}
                        error={Boolean(problem)}
                        onChange={(event) =>
                          setDay(
                            day,
                            ranges.map((r, i) =>
                              i === index ? { ...r, to: event.currentTarget.value } : r,
                            ),
                          )
                        }
                      />
                      <Tooltip label={t('admin.teams.removeRange')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('admin.teams.removeRange')}
                          onClick={() =>
                            setDay(
                              day,
                              ranges.filter((_, i) => i !== index),
                            )
                          }
                        >
                          <IconTrash size={15} />
                        </ActionIcon>
                      </Tooltip>
                      {index === ranges.length - 1 && (
                        <Tooltip label={t('admin.teams.addRange')} withArrow>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('admin.teams.addRange')}
                            onClick={() => setDay(day, [...ranges, { from: '', to: '' }])}
                          >
                            <IconPlus size={15} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  ))
                ) : (
                  <Text size="sm" c="dimmed" py={4}>
                    {t('admin.teams.closed')}
                  </Text>
                )}
                {problem && (
                  <Text size="xs" c="red" role="alert">
                    {t(`admin.validation.hours.${problem}`)}
                  </Text>
                )}
              </Stack>
            </div>
          );
        })}
      </Stack>
      <Group gap="xs">
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconClock size={14} />}
          onClick={copyMondayToWeekdays}
          disabled={days['1'].length === 0}
        >
          {t('admin.teams.copyMonday')}
        </Button>
      </Group>
    </Stack>
  );
}
