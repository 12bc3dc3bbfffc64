import { fbtraceId } from './ids';

/** The Graph API error body, as every Meta endpoint answers it. */
export interface MetaErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    fbtrace_id: string;
  };
}

interface MetaErrorExtras {
  type?: string;
  subcode?: number;
  details?: string;
}

/** A request Meta would refuse; the error handler renders it as Meta's error body. */
export class MetaApiError extends Error {
  override name = 'MetaApiError';

  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly extras: MetaErrorExtras = {},
  ) {
    super(message);
  }

  toBody(): MetaErrorBody {
    return {
      error: {
        message: this.message,
        type: this.extras.type ?? 'OAuthException',
        code: this.code,
        ...(this.extras.subcode === undefined ? {} : { error_subcode: this.extras.subcode }),
        ...(this.extras.details === undefined
          ? {}
          : {
              error_data: { messaging_product: 'whatsapp' as const, details: this.extras.details },
            }),
        fbtrace_id: fbtraceId(),
      },
    };
  }
}

/** Meta's titles for the codes the sandbox raises or is asked to fake; Graph puts them in `message`. */
const knownTitles: Record<number, string> = {
  1: 'An unknown error occurred',
  2: 'Service temporarily unavailable',
  4: '(#4) Application request limit reached',
  80007: '(#80007) There have been too many calls to this WhatsApp Business account.',
  130429: '(#130429) Rate limit hit',
  131000: '(#131000) Something went wrong',
  131005: '(#131005) Access denied',
  131008: '(#131008) Required parameter is missing',
  131009: '(#131009) Parameter value is not valid',
  131016: '(#131016) Service unavailable',
  131026: '(#131026) Message undeliverable',
  131031: '(#131031) Account has been locked',
  131042: '(#131042) Business eligibility payment issue',
  131048: '(#131048) Spam rate limit hit',
  131056: '(#131056) (Business Account, Consumer Account) pair rate limit hit',
  132000: '(#132000) Number of parameters does not match the expected number of params',
  132001: '(#132001) Template name does not exist in the translation',
  133010: '(#133010) Account not registered',
};

export function metaErrorTitle(code: number): string {
  return knownTitles[code] ?? `(#${code}) Error ${code}`;
}

const unsupportedRequestMessage = (method: string, id: string) =>
  `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`;

export const metaErrors = {
  missingToken: () =>
    new MetaApiError(400, 104, 'An access token is required to request this resource.'),
  invalidToken: () =>
    new MetaApiError(401, 190, 'Invalid OAuth access token - Cannot parse access token'),
  /** Graph's answer for an id it does not know or the token may not see. */
  unsupportedRequest: (method: string, id: string) =>
    new MetaApiError(400, 100, unsupportedRequestMessage(method, id), {
      type: 'GraphMethodException',
      subcode: 33,
    }),
  unknownPath: (path: string) => new MetaApiError(400, 2500, `Unknown path components: ${path}`),
  requiredParameter: (name: string) =>
    new MetaApiError(400, 100, `(#100) The parameter ${name} is required.`),
  invalidParameter: (details: string) =>
    new MetaApiError(400, 100, '(#100) Invalid parameter', { details }),
  templateNotFound: (name: string, language: string) =>
    new MetaApiError(404, 132001, metaErrorTitle(132001), {
      details: `template name (${name}) does not exist in ${language}`,
    }),
  templateParameterCount: (component: string, given: number, expected: number) =>
    new MetaApiError(400, 132000, metaErrorTitle(132000), {
      details: `${component}: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
    }),
};
