export { buildApp } from './app';
export type { ApiDeps } from './deps';
export { createApiDeps, closeApiDeps } from './create-deps';
export { startMailListener, type MailListener } from './mail/mail-listener';
