import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterSchemaText, managedSchemaText } from './schemas';

const CHROME_KEYWORDS = new Set(['type', 'title', 'description', 'properties', 'additionalProperties', 'items']);

describe('published JSON Schemas (run `npm run schemas` after changing a zod schema)', () => {
  it('public/adapter.schema.json is the adapter zod schema', () => {
    expect(readFileSync('public/adapter.schema.json', 'utf8')).toBe(adapterSchemaText());
  });

  it('public/adapter.schema.json describes every field, for admins who write an adapter without reading source', () => {
    const missing: string[] = [];
    const walk = (node: Record<string, unknown> | undefined, path: string) => {
      if (!node || typeof node !== 'object') return;
      for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof child.description !== 'string' || !child.description) missing.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      for (const child of [node.items, node.anyOf, node.oneOf, node.additionalProperties].flat()) walk(child as Record<string, unknown> | undefined, path);
    };
    walk(JSON.parse(adapterSchemaText()), '');
    expect(missing).toEqual([]);
  });

  it('public/managed_schema.json is the settings zod schema', () => {
    expect(readFileSync('public/managed_schema.json', 'utf8')).toBe(managedSchemaText());
  });

  it('public/managed_schema.json uses only what Chrome accepts (an invalid one stops the extension loading)', () => {
    const schema = JSON.parse(managedSchemaText());
    const check = (node: Record<string, unknown>, path: string) => {
      expect(['object', 'array', 'string', 'number', 'integer', 'boolean'], path).toContain(node.type);
      for (const key of Object.keys(node)) expect(CHROME_KEYWORDS.has(key), `${path}.${key}`).toBe(true);
      for (const [k, v] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) check(v, `${path}.${k}`);
      if (node.additionalProperties) check(node.additionalProperties as Record<string, unknown>, `${path}.*`);
      if (node.items) check(node.items as Record<string, unknown>, `${path}[]`);
    };
    check(schema, '$');
    expect(Object.keys(schema.properties)).toEqual(['connection', 'identification', 'mapping', 'automation', 'records', 'wrapUp', 'general', 'consoles', 'presence', 'routing']);
  });
});
