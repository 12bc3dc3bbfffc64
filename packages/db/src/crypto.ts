import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Provider credentials at rest: AES-256-GCM, key derived from SECRET_KEY, format v1.iv.tag.data (base64url). */
function keyFrom(secretKey: string): Buffer {
  return createHash('sha256').update(`switchboard:credentials:${secretKey}`).digest();
}

export function encryptSecret(plain: string, secretKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secretKey), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptSecret(sealed: string, secretKey: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined)
    throw new Error('Unreadable credentials');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    keyFrom(secretKey),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(data, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

export function encryptJson(value: unknown, secretKey: string): string {
  return encryptSecret(JSON.stringify(value), secretKey);
}

export function decryptJson<T>(sealed: string, secretKey: string): T {
  return JSON.parse(decryptSecret(sealed, secretKey)) as T;
}
