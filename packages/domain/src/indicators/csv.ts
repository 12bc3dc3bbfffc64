import type { IndicatorsReport, Timing } from './summarize';

type Cell = string | number | null;

/**
 * The report as CSV for spreadsheets: one figure per line, `section,group,figure,value`,
 * times in seconds. Groups are an hour of day (0–23) or a channel.
 */
export function indicatorsCsv(report: IndicatorsReport): string {
  const rows: Cell[][] = [['section', 'group', 'figure', 'value']];
  const add = (section: string, group: Cell, figure: string, value: Cell) =>
    rows.push([section, group, figure, value]);
  const addTimings = (section: string, group: Cell, timings: Record<string, Timing>) => {
    for (const [name, timing] of Object.entries(timings)) {
      add(section, group, `${name}.count`, timing.count);
      add(section, group, `${name}.averageSeconds`, timing.averageSeconds);
      add(section, group, `${name}.medianSeconds`, timing.medianSeconds);
      add(section, group, `${name}.p90Seconds`, timing.p90Seconds);
    }
  };

  add('period', null, 'from', report.from);
  add('period', null, 'to', report.to);
  add('period', null, 'timeZone', report.timeZone);
  const { summary } = report;
  for (const figure of [
    'started',
    'attended',
    'resolvedFirstContact',
    'notResolvedFirstContact',
    'offlineReceived',
  ] as const)
    add('summary', null, figure, summary[figure]);
  for (const figure of ['duration', 'queueWait'] as const) {
    add('summary', null, `${figure}.count`, summary[figure].count);
    add('summary', null, `${figure}.averageSeconds`, summary[figure].averageSeconds);
    add('summary', null, `${figure}.longestSeconds`, summary[figure].longestSeconds);
  }
  add('summary', null, 'abandoned.count', summary.abandoned.count);
  add('summary', null, 'abandoned.withMessage', summary.abandoned.withMessage);
  add('summary', null, 'abandoned.averageWaitSeconds', summary.abandoned.averageWaitSeconds);
  add('summary', null, 'abandoned.longestWaitSeconds', summary.abandoned.longestWaitSeconds);
  const { firstResponse, nextReply, resolution } = summary;
  addTimings('summary', null, { firstResponse, nextReply, resolution });
  for (const row of report.byHour) {
    add('byHour', row.hour, 'started', row.started);
    addTimings('byHour', row.hour, pickTimings(row));
  }
  for (const row of report.byChannel) {
    add('byChannel', row.channel, 'started', row.started);
    addTimings('byChannel', row.channel, pickTimings(row));
  }
  for (const cell of report.heatmap) add('heatmap', cell.channel, `hour${cell.hour}`, cell.count);
  for (const row of report.outcomes) add('outcomes', null, row.outcome, row.count);
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const pickTimings = (row: Record<'firstResponse' | 'nextReply' | 'resolution', Timing>) => ({
  firstResponse: row.firstResponse,
  nextReply: row.nextReply,
  resolution: row.resolution,
});

/** RFC 4180 quoting; a leading =, +, - or @ is neutralized so a spreadsheet never runs it. */
function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
