/**
 * A file name a sender chose, made safe to store and offer for download: the last path segment
 * only (a name like `../../etc/passwd` must not name a folder), no control characters, at most
 * 200 characters. Undefined when nothing usable is left, so the caller's default name applies.
 */
export function safeFileName(name: string | undefined): string | undefined {
  const base = [
    ...(name ?? '')
      .split(/[\\/]/)
      .pop()!
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim(),
  ]
    .slice(-200)
    .join('');
  return base === '' || base === '.' || base === '..' ? undefined : base;
}
