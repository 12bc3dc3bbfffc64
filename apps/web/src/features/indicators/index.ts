export { IndicatorsPage } from './components/indicators-page';
export { indicatorKeys } from './api/get-indicators';
export type { Indicators, IndicatorFilters } from './types';
