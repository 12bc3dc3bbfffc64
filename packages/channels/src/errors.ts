/** A provider refused or failed a send. `retryable` tells the queue whether to try again. */
export class ChannelError extends Error {
  override name = 'ChannelError';
  constructor(
    message: string,
    readonly options: {
      retryable: boolean;
      code: string;
      httpStatus?: number;
      retryAfterMs?: number;
    },
  ) {
    super(message);
  }
  get retryable(): boolean {
    return this.options.retryable;
  }
  get code(): string {
    return this.options.code;
  }
}
