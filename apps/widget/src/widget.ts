import { ApiError, createApi, type ChatMessage, type VisitorConversation } from './api';
import { parseContact } from './contact';
import { pickStrings } from './i18n';
import { Outbox } from './outbox';
import { openVisitorSocket, type VisitorSocket } from './socket';
import { widgetStorage } from './storage';
import { createView, type PrechatAnswers, type ViewState } from './view';

const TYPING_EVERY_MS = 2000;
const QUEUE_REFRESH_MS = 15_000;

/**
 * The chat on a customer's website. Everything the visitor sees comes from the visitor API;
 * the socket only says when to fetch it again, so a missed hint or a reconnect costs one
 * refetch and never a message.
 */
export async function startWidget({ origin, inboxId }: { origin: string; inboxId: string }) {
  const t = pickStrings(navigator.languages?.length ? navigator.languages : [navigator.language]);
  const api = createApi(origin, inboxId);
  const storage = widgetStorage(inboxId);
  const config = await api.config();
  let profile = storage.profile();

  const state: ViewState = {
    open: profile.open === true,
    stage: profile.token ? 'chat' : 'prechat',
    name: profile.name ?? null,
    conversation: null,
    messages: [],
    pending: [],
    reconnecting: false,
    unread: 0,
    starting: false,
    formError: null,
  };

  const host = document.createElement('div');
  host.setAttribute('data-switchboard-widget', '');
  document.body.append(host);
  const view = createView(host, config, t, {
    toggle,
    start: (answers) => void start(answers),
    send,
    typing,
  });
  const pageTitle = document.title;

  const outbox = new Outbox(
    storage,
    async (message) => {
      if (!profile.token) throw new ApiError(401, 'no_visitor', 'No visitor yet.');
      await api.send(profile.token, message);
    },
    render,
  );

  function render() {
    state.pending = outbox.pending;
    if (state.open && !document.hidden) state.unread = 0;
    view.render(state);
    // The tab title tells a visitor reading another tab that someone answered.
    document.title = state.unread > 0 ? `(${state.unread}) ${pageTitle}` : pageTitle;
  }

  function saveProfile(changes: Partial<typeof profile>) {
    profile = { ...profile, ...changes };
    storage.saveProfile(profile);
  }

  function toggle() {
    state.open = !state.open;
    saveProfile({ open: state.open });
    render();
    if (state.open && state.stage === 'chat') view.focusComposer();
  }

  async function start(answers: PrechatAnswers) {
    const name = answers.name.trim();
    const contact = parseContact(answers.contact);
    state.formError = !name ? t.nameRequired : !contact ? t.contactInvalid : null;
    if (state.formError || !contact) return render();
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
        ...(answers.teamId ? { teamId: answers.teamId } : {}),
      });
      state.name = name;
      state.stage = 'chat';
      connect();
      view.focusComposer();
    } catch (error) {
      state.formError =
        error instanceof ApiError && error.status === 400 ? t.contactInvalid : t.startFailed;
    } finally {
      state.starting = false;
      render();
    }
  }

  function send(text: string) {
    const live = state.conversation && state.conversation.status !== 'closed';
    // The chosen subject picks the team of a new conversation only.
    outbox.add(text, state.messages, live ? undefined : profile.teamId);
  }

  let lastTyping = 0;
  function typing() {
    if (Date.now() - lastTyping < TYPING_EVERY_MS) return;
    lastTyping = Date.now();
    socket?.sendTyping();
  }

  // Fetches coalesce: a burst of hints costs at most one fetch in flight and one after it.
  let fetching: Promise<void> | null = null;
  let fetchAgain = false;
  let seen: Set<string> | null = null;
  let queueTimer: ReturnType<typeof setTimeout> | undefined;
  function refresh() {
    if (fetching) {
      fetchAgain = true;
      return;
    }
    fetching = load()
      .catch(() => {
        // Offline or the server is restarting: the next (re)connection fetches again.
      })
      .finally(() => {
        fetching = null;
        if (fetchAgain) {
          fetchAgain = false;
          refresh();
        }
      });
  }

  async function load() {
    const token = profile.token;
    if (!token) return;
    let view: VisitorConversation;
    try {
      view = await api.conversation(token);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) forgetVisitor();
      throw error;
    }
    countUnread(view.messages);
    state.conversation = view.conversation;
    // Others ahead in the queue being taken sends this visitor no hint: look again now and then.
    clearTimeout(queueTimer);
    if (view.conversation?.status === 'waiting') queueTimer = setTimeout(refresh, QUEUE_REFRESH_MS);
    state.messages = view.messages;
    outbox.reconcile(view.messages);
    render();
  }

  /** Agent messages that arrived while the chat was minimized or the tab hidden. */
  function countUnread(messages: ChatMessage[]) {
    const incoming = messages.filter((message) => message.direction === 'outbound');
    // What was there when the page loaded counts as read.
    if (seen && (!state.open || document.hidden))
      state.unread += incoming.filter((message) => !seen?.has(message.id)).length;
    seen = new Set(incoming.map((message) => message.id));
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
    render();
  }

  document.addEventListener('visibilitychange', render);
  render();
  connect();
  outbox.flushNow();
}
