import * as z from 'zod';
import { SettingsSchema } from './schema';

type Json = { [key: string]: unknown };

/**
 * The settings schema in the dialect Chrome accepts for `storage.managed_schema` (a subset of
 * JSON Schema: type, properties, additionalProperties, items, title, description; an invalid
 * schema stops the extension from loading). It carries the shape only: values (enums, patterns,
 * ranges) are checked by the extension itself, which reports a wrong one in the options page and
 * popup instead of Chrome dropping the whole policy without a word to the agent.
 */
export function managedSchema(): Json {
  const json = z.toJSONSchema(SettingsSchema, { io: 'input' }) as Json;
  return { ...chromeNode(json, '$'), title: 'Salesforce for Chat Consoles' };
}

function chromeNode(node: Json, path: string): Json {
  const variants = (node.anyOf ?? node.oneOf) as Json[] | undefined;
  if (variants) {
    const real = variants.filter((v) => v.type !== 'null');
    if (real.length === 1) return chromeNode({ ...real[0], description: node.description ?? real[0]!.description }, path);
    if (real.every((v) => v.type === 'object')) {
      // One object with every variant's properties: the extension tells the variants apart.
      const properties = Object.assign({}, ...real.map((v) => v.properties as Json));
      return chromeNode({ type: 'object', properties, description: node.description }, path);
    }
    throw new Error(`${path}: a union Chrome's policy schema cannot say`);
  }
  const type = node.type;
  if (typeof type !== 'string') throw new Error(`${path}: no single type`);
  const out: Json = { type };
  if (typeof node.title === 'string') out.title = node.title;
  if (typeof node.description === 'string') out.description = node.description;
  if (type === 'object') {
    if (node.properties) out.properties = Object.fromEntries(Object.entries(node.properties as Record<string, Json>).map(([k, v]) => [k, chromeNode(v, `${path}.${k}`)]));
    if (node.additionalProperties && typeof node.additionalProperties === 'object') out.additionalProperties = chromeNode(node.additionalProperties as Json, `${path}.*`);
  }
  if (type === 'array') out.items = chromeNode(node.items as Json, `${path}[]`);
  return out;
}
