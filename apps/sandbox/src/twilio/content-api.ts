import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import type { TwilioAccount } from '../options';
import { authenticate } from './auth';
import type { StoredContent } from './content-store';
import { twilioErrors } from './errors';

/** The Content API lives on its own host; Switchboard rebases every *.twilio.com origin. */
const CONTENT_ORIGIN = 'https://content.twilio.com';
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

/** Content API dates are ISO 8601 without milliseconds. */
const isoDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Basic auth with the account SID and its token: the Content API serves whoever signs in. */
function authenticateAccount(context: SandboxContext, request: FastifyRequest): TwilioAccount {
  const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  return authenticate(context.store, request, decoded.split(':')[0] ?? '');
}

const contentUrl = (sid: string) => `${CONTENT_ORIGIN}/v1/Content/${sid}`;

function approvalOf(content: StoredContent) {
  return {
    type: 'whatsapp',
    name: content.whatsapp.name,
    category: content.whatsapp.category,
    content_type: 'twilio/text',
    status: content.whatsapp.status,
    rejection_reason: '',
    allow_category_change: true,
  };
}

function contentResource(content: StoredContent) {
  return {
    date_created: isoDate(content.dateCreated),
    date_updated: isoDate(content.dateUpdated),
    sid: content.sid,
    account_sid: content.accountSid,
    friendly_name: content.friendlyName,
    language: content.language,
    variables: content.variables,
    types: { 'twilio/text': { body: content.body } },
    url: contentUrl(content.sid),
    links: {
      approval_create: `${contentUrl(content.sid)}/ApprovalRequests/whatsapp`,
      approval_fetch: `${contentUrl(content.sid)}/ApprovalRequests`,
    },
  };
}

function contentAndApprovals(content: StoredContent) {
  return {
    date_created: isoDate(content.dateCreated),
    date_updated: isoDate(content.dateUpdated),
    sid: content.sid,
    account_sid: content.accountSid,
    friendly_name: content.friendlyName,
    language: content.language,
    variables: content.variables,
    types: { 'twilio/text': { body: content.body } },
    approval_requests: { whatsapp: approvalOf(content) },
  };
}

function pageParam(value: string | undefined, fallback: number, max: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed >= 0 ? Math.min(parsed, max) : fallback;
}

/** Twilio's v1 list envelope: the items under `key`, with absolute page URLs in `meta`. */
function listPage<T>(
  path: string,
  key: string,
  items: T[],
  query: Partial<Record<string, string>>,
) {
  const pageSize = Math.max(1, pageParam(query.PageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
  const page = pageParam(query.Page, 0, Number.MAX_SAFE_INTEGER);
  const start = page * pageSize;
  const pageUrl = (n: number) =>
    `${CONTENT_ORIGIN}${path}?${new URLSearchParams({ PageSize: String(pageSize), Page: String(n) }).toString()}`;
  return {
    [key]: items.slice(start, start + pageSize),
    meta: {
      page,
      page_size: pageSize,
      first_page_url: pageUrl(0),
      previous_page_url: page > 0 ? pageUrl(page - 1) : null,
      url: pageUrl(page),
      next_page_url: start + pageSize < items.length ? pageUrl(page + 1) : null,
      key,
    },
  };
}

/** The Content API's read side: templates and their WhatsApp approval, per account. */
export function registerContentApi(app: FastifyInstance, context: SandboxContext): void {
  const { content } = context;
  type ListQuery = { Querystring: Partial<Record<string, string>> };

  app.get<ListQuery>('/v1/ContentAndApprovals', (request) => {
    const account = authenticateAccount(context, request);
    const items = content.contentsOf(account.accountSid).map(contentAndApprovals);
    return listPage('/v1/ContentAndApprovals', 'contents', items, request.query);
  });

  app.get<ListQuery>('/v1/Content', (request) => {
    const account = authenticateAccount(context, request);
    const items = content.contentsOf(account.accountSid).map(contentResource);
    return listPage('/v1/Content', 'contents', items, request.query);
  });

  const contentFor = (request: FastifyRequest, sid: string) => {
    const account = authenticateAccount(context, request);
    const found = content.content(account.accountSid, sid);
    if (!found) throw twilioErrors.notFound(`/v1/Content/${sid}`);
    return found;
  };

  app.get<{ Params: { sid: string } }>('/v1/Content/:sid', (request) =>
    contentResource(contentFor(request, request.params.sid)),
  );

  app.get<{ Params: { sid: string } }>('/v1/Content/:sid/ApprovalRequests', (request) => {
    const found = contentFor(request, request.params.sid);
    return {
      sid: found.sid,
      account_sid: found.accountSid,
      whatsapp: approvalOf(found),
      url: `${contentUrl(found.sid)}/ApprovalRequests`,
    };
  });
}
