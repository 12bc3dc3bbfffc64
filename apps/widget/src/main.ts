import { takeResumeToken } from './page';
import { startWidget } from './widget';

/**
 * Embedding: <script src="https://switchboard.example/widget.js" data-inbox="<inboxId>" async>.
 * The API is wherever this script came from. `document.currentScript` is only set while the
 * script first runs, so it is read right away.
 */
const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[data-inbox][src*="widget.js"]');
const marker = '__switchboardWidget';
const page = window as unknown as Record<string, unknown>;

if (script?.dataset.inbox && !page[marker]) {
  page[marker] = true;
  const inboxId = script.dataset.inbox;
  const options = {
    origin: new URL(script.src).origin,
    inboxId,
    // Out of the address bar before anything else runs: a link's token must not linger there
    // while the page or the chat loads.
    resumeToken: takeResumeToken(inboxId),
    // A page that exists only for the chat (the hosted chat page) shows it open.
    openOnLoad: script.dataset.open === 'true',
  };
  const boot = () =>
    startWidget(options).catch((error: unknown) => {
      // The shop's page must never break because its chat could not start.
      console.warn('Switchboard chat could not start:', error);
    });
  if (document.body) void boot();
  else document.addEventListener('DOMContentLoaded', () => void boot(), { once: true });
}
