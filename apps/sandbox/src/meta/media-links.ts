import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SandboxClock } from '../clock';

/** Meta's media URLs work for five minutes; after that the app must ask for a new one. */
export const MEDIA_URL_LIFETIME_MS = 5 * 60 * 1000;

export type MediaLinkCheck = 'valid' | 'expired' | 'invalid';

/**
 * Download URLs for media objects, like the short-lived signed URLs Meta hands out: the expiry
 * is part of the URL and signed with a key only this sandbox instance knows, so nobody can
 * stretch it by editing the query.
 */
export class MediaLinks {
  private readonly key = randomBytes(32);

  constructor(private readonly clock: SandboxClock) {}

  private sign(mediaId: string, expires: string): string {
    return createHmac('sha256', this.key).update(`${mediaId}:${expires}`).digest('hex');
  }

  issue(origin: string, mediaId: string): string {
    const expires = String(Math.floor((this.clock.nowMs() + MEDIA_URL_LIFETIME_MS) / 1000));
    const query = new URLSearchParams({ expires, sig: this.sign(mediaId, expires) });
    return `${origin}/meta-media/${mediaId}?${query.toString()}`;
  }

  check(
    mediaId: string,
    expires: string | undefined,
    signature: string | undefined,
  ): MediaLinkCheck {
    if (!expires || !signature || !/^\d+$/.test(expires)) return 'invalid';
    const expected = Buffer.from(this.sign(mediaId, expires));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    return this.clock.nowMs() >= Number(expires) * 1000 ? 'expired' : 'valid';
  }
}
