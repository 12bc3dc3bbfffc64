import type { Attachment } from 'mailparser';
import { storable } from './headers';
import type { StoredEmailAttachment } from './stored-email';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/calendar': 'ics',
  'text/csv': 'csv',
  'message/rfc822': 'eml',
};

/**
 * The files of a mail with their bytes, or the reason one was not kept. A file is inline when
 * the HTML shows it through `cid:`; Apple Mail marks ordinary attachments inline as well.
 */
export function storedAttachments(
  attachments: Attachment[],
  html: string | null,
  maxBytes: number,
): StoredEmailAttachment[] {
  return attachments.map((attachment, index) => {
    // mailparser reports `false` for a part whose Content-Type header is empty.
    const declared = attachment.contentType as string | false | undefined;
    const contentType = (declared || 'application/octet-stream').toLowerCase();
    const fileName = storable(attachment.filename?.trim() || defaultName(contentType, index));
    const size = attachment.content.length;
    if (size > maxBytes) {
      return {
        fileName,
        contentType,
        size,
        refused: `Not kept: the file is ${formatBytes(size)} and this inbox accepts files up to ${formatBytes(maxBytes)}.`,
      };
    }
    const contentId = attachment.cid?.trim() || undefined;
    return {
      fileName,
      contentType,
      size,
      ...(contentId ? { contentId } : {}),
      inline: Boolean(contentId && html?.includes(`cid:${contentId}`)),
      dataBase64: attachment.content.toString('base64'),
    };
  });
}

function defaultName(contentType: string, index: number): string {
  const extension = EXTENSIONS[contentType];
  const stem = contentType === 'message/rfc822' ? 'forwarded-message' : `attachment-${index + 1}`;
  return extension ? `${stem}.${extension}` : stem;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${rounded} ${units[unit]}`;
}
