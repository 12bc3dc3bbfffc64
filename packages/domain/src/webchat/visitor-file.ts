/** What a web chat visitor may upload: the widget checks the same before sending. */
export const WEBCHAT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export const WEBCHAT_FILE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
] as const;

export const WEBCHAT_FILE_TOO_LARGE = 'Files are limited to 10 MB.';
export const WEBCHAT_FILE_TYPE_REFUSED =
  'Only images (JPG, PNG, GIF, WebP), PDF and text files can be sent.';

export interface VisitorFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

export type VisitorFileProblem =
  | { code: 'file_too_large'; message: string }
  | { code: 'file_type'; message: string }
  | { code: 'file_empty'; message: string };

type FileType = (typeof WEBCHAT_FILE_TYPES)[number];

const byExtension: Record<string, FileType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
};

/**
 * The file's type as we will store and serve it: the browser's word for it, or its extension
 * when the browser had none (some send `application/octet-stream` for CSV or WebP). Null when
 * it is not one we take.
 */
export function visitorFileType(file: { fileName: string; contentType: string }): FileType | null {
  const declared = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const normalized = declared === 'image/jpg' ? 'image/jpeg' : declared;
  if ((WEBCHAT_FILE_TYPES as readonly string[]).includes(normalized)) return normalized as FileType;
  if (normalized && normalized !== 'application/octet-stream') return null;
  const extension = /\.([a-z0-9]+)$/i.exec(file.fileName)?.[1]?.toLowerCase() ?? '';
  return byExtension[extension] ?? null;
}

const startsWith = (data: Buffer, bytes: number[], offset = 0) =>
  bytes.every((byte, index) => data[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * Whether the bytes are what the type says. The file is shown on the shop's page and to agents,
 * so something else dressed up as a picture or a text file is refused.
 */
function contentMatches(type: FileType, data: Buffer): boolean {
  switch (type) {
    case 'image/jpeg':
      return startsWith(data, [0xff, 0xd8, 0xff]);
    case 'image/png':
      return startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/gif':
      return startsWith(data, ascii('GIF87a')) || startsWith(data, ascii('GIF89a'));
    case 'image/webp':
      return startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8);
    case 'application/pdf':
      return startsWith(data, ascii('%PDF-'));
    case 'text/plain':
    case 'text/csv':
      // Text has no zero bytes; a program or an archive renamed to .txt has plenty.
      return !data.subarray(0, 64 * 1024).includes(0);
  }
}

/** What is wrong with a visitor's file, in words the widget shows as they are; null when fine. */
export function visitorFileProblem(file: VisitorFile): VisitorFileProblem | null {
  if (file.data.byteLength > WEBCHAT_MAX_FILE_BYTES)
    return { code: 'file_too_large', message: WEBCHAT_FILE_TOO_LARGE };
  if (file.data.byteLength === 0) return { code: 'file_empty', message: 'The file is empty.' };
  const type = visitorFileType(file);
  if (!type || !contentMatches(type, file.data))
    return { code: 'file_type', message: WEBCHAT_FILE_TYPE_REFUSED };
  return null;
}

/** A file name safe to store and offer for download: no folders, no control characters. */
export function visitorFileName(fileName: string, type: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(-200);
  const extension = Object.entries(byExtension).find(([, known]) => known === type)?.[0] ?? 'bin';
  return base || `file.${extension}`;
}
