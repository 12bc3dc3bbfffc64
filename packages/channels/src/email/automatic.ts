import type { HeaderLines } from 'mailparser';
import { rawHeaderValues } from './headers';

const BULK_PRECEDENCE = new Set(['bulk', 'list', 'junk']);

/**
 * Mail a machine sent: auto-replies, mailing lists, newsletters and bounces. Answering one
 * automatically is how two robots end up mailing each other forever (RFC 3834), so these
 * signals are read generously.
 */
export function isAutomaticMail(lines: HeaderLines, envelopeFrom?: string): boolean {
  const values = (name: string) => rawHeaderValues(lines, name);
  const autoSubmitted = values('auto-submitted').some((value) => {
    const keyword = value.split(/[;(]/)[0]!.trim().toLowerCase();
    return keyword !== '' && keyword !== 'no';
  });
  // The null sender (`<>`) is what bounces and RFC 3834 auto-replies must use.
  const nullSender =
    envelopeFrom === '' ||
    values('return-path').some((value) => value.replace(/[<>\s]/g, '') === '');
  const listMail = lines.some((line) => line.key.startsWith('list-'));
  const bulk = values('precedence').some((value) => BULK_PRECEDENCE.has(value.toLowerCase()));
  // Older Exchange and many helpdesk tools mark their auto-replies only this way.
  const markedAutoReply = values('x-autoreply').length > 0 || values('x-autorespond').length > 0;
  return autoSubmitted || nullSender || listMail || bulk || markedAutoReply;
}
