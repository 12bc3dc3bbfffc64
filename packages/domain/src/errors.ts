export type ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'invalid_credentials'
  | (string & {});

/** Errors the domain throws on purpose; the API maps each kind to one HTTP status. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly kind: 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'invalid' | 'too_many',
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const NotFound = (what: string) =>
  new DomainError('not_found', 'not_found', `${what} not found.`);
export const Forbidden = (message = 'You may not do that.', code: ErrorCode = 'forbidden') =>
  new DomainError('forbidden', code, message);
export const Conflict = (code: ErrorCode, message: string) =>
  new DomainError('conflict', code, message);
export const Invalid = (code: ErrorCode, message: string) =>
  new DomainError('invalid', code, message);
/** A limit on how often someone may do something was reached; it passes with time. */
export const TooMany = (code: ErrorCode, message: string) =>
  new DomainError('too_many', code, message);
export const Unauthorized = (code: ErrorCode = 'unauthorized', message = 'Sign in to continue.') =>
  new DomainError('unauthorized', code, message);

/** A transient condition (e.g. a status callback that overtook its send); the job retries later. */
export class RetryLater extends Error {
  override name = 'RetryLater';
}
