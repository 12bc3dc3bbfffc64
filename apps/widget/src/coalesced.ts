/**
 * A task that runs at most once at a time: calls while it runs fold into one more run after it,
 * so a burst of hints costs one fetch in flight and one behind it. Failures are left to the next
 * call (offline, or the server restarting: the next reconnection calls again).
 */
export function coalesced(task: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    task()
      .catch(() => {})
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return run;
}
