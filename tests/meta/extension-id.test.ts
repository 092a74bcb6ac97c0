import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, GECKO_ID } from '../e2e/harness/paths';
import { extensionIdOf } from '../../.ci/package';

describe('the pinned extension id', () => {
  const config = readFileSync('wxt.config.ts', 'utf8');
  const key = /EXTENSION_KEY =\s*'([^']+)'/.exec(config)?.[1];

  it('is the id the manifest key gives, everywhere it is written', () => {
    expect(key).toBeTruthy();
    const id = extensionIdOf(createPublicKey({ key: Buffer.from(key!, 'base64'), format: 'der', type: 'spki' }));
    expect(EXTENSION_ID).toBe(id);
    expect(config).toContain(id);
    expect(readFileSync('README.md', 'utf8')).toContain(id);
  });

  it("is Firefox's gecko id, as the tests and README name it", () => {
    expect(config).toContain(`GECKO_ID = '${GECKO_ID}'`);
    expect(readFileSync('README.md', 'utf8')).toContain(GECKO_ID);
  });
});
