import { Group, Stack, Text } from '@mantine/core';
import {
  IconCalendarEvent,
  IconClockPlay,
  IconClockStop,
  type IconProps,
} from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './indicators.module.css';

interface LineProps {
  icon: ComponentType<IconProps>;
  label: string;
  children: ReactNode;
}

function DefinitionLine({ icon: Icon, label, children }: LineProps) {
  return (
    <div>
      <Group gap={6} wrap="nowrap">
        <Icon size={14} stroke={1.8} color="var(--mantine-color-dimmed)" aria-hidden />
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {label}
        </Text>
      </Group>
      <Text size="sm" mt={2}>
        {children}
      </Text>
    </div>
  );
}

interface ClockDefinitionProps {
  starts: string;
  stops: string;
  /** Which day of the period a measurement belongs to. */
  counted?: string;
  note?: string;
}

/** What starts and stops a clock, written next to the chart that shows it. */
export function ClockDefinition({ starts, stops, counted, note }: ClockDefinitionProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" className={classes.definition}>
      <DefinitionLine icon={IconClockPlay} label={t('indicators.clock.starts')}>
        {starts}
      </DefinitionLine>
      <DefinitionLine icon={IconClockStop} label={t('indicators.clock.stops')}>
        {stops}
      </DefinitionLine>
      {counted && (
        <DefinitionLine icon={IconCalendarEvent} label={t('indicators.clock.counted')}>
          {counted}
        </DefinitionLine>
      )}
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Stack>
  );
}

/** A definition without a clock (counts, shares), in the same box. */
export function PlainDefinition({ children }: { children: ReactNode }) {
  return (
    <div className={classes.definition}>
      <Text size="sm">{children}</Text>
    </div>
  );
}
