import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../e2e/harness/paths';

/** Chrome's id: the first 128 bits of SHA-256 of the public key, written with the letters a–p. */
function idFromKey(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

describe('the pinned extension id', () => {
  const config = readFileSync('wxt.config.ts', 'utf8');
  const key = /EXTENSION_KEY =\s*'([^']+)'/.exec(config)?.[1];

  it('is the id the manifest key gives, everywhere it is written', () => {
    expect(key).toBeTruthy();
    const id = idFromKey(key!);
    expect(EXTENSION_ID).toBe(id);
    expect(config).toContain(id);
    expect(readFileSync('README.md', 'utf8')).toContain(id);
  });
});
