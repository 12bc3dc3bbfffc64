import { performance } from 'node:perf_hooks';

/** A signed-in user of the api: the session cookie from POST /auth/login. */
export interface Session {
  email: string;
  cookie: string;
}

export async function signIn(baseUrl: string, email: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'password' }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  return { email, cookie };
}

/** GETs `path` as `session`; resolves with the parsed body and the time to the last byte. */
export async function timedGet<T>(
  baseUrl: string,
  session: Session,
  path: string,
): Promise<{ body: T; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`GET ${path} as ${session.email}: ${response.status} ${text}`);
  return { body: JSON.parse(text) as T, ms };
}
