export {
  startMailReaders,
  type MailReaderOptions,
  type MailReaders,
  type MailReaderStatus,
} from './mail-readers';
export type { MailReaderState } from './mail-reader';
