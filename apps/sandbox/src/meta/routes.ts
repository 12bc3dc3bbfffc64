/**
 * Graph paths start with the API version (`/v23.0/…`). Matching it by pattern keeps Meta's
 * routes apart from Twilio's (`/2010-04-01/…`, `/v1/Content…`) and the sandbox's own.
 */
export const GRAPH_VERSION = '/:version(^v\\d+\\.\\d+$)';

export const isGraphPath = (url: string) => /^\/v\d+\.\d+\//.test(url);
