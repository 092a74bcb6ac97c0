/**
 * Checks describe and layout bodies given to the emulator (files of a `--metadata` folder, or
 * objects in memory) before the org uses them: a body it cannot use is refused at start with an
 * Error naming where it came from and why, instead of failing later on some request.
 */
import type { SObjectDescribe } from './fields';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const kindOf = (value: unknown) => (Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`);

/** JSON text parsed; anything else as it is. */
function parsed(value: unknown, source: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    throw new Error(`${source}: not JSON (${(error as Error).message})`);
  }
}

/**
 * A describe body (`GET sobjects/<Object>/describe`, as JSON text or parsed) the org can use.
 * Real orgs send it whole; fields hidden by field-level security are simply absent, and objects
 * without record types may send no recordTypeInfos at all, or null: the org gets an empty list.
 */
export function usableDescribe(value: unknown, source: string): SObjectDescribe {
  const body = parsed(value, source);
  const refuse = (reason: string) => new Error(`${source}: ${reason}`);
  if (!isObject(body)) throw refuse(`not a describe: ${kindOf(body)} instead of an object`);
  if (typeof body.name !== 'string' || !body.name) {
    throw refuse(Array.isArray(body.sobjects) ? 'a global describe (GET sobjects), not the describe of one object' : 'no "name": not the describe of an object');
  }
  if (!Array.isArray(body.fields)) throw refuse(`no "fields" array in the describe of ${body.name}`);
  const bad = body.fields.findIndex((f) => !isObject(f) || typeof f.name !== 'string' || typeof f.type !== 'string');
  if (bad >= 0) throw refuse(`fields[${bad}] of ${body.name} has no "name" or "type"`);
  const recordTypes = body.recordTypeInfos;
  if (recordTypes !== undefined && recordTypes !== null && !(Array.isArray(recordTypes) && recordTypes.every(isObject))) {
    throw refuse(`"recordTypeInfos" of ${body.name} is not an array of record types`);
  }
  return { ...body, recordTypeInfos: recordTypes ?? [] } as SObjectDescribe;
}

/** A `describe/layouts` body (JSON text or parsed) the REST layer can serve. */
export function usableLayouts(value: unknown, source: string): Json {
  const body = parsed(value, source);
  if (!isObject(body)) throw new Error(`${source}: not a describe/layouts body: ${kindOf(body)} instead of an object`);
  if (!Array.isArray(body.layouts)) throw new Error(`${source}: no "layouts" array: not a describe/layouts body`);
  return body;
}
