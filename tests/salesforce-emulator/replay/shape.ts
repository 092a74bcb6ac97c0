/**
 * How two Salesforce answers differ in what a client can notice: the status, error codes, the
 * keys and types of the body (recursively), date formats and a few flags. Values that depend
 * on the data (counts, names, ids, message text) are not compared.
 */

/** Keys whose value a client branches on: compared exactly, not only by type. */
const EXACT = new Set(['errorCode', 'statusCode', 'success', 'created', 'done', 'httpStatusCode']);

const FORMATS: [string, RegExp][] = [
  ['datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['http-date', /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/],
];

function kind(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return `string:${FORMATS.find(([, re]) => re.test(value))?.[0] ?? 'text'}`;
  return typeof value;
}

/** Differences between the real body and ours, each as `path: what`. */
export function shapeDiff(real: unknown, ours: unknown, path = '$', out: string[] = []): string[] {
  const key = path.slice(path.lastIndexOf('.') + 1);
  if (EXACT.has(key) && real !== ours && (typeof real !== 'object' || real === null)) {
    out.push(`${path}: real ${JSON.stringify(real)}, emulator ${JSON.stringify(ours)}`);
    return out;
  }
  const [a, b] = [kind(real), kind(ours)];
  if (a !== b) {
    out.push(`${path}: real ${a}, emulator ${b}`);
    return out;
  }
  if (a === 'array') {
    const [x, y] = [real as unknown[], ours as unknown[]];
    if (x.length && !y.length) out.push(`${path}: real has items, emulator none`);
    else if (!x.length && y.length) out.push(`${path}: real none, emulator has items`);
    const byKey = pairByKey(x, y);
    if (byKey) for (const [k, item, twin] of byKey) shapeDiff(item, twin, `${path}[${k}]`, out);
    else for (let i = 0; i < Math.min(x.length, y.length); i++) shapeDiff(x[i], y[i], `${path}[${i}]`, out);
  } else if (a === 'object') {
    const [x, y] = [real as Record<string, unknown>, ours as Record<string, unknown>];
    for (const k of Object.keys(x)) {
      if (!(k in y)) out.push(`${path}.${k}: missing`);
      else shapeDiff(x[k], y[k], `${path}.${k}`, out);
    }
    for (const k of Object.keys(y)) if (!(k in x)) out.push(`${path}.${k}: extra`);
  }
  return out;
}

/** An item's identity: a name (the global describe's objects) or a record id. */
function keyOf(item: unknown): string | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const o = item as { name?: unknown; Id?: unknown; attributes?: { url?: unknown } };
  const key = o.name ?? o.Id ?? (typeof o.attributes?.url === 'string' ? o.attributes.url.split('/').pop() : undefined);
  return typeof key === 'string' ? key : undefined;
}

/**
 * Lists of the org's own things (objects, records) hold what that org held: when both sides
 * name their items and share some, compare those by identity rather than by position.
 */
function pairByKey(x: unknown[], y: unknown[]): [string, unknown, unknown][] | null {
  const ours = new Map(y.map((item) => [keyOf(item), item]));
  if (!x.length || ours.has(undefined) || x.some((item) => keyOf(item) === undefined)) return null;
  const pairs = x.filter((item) => ours.has(keyOf(item))).map((item): [string, unknown, unknown] => [keyOf(item)!, item, ours.get(keyOf(item))]);
  return pairs.length ? pairs : null;
}

/** Array indexes make every record its own path; the table of allowed differences speaks of `[]`. */
export function generalPath(diff: string): string {
  return diff.replace(/\[[^\]]+\]/g, '[]');
}
