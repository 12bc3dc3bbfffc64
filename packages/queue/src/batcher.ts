/**
 * Gathers work that arrives while earlier work is being handled into batches: a lone item goes
 * through at once, and under load each batch takes everything that queued in the meantime, so
 * the batch size follows the load with no timer to wait on.
 */
export class Batcher<T, R> {
  private queued: Array<{
    item: T;
    resolve: (result: R) => void;
    reject: (error: unknown) => void;
  }> = [];
  private running = 0;

  constructor(
    /** Handles a batch; answers one result per item, in the items' order. */
    private readonly handle: (items: T[]) => Promise<R[]>,
    private readonly limits: { maxBatch: number; maxRunning: number },
  ) {}

  /** This item's result once its batch has been handled; rejected if the whole batch failed. */
  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queued.push({ item, resolve, reject });
      this.startBatches();
    });
  }

  private startBatches(): void {
    while (this.running < this.limits.maxRunning && this.queued.length > 0) {
      const batch = this.queued.splice(0, this.limits.maxBatch);
      this.running++;
      this.handle(batch.map((entry) => entry.item))
        .then(
          (results) => batch.forEach((entry, index) => entry.resolve(results[index] as R)),
          (error: unknown) => batch.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          this.running--;
          this.startBatches();
        });
    }
  }
}
