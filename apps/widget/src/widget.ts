import { ApiError, createApi, type VisitorConversation } from './api';
import { Attention } from './attention';
import { coalesced } from './coalesced';
import { endingActions } from './ending-actions';
import { format, pickStrings } from './i18n';
import { Outbox } from './outbox';
import { currentPageUrl, takeResumeToken } from './page';
import { openVisitorSocket, type VisitorSocket } from './socket';
import { unlockSound } from './sound';
import { widgetStorage } from './storage';
import { allowedType, MAX_FILE_BYTES, Uploads } from './uploads';
import { createView, type PrechatAnswers, type ViewState } from './view';
import { checkAnswers } from './view-prechat';

const TYPING_EVERY_MS = 2000;
/** An agent's typing hint comes at most every 2 s while they type: silence this long means stopped. */
const AGENT_TYPING_SHOWN_MS = 5000;
const QUEUE_REFRESH_MS = 15_000;
const FILE_ERROR_SHOWN_MS = 15_000;

/**
 * The chat on a customer's website. Everything the visitor sees comes from the visitor API;
 * the socket only says when to fetch it again, so a missed hint or a reconnect costs one
 * refetch and never a message.
 */
export async function startWidget({
  origin,
  inboxId,
  resumeToken = null,
  openOnLoad = false,
}: {
  origin: string;
  inboxId: string;
  /** From a follow-up link, already taken out of the address bar. */
  resumeToken?: string | null;
  openOnLoad?: boolean;
}) {
  const t = pickStrings(navigator.languages?.length ? navigator.languages : [navigator.language]);
  const api = createApi(origin, inboxId);
  const storage = widgetStorage(inboxId);
  // Exchanged while the config loads, so the link's conversation shows without a second wait.
  const resuming = resumeToken ? exchangeResume(resumeToken) : null;
  const config = await api.config();
  const resumed = await resuming;
  let profile = storage.profile();
  /** The link's visitor token, while the visitor chooses between it and this browser's chat. */
  let offeredToken: string | null = null;

  const state: ViewState = {
    open: openOnLoad || profile.open === true,
    stage: profile.token ? 'chat' : 'prechat',
    config,
    name: profile.name ?? null,
    contact: profile.contact ?? null,
    conversation: null,
    messages: [],
    joins: [],
    pending: [],
    uploads: [],
    reconnecting: false,
    unread: 0,
    starting: false,
    formError: null,
    fileError: null,
    agentTyping: null,
    resumeNotice: null,
    resumeChoice: false,
  };

  // Fetches coalesce: a burst of hints costs at most one fetch in flight and one after it.
  const refresh = coalesced(load);
  let queueTimer: ReturnType<typeof setTimeout> | undefined;

  const host = document.createElement('div');
  host.setAttribute('data-switchboard-widget', '');
  document.body.append(host);
  const view = createView(host, config, t, {
    toggle,
    start: (answers) => void start(answers),
    send,
    typing,
    attach,
    retryUpload: (id) => uploads.retry(id),
    resumeContinue: () => {
      if (offeredToken) chatAs(offeredToken);
    },
    resumeStay: () => {
      offeredToken = null;
      state.resumeChoice = false;
      render();
    },
    ...endingActions({ api, token: () => profile.token, show, refresh, t }),
  });
  const attention = new Attention();

  const outbox = new Outbox(
    storage,
    async (message) => {
      if (!profile.token) throw new ApiError(401, 'no_visitor', 'No visitor yet.');
      await api.send(profile.token, message);
    },
    render,
  );
  const uploads = new Uploads(`${api.base}/messages/file`, () => profile.token, t, render);

  function render() {
    state.pending = outbox.pending;
    state.uploads = uploads.pending;
    state.unread = attention.unread(state.open);
    view.render(state);
  }

  function saveProfile(changes: Partial<typeof profile>) {
    profile = { ...profile, ...changes };
    storage.saveProfile(profile);
  }

  function toggle() {
    unlockSound();
    state.open = !state.open;
    // Read once, it has done its job.
    if (!state.open) state.resumeNotice = null;
    saveProfile({ open: state.open });
    render();
    if (state.open && state.stage === 'chat') view.focusComposer();
    // Who is online may have changed since the page loaded: it decides the form shown.
    if (state.open && state.stage === 'prechat')
      void api.config().then(
        (fresh) => {
          state.config = fresh;
          render();
        },
        () => {},
      );
  }

  async function start(answers: PrechatAnswers) {
    const checked = checkAnswers(answers, t);
    state.formError = 'error' in checked ? checked.error : null;
    if ('error' in checked) return render();
    const { name, contact, message } = checked;
    state.resumeNotice = null;
    state.starting = true;
    render();
    try {
      const visitor = await api.startVisitor({
        name,
        ...contact,
        ...(profile.token ? { token: profile.token } : {}),
      });
      saveProfile({
        token: visitor.token,
        name,
        contact: answers.contact.trim(),
        teamId: answers.teamId ?? undefined,
      });
      state.name = name;
      state.contact = profile.contact ?? null;
      state.stage = 'chat';
      connect();
      // Nobody online: the message goes in now, flagged so the team sees it came in offline.
      if (message)
        outbox.add(message, {
          teamId: answers.teamId ?? undefined,
          pageUrl: currentPageUrl(),
          offline: true,
        });
      view.focusComposer();
    } catch (error) {
      state.formError =
        error instanceof ApiError && error.status === 400 ? t.contactInvalid : t.startFailed;
    } finally {
      state.starting = false;
      render();
    }
  }

  /** The chosen subject picks the team of a new conversation only. */
  const newConversationTeam = () =>
    state.conversation && state.conversation.status !== 'closed' ? undefined : profile.teamId;

  function send(text: string) {
    state.fileError = null;
    state.resumeNotice = null;
    outbox.add(text, { teamId: newConversationTeam(), pageUrl: currentPageUrl() });
  }

  let fileErrorTimer: ReturnType<typeof setTimeout> | undefined;
  function attach(file: File) {
    const type = allowedType(file);
    state.fileError =
      file.size > MAX_FILE_BYTES
        ? format(t.fileTooLarge, { name: file.name })
        : !type
          ? format(t.fileType, { name: file.name })
          : null;
    if (type && !state.fileError)
      uploads.add(file, type, { teamId: newConversationTeam(), pageUrl: currentPageUrl() });
    // Read once, it has done its job: it should not linger over the rest of the chat.
    clearTimeout(fileErrorTimer);
    if (state.fileError)
      fileErrorTimer = setTimeout(() => {
        state.fileError = null;
        render();
      }, FILE_ERROR_SHOWN_MS);
    render();
  }

  let lastTyping = 0;
  function typing() {
    if (Date.now() - lastTyping < TYPING_EVERY_MS) return;
    lastTyping = Date.now();
    socket?.sendTyping();
  }

  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  function agentTyping(name: string | null) {
    clearTimeout(typingTimer);
    state.agentTyping = name;
    if (name) typingTimer = setTimeout(() => agentTyping(null), AGENT_TYPING_SHOWN_MS);
    render();
  }

  async function load() {
    const token = profile.token;
    if (!token) return;
    try {
      show(await api.conversation(token));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) forgetVisitor();
      throw error;
    }
  }

  function show(current: VisitorConversation) {
    // The agent's message arrived: they stopped typing.
    if (attention.arrived(current.messages, state.open)) agentTyping(null);
    state.conversation = current.conversation;
    // Others ahead in the queue being taken sends this visitor no hint: look again now and then.
    clearTimeout(queueTimer);
    if (current.conversation?.status === 'waiting')
      queueTimer = setTimeout(refresh, QUEUE_REFRESH_MS);
    state.messages = current.messages;
    state.joins = current.joins;
    outbox.reconcile(current.messages);
    uploads.reconcile(current.messages);
    render();
  }

  let socket: VisitorSocket | null = null;
  function connect() {
    socket?.stop();
    if (!profile.token) return;
    socket = openVisitorSocket(api.socketUrl(profile.token), {
      onConnection(connected) {
        state.reconnecting = !connected;
        render();
      },
      onChange: refresh,
      onAgentTyping: agentTyping,
      onRejected: forgetVisitor,
    });
  }

  /** The token no longer works (another deployment's key, a deleted inbox): ask again. */
  function forgetVisitor() {
    socket?.stop();
    socket = null;
    saveProfile({ token: undefined });
    state.stage = 'prechat';
    state.reconnecting = false;
    state.conversation = null;
    state.messages = [];
    state.joins = [];
    render();
  }

  /** The visitor token a follow-up link stands for, or why the visitor cannot have it. */
  async function exchangeResume(token: string): Promise<{ token: string } | { notice: string }> {
    try {
      return { token: (await api.resume(token)).token };
    } catch (error) {
      // Refused (expired, or for a conversation that is no longer theirs) or unreachable.
      const refused = error instanceof ApiError && !error.retryable;
      return { notice: refused ? t.resumeExpired : t.resumeFailed };
    }
  }

  /** A follow-up link was opened: its conversation, a choice, or a notice, in the open panel. */
  function applyResume(outcome: { token: string } | { notice: string }) {
    state.open = true;
    saveProfile({ open: true });
    offeredToken = null;
    state.resumeChoice = false;
    state.resumeNotice = 'notice' in outcome ? outcome.notice : null;
    if ('notice' in outcome) return render();
    // Another visitor's chat on this browser (a shared computer, a forwarded mail): never
    // replaced without asking.
    if (profile.token && profile.token !== outcome.token) {
      offeredToken = outcome.token;
      state.resumeChoice = true;
      return render();
    }
    chatAs(outcome.token);
  }

  function chatAs(token: string) {
    offeredToken = null;
    state.resumeChoice = false;
    state.stage = 'chat';
    if (token === profile.token && socket) {
      render();
      refresh();
      return;
    }
    if (token !== profile.token) {
      // What this browser knew was about the other visitor.
      saveProfile({ token, name: undefined, contact: undefined, teamId: undefined });
      state.name = null;
      state.contact = null;
      state.conversation = null;
      state.messages = [];
      state.joins = [];
    }
    connect();
    render();
  }

  /** A follow-up link opened in a tab that already shows this page. */
  window.addEventListener('hashchange', () => {
    const token = takeResumeToken(inboxId);
    if (token) void exchangeResume(token).then(applyResume);
  });
  document.addEventListener('visibilitychange', render);
  // Browsers allow sound only after the visitor interacted with the page.
  document.addEventListener('pointerdown', unlockSound, { capture: true, once: true });
  document.addEventListener('keydown', unlockSound, { capture: true, once: true });
  if (resumed) applyResume(resumed);
  render();
  if (!socket) connect();
  outbox.flushNow();
}
