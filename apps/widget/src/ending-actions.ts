import { ApiError, type Api, type VisitorConversation } from './api';
import type { Strings } from './i18n';

/** What the visitor can do about their conversation's end: end it, rate it, get it by email. */
export function endingActions({
  api,
  token,
  show,
  refresh,
  t,
}: {
  api: Api;
  token: () => string | undefined;
  show: (current: VisitorConversation) => void;
  refresh: () => void;
  t: Strings;
}) {
  return {
    /** Resolves to whether the conversation is over. */
    async endChat(): Promise<boolean> {
      const visitor = token();
      if (!visitor) return false;
      try {
        show(await api.close(visitor));
        return true;
      } catch (error) {
        // Ended meanwhile (by the agent, say): the visitor wanted it ended, and it is.
        if (error instanceof ApiError && error.code === 'already_closed') {
          refresh();
          return true;
        }
        return false;
      }
    },

    /** Resolves to an error to show, or null once saved. */
    async rate(score: number, comment: string): Promise<string | null> {
      const visitor = token();
      if (!visitor) return t.rateFailed;
      try {
        show(await api.rate(visitor, { score, ...(comment ? { comment } : {}) }));
        return null;
      } catch {
        return t.rateFailed;
      }
    },

    /** Resolves to the address it went to; throws the error to show. */
    async transcript(email: string): Promise<string> {
      const visitor = token();
      try {
        if (!visitor) throw new Error('no visitor');
        return (await api.transcript(visitor, email)).to;
      } catch (error) {
        const limited = error instanceof ApiError && error.code === 'too_many_transcripts';
        throw new Error(limited ? t.transcriptLimit : t.transcriptFailed);
      }
    },
  };
}
