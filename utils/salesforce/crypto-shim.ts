import { sha256 } from '@noble/hashes/sha2.js';
import { Buffer } from 'buffer';

/**
 * The two things jsforce's browser build takes from Node's `crypto` (its OAuth2 PKCE code):
 * createHash('sha256') and randomBytes. Served by @noble/hashes and WebCrypto instead of a full
 * crypto polyfill, which cost the worker bundle ~400 KB. Aliased in wxt.config.ts.
 */
type Data = string | Uint8Array;

export function createHash(algorithm: string) {
  if (algorithm.toLowerCase() !== 'sha256') throw new Error(`crypto shim: only sha256 is available, not ${algorithm}`);
  const chunks: Uint8Array[] = [];
  const hash = {
    update(data: Data) {
      chunks.push(typeof data === 'string' ? new TextEncoder().encode(data) : data);
      return hash;
    },
    digest(encoding?: BufferEncoding) {
      const out = Buffer.from(sha256(Buffer.concat(chunks)));
      return encoding ? out.toString(encoding) : out;
    },
  };
  return hash;
}

export function randomBytes(size: number): Buffer {
  const bytes = new Uint8Array(size);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes);
}

export default { createHash, randomBytes };
