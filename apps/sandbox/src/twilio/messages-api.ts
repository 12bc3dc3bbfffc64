import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import type { StoredMessage } from '../store';
import { authenticate } from './auth';
import { createOutboundMessage, type FormBody } from './create-message';
import { deliverOutbound } from './delivery';
import { twilioErrors } from './errors';
import { API_VERSION, toMessageResource } from './message-resource';

interface AccountParams {
  AccountSid: string;
}

type ListQuery = Partial<Record<string, string>>;

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

/** Day of a message's send date in UTC, as the DateSent filters compare it. */
const sentDay = (message: StoredMessage) =>
  (message.dateSent ?? message.dateCreated).toISOString().slice(0, 10);

function matchesListFilters(message: StoredMessage, query: ListQuery): boolean {
  if (query.To && message.to !== query.To) return false;
  if (query.From && message.from !== query.From) return false;
  const day = sentDay(message);
  if (query.DateSent && day !== query.DateSent) return false;
  // Twilio's DateSent< and DateSent> are inclusive: "on or before" / "on or after".
  if (query['DateSent<'] && day > query['DateSent<']) return false;
  if (query['DateSent>'] && day < query['DateSent>']) return false;
  return true;
}

function pageNumber(value: string | undefined, fallback: number, max: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed >= 0 ? Math.min(parsed, max) : fallback;
}

/** The 2010-04-01 Message endpoints the Twilio SDK calls: create, fetch and list. */
export function registerMessagesApi(app: FastifyInstance, context: SandboxContext): void {
  const { store, faults } = context;

  app.post<{ Params: AccountParams }>(
    `/${API_VERSION}/Accounts/:AccountSid/Messages.json`,
    (request, reply) => {
      const account = authenticate(store, request, request.params.AccountSid);
      // Armed faults stand in for Twilio refusing an otherwise good request (rate limits, outages).
      const fault = faults.take();
      if (fault) throw fault;
      const form = (
        typeof request.body === 'object' && request.body !== null ? request.body : {}
      ) as FormBody;
      const message = createOutboundMessage(context, account, form);
      store.addMessage(message);
      deliverOutbound(context, message.sid);
      if (faults.takeLostResponse()) {
        reply.hijack();
        request.raw.socket.destroy();
        return reply;
      }
      return reply.status(201).send(toMessageResource(message));
    },
  );

  app.get<{ Params: AccountParams & { Sid: string } }>(
    `/${API_VERSION}/Accounts/:AccountSid/Messages/:Sid.json`,
    (request) => {
      const { AccountSid, Sid } = request.params;
      authenticate(store, request, AccountSid);
      const message = store.message(Sid);
      if (message?.accountSid !== AccountSid) {
        throw twilioErrors.notFound(`/${API_VERSION}/Accounts/${AccountSid}/Messages/${Sid}.json`);
      }
      return toMessageResource(message);
    },
  );

  app.get<{ Params: AccountParams; Querystring: ListQuery }>(
    `/${API_VERSION}/Accounts/:AccountSid/Messages.json`,
    (request) => {
      const { AccountSid } = request.params;
      authenticate(store, request, AccountSid);
      const query = request.query;
      const pageSize = Math.max(1, pageNumber(query.PageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
      const page = pageNumber(query.Page, 0, Number.MAX_SAFE_INTEGER);
      // Twilio lists newest first.
      const matching = store
        .allMessages()
        .filter(
          (message) => message.accountSid === AccountSid && matchesListFilters(message, query),
        )
        .reverse();
      const start = page * pageSize;
      const messages = matching.slice(start, start + pageSize);
      const path = `/${API_VERSION}/Accounts/${AccountSid}/Messages.json`;
      const filters = ['To', 'From', 'DateSent', 'DateSent<', 'DateSent>'].flatMap((name) => {
        const value = query[name];
        return value ? [[name, value] as [string, string]] : [];
      });
      const pageUri = (n: number) =>
        `${path}?${new URLSearchParams([...filters, ['PageSize', String(pageSize)], ['Page', String(n)]]).toString()}`;
      return {
        messages: messages.map(toMessageResource),
        end: start + Math.max(messages.length - 1, 0),
        first_page_uri: pageUri(0),
        next_page_uri: start + pageSize < matching.length ? pageUri(page + 1) : null,
        page,
        page_size: pageSize,
        previous_page_uri: page > 0 ? pageUri(page - 1) : null,
        start,
        uri: pageUri(page),
      };
    },
  );
}
