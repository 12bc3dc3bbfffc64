import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api-client';
import { knownApiErrorMessage } from '@/lib/api-error-message';

/** Why the indicators could not be loaded, in words a supervisor can act on. */
export function describeIndicatorsError(t: TFunction, error: Error): string {
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.isNetworkError) return t('errors.network');
  if (error.code === 'invalid_period') return t('indicators.errors.invalidPeriod');
  if (error.status === 403) return t('indicators.errors.forbidden');
  return knownApiErrorMessage(t, error) ?? (error.message.trim() || t('errors.unexpected'));
}
