import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterSchemaText } from './schemas';

describe('published JSON Schemas', () => {
  it('public/adapter.schema.json is the adapter zod schema (run `npm run schemas` after changing it)', () => {
    expect(readFileSync('public/adapter.schema.json', 'utf8')).toBe(adapterSchemaText());
  });
});
