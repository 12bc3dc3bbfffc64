import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/switchboard',
  REDIS_URL: 'redis://127.0.0.1:6379',
  PUBLIC_URL: 'https://support.example.com/',
  SECRET_KEY: 'x'.repeat(32),
};

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      PORT: 3000,
      SMTP_PORT: 2525,
      PUBLIC_URL: 'https://support.example.com',
      TWILIO_API_BASE: 'https://api.twilio.com',
      META_GRAPH_BASE: 'https://graph.facebook.com',
    });
  });

  it('names the missing variable in one line', () => {
    const { SECRET_KEY: _omitted, ...rest } = valid;
    expect(() => loadConfig(rest)).toThrow(
      new ConfigError('Configuration error: SECRET_KEY is missing.'),
    );
  });

  it('says what is wrong with a bad value', () => {
    expect(() => loadConfig({ ...valid, PORT: '99999' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...valid, DATABASE_URL: 'mysql://db' })).toThrow(
      'Configuration error: DATABASE_URL must be a postgres: or postgresql: URL.',
    );
    expect(() => loadConfig({ ...valid, SECRET_KEY: 'short' })).toThrow(
      'SECRET_KEY must be at least 32 characters',
    );
  });

  it('stops the api at start-up with exactly one clear line', () => {
    const main = fileURLToPath(new URL('../../../apps/api/src/main.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { PATH: process.env.PATH, ...valid, REDIS_URL: 'not a url' },
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../../../apps/api/', import.meta.url)),
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Configuration error: REDIS_URL must be a redis: or rediss: URL.',
    );
  });
});
