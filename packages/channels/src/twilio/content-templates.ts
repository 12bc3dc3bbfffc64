import type twilio from 'twilio';
import type { ProviderTemplate } from '../types';
import { countPlaceholders } from '../whatsapp-cloud/placeholders';

type ContentAndApprovals = Awaited<
  ReturnType<twilio.Twilio['content']['v1']['contentAndApprovals']['list']>
>[number];

/** The account's Content templates with their WhatsApp approval, from Twilio's Content API. */
export async function listTwilioTemplates(client: twilio.Twilio): Promise<ProviderTemplate[]> {
  const contents = await client.content.v1.contentAndApprovals.list({ pageSize: 100, limit: 1000 });
  return contents.map(toProviderTemplate);
}

function toProviderTemplate(content: ContentAndApprovals): ProviderTemplate {
  const approvals = (content.approvalRequests ?? {}) as Record<string, unknown>;
  // Twilio documents the WhatsApp approval both flat and under a `whatsapp` key.
  const whatsapp = (
    typeof approvals.whatsapp === 'object' && approvals.whatsapp !== null
      ? approvals.whatsapp
      : approvals
  ) as Record<string, unknown>;
  const body = bodyOf(content.types ?? {});
  return {
    name: content.friendlyName,
    language: content.language ?? '',
    // Upper case, as Meta writes them: APPROVED, PENDING, REJECTED, UTILITY, MARKETING…
    category: text(whatsapp.category).toUpperCase(),
    status: (text(whatsapp.status) || 'unsubmitted').toUpperCase(),
    body,
    parameterCount: countPlaceholders(body),
    externalId: content.sid,
  };
}

/** The plain-text body, else the first content type that has one (card, quick reply…). */
function bodyOf(types: Record<string, object>): string {
  const candidates = [types['twilio/text'], ...Object.values(types)];
  for (const candidate of candidates) {
    const body = (candidate as { body?: unknown } | undefined)?.body;
    if (typeof body === 'string') return body;
  }
  return '';
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
