/** Milliseconds, the unit every planned offset and time is in. */
export const SEC = 1000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
