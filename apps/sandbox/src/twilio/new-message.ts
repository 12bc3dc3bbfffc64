import type { StoredMessage } from '../store';
import { countSegments } from './segments';
import { defaultMessagingServiceSid, newSid } from './sids';

type Required = Pick<StoredMessage, 'accountSid' | 'direction' | 'from' | 'to' | 'body' | 'status'>;

/** A message as Twilio creates it: MM sids for media, the account's default service, dated now. */
export function newMessage(init: Required & Partial<StoredMessage>): StoredMessage {
  const now = new Date();
  const mediaUrls = init.mediaUrls ?? [];
  return {
    sid: newSid(mediaUrls.length > 0 ? 'MM' : 'SM'),
    mediaUrls,
    messagingServiceSid: defaultMessagingServiceSid(init.accountSid),
    viaMessagingService: false,
    numSegments: countSegments(init.body),
    errorCode: null,
    errorMessage: null,
    dateCreated: now,
    dateUpdated: now,
    dateSent: now,
    statusCallback: null,
    webhookStatus: null,
    contentSid: null,
    pendingErrorCode: null,
    mediaCopies: [],
    profileName: null,
    repliedMessageSid: null,
    ...init,
  };
}
