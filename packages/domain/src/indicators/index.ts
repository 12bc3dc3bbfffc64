export { getIndicators, type IndicatorsInput } from './get-indicators';
export { indicatorsCsv } from './csv';
export { refreshAllStaleHours, refreshStaleHours } from './rollup';
export type { IndicatorsReport } from './summarize';
