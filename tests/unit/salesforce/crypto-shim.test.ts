import { createHash as nodeHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from '@/utils/salesforce/crypto-shim';

describe('the crypto shim jsforce gets in the worker', () => {
  it.each(['', 'abc', 'x'.repeat(171), 'ünïcödé 👩🏽‍💻'])('hashes %j exactly as Node does', (text) => {
    for (const encoding of ['base64', 'hex'] as const) {
      expect(createHash('sha256').update(text).digest(encoding)).toBe(nodeHash('sha256').update(text).digest(encoding));
    }
  });

  it('gives random bytes of the asked size, different each time', () => {
    const a = randomBytes(96);
    expect(a).toHaveLength(96);
    expect(a.equals(randomBytes(96))).toBe(false);
  });

  it('refuses what it does not implement, loudly', () => {
    expect(() => createHash('md5')).toThrow(/only sha256/);
  });
});
