import type { TFunction } from 'i18next';
import { isApiError } from './api-client';

/** Workflow refusals we explain in the user's language (docs/workflow-api.md). */
const KNOWN_CODES = [
  'at_capacity',
  'not_oldest',
  'not_waiting',
  'not_open',
  'already_closed',
  'already_needs_help',
  'not_needs_help',
  'not_snoozed',
  'already_yours',
  'invalid_snooze',
  'same_assignee',
  'unknown_tag',
  'tag_exists',
  'live_conversation_exists',
  'both_have_live_conversation',
  'already_merged',
  'saved_filter_exists',
] as const;

type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/**
 * The API answers with a code and an English message. The conversation references it names
 * (SB-XXXXX, the same in every language) are worth keeping; the rest we say ourselves.
 */
function detailOf(code: KnownCode, message: string): string | null {
  if (
    code === 'not_oldest' ||
    code === 'live_conversation_exists' ||
    code === 'both_have_live_conversation'
  ) {
    const references = message.match(/SB-[0-9A-Z]{5}/g);
    return references ? [...new Set(references)].join(', ') : null;
  }
  return null;
}

/**
 * A translated explanation of a refusal the API names by a code we know, or null (then the
 * caller keeps its usual wording).
 */
export function knownApiErrorMessage(t: TFunction, error: unknown): string | null {
  if (!isApiError(error) || !isKnownCode(error.code)) return null;
  const { code, message } = error;
  const detail = detailOf(code, message);
  if (detail) {
    switch (code) {
      case 'not_oldest':
      case 'live_conversation_exists':
      case 'both_have_live_conversation':
        return t(`errors.codeDetails.${code}`, { detail });
    }
  }
  return t(`errors.codes.${code}`);
}
