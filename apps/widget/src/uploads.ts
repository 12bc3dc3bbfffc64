import { ApiError, apiError, type ChatMessage, type OutgoingFile } from './api';
import { format, type Strings } from './i18n';
import { uuid } from './page';

/** The API's limits (POST /messages/file), checked here first so nobody waits for a refusal. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const TYPES_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
};
const ALLOWED = new Set(Object.values(TYPES_BY_EXTENSION));

/**
 * The type to send a file as, or null when the API would refuse it. Browsers leave `type`
 * empty, or say `application/vnd.ms-excel` for a CSV on Windows: the extension decides then.
 */
export function allowedType(file: File): string | null {
  if (ALLOWED.has(file.type)) return file.type;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[extension] ?? null;
}

export interface Upload {
  clientMessageId: string;
  fileName: string;
  /** A local preview of an image while it uploads. */
  previewUrl: string | null;
  /** 0 to 1. */
  progress: number;
  state: 'uploading' | 'sent' | 'failed';
  error: string | null;
  file: File;
  teamId?: string;
  pageUrl?: string;
}

/**
 * Files the visitor sent that the conversation does not list yet. They live in memory only:
 * a browser cannot keep a picked file across a reload, so a failed one waits for "Try again".
 */
export class Uploads {
  private uploads: Upload[] = [];

  constructor(
    private readonly endpoint: string,
    private readonly token: () => string | undefined,
    private readonly t: Pick<Strings, 'uploadFailed' | 'fileTooLarge' | 'fileType'>,
    private readonly onChange: () => void,
  ) {}

  get pending(): readonly Upload[] {
    return this.uploads;
  }

  add(file: File, type: string, extra: Pick<Upload, 'teamId' | 'pageUrl'>): void {
    // The part's type is what the API checks: send the one decided here.
    const typed = file.type === type ? file : new File([file], file.name, { type });
    const upload: Upload = {
      clientMessageId: uuid(),
      fileName: file.name,
      previewUrl: type.startsWith('image/') ? URL.createObjectURL(typed) : null,
      progress: 0,
      state: 'uploading',
      error: null,
      file: typed,
      ...extra,
    };
    this.uploads.push(upload);
    this.start(upload);
  }

  retry(clientMessageId: string): void {
    const upload = this.uploads.find((candidate) => candidate.clientMessageId === clientMessageId);
    if (upload?.state === 'failed') this.start(upload);
  }

  /** Forgets the files the conversation now lists. */
  reconcile(listed: readonly ChatMessage[]): void {
    const ids = new Set(listed.map((message) => message.clientMessageId));
    const remaining = this.uploads.filter((upload) => !ids.has(upload.clientMessageId));
    if (remaining.length === this.uploads.length) return;
    for (const upload of this.uploads)
      if (ids.has(upload.clientMessageId) && upload.previewUrl)
        URL.revokeObjectURL(upload.previewUrl);
    this.uploads = remaining;
    this.onChange();
  }

  private start(upload: Upload) {
    upload.state = 'uploading';
    upload.progress = 0;
    upload.error = null;
    this.onChange();
    const token = this.token();
    const sent = token
      ? sendFile(this.endpoint, token, upload, (fraction) => {
          upload.progress = fraction;
          this.onChange();
        })
      : Promise.reject(new TypeError('no visitor yet'));
    sent.then(
      () => {
        upload.state = 'sent';
        upload.progress = 1;
        this.onChange();
      },
      (error: unknown) => {
        upload.state = 'failed';
        upload.error = this.refusal(error, upload.fileName);
        this.onChange();
      },
    );
  }

  /**
   * Why the file did not go, in the visitor's language for the refusals they can act on (the
   * API's own message is English); a dropped connection says nothing useful.
   */
  private refusal(error: unknown, name: string): string {
    if (!(error instanceof ApiError) || error.retryable) return this.t.uploadFailed;
    // 413 also comes from a proxy in front of the API, without our error code.
    if (error.code === 'file_too_large' || error.status === 413)
      return format(this.t.fileTooLarge, { name });
    if (error.code === 'file_type' || error.status === 415)
      return format(this.t.fileType, { name });
    return error.message;
  }
}

/** XHR rather than fetch: only XHR reports upload progress. */
function sendFile(
  endpoint: string,
  token: string,
  input: OutgoingFile,
  onProgress: (fraction: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    // Fields first: the API reads them before it streams the file.
    form.append('clientMessageId', input.clientMessageId);
    if (input.teamId) form.append('teamId', input.teamId);
    if (input.pageUrl) form.append('pageUrl', input.pageUrl);
    form.append('file', input.file, input.file.name);
    const request = new XMLHttpRequest();
    request.open('POST', endpoint);
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () =>
      request.status >= 200 && request.status < 300
        ? resolve()
        : reject(apiError(request.status, request.responseText));
    request.onerror = () => reject(new TypeError('network'));
    request.send(form);
  });
}
