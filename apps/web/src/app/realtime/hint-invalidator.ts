import type { QueryClient } from '@tanstack/react-query';
import { authKeys } from '@/features/auth';
import { invalidateConversationQueries } from '@/features/conversations';
import { createMonitorRefresher } from '@/features/monitor';
import { notificationKeys } from '@/features/notifications';
import { agentKeys } from '@/features/presence';
import { publishHint } from '@/lib/hint-bus';
import type { RealtimeHint } from '@/lib/realtime';

// A burst of hints (a bulk import, a busy minute) becomes one refetch per query, not one each.
const FLUSH_DELAY_MS = 150;

/** Collects hints for a moment, then refreshes the queries they point at. */
export function createHintInvalidator(queryClient: QueryClient) {
  const pending = new Set<string>();
  let timer: number | undefined;
  // The agent monitor sums up every conversation and person: refreshed at most once a second.
  const monitor = createMonitorRefresher(queryClient);

  const flush = () => {
    timer = undefined;
    const ids = [...pending];
    pending.clear();
    void invalidateConversationQueries(queryClient, ids);
  };

  return {
    push(hint: RealtimeHint) {
      // Desktop alerts and sounds listen too (features/notifications).
      publishHint(hint);
      if (hint.type === 'notification.created') {
        void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
        return;
      }
      if (hint.type === 'agent.updated') {
        monitor.request();
        void queryClient.invalidateQueries({ queryKey: agentKeys.all });
        void queryClient.invalidateQueries({ queryKey: authKeys.me() });
        return;
      }
      // A visitor typing changes nothing stored; it is not a reason to refetch.
      if (hint.type === 'visitor.typing') return;
      if (hint.type === 'hello' || !('conversationId' in hint) || !hint.conversationId) return;
      monitor.request();
      pending.add(hint.conversationId);
      timer ??= window.setTimeout(flush, FLUSH_DELAY_MS);
    },
    dispose() {
      window.clearTimeout(timer);
      monitor.dispose();
      pending.clear();
    },
  };
}
