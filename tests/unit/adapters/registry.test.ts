import { describe, expect, it } from 'vitest';
import { matchesPattern } from '@/utils/adapters/registry';

describe('matchesPattern', () => {
  it.each([
    ['https://app.chatwoot.com/*', 'https://app.chatwoot.com/app/accounts/1/conversations/2', true],
    ['https://app.chatwoot.com/*', 'http://app.chatwoot.com/', false],
    ['https://app.chatwoot.com/*', 'https://app.chatwoot.com.evil.example/', false],
    ['*://*.example.com/chat/*', 'https://support.eu.example.com/chat/42', true],
    ['*://*.example.com/chat/*', 'https://example.com/chat/1', true],
    ['*://*.example.com/chat/*', 'https://example.com/other', false],
    ['http://127.0.0.1/*', 'http://127.0.0.1:8080/demo/', true],
    ['not a pattern', 'https://x/', false],
  ])('%s ~ %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });
});
