import { describe, expect, it } from 'vitest';
import { redactTokens } from '../src/logging';

describe('request logs', () => {
  it('never carry an access token passed in the query', () => {
    expect(redactTokens('/v23.0/1/messages?access_token=EAAB123&x=1')).toBe(
      '/v23.0/1/messages?access_token=[redacted]&x=1',
    );
    expect(redactTokens('/v23.0/1?fields=a&ACCESS_TOKEN=abc')).toBe(
      '/v23.0/1?fields=a&ACCESS_TOKEN=[redacted]',
    );
    expect(redactTokens('/v23.0/1/message_templates?limit=2')).toBe(
      '/v23.0/1/message_templates?limit=2',
    );
  });
});
