/**
 * SOQL on the emulator's records, through a real parser (@jetstreamapp/soql-parser-js):
 * fields with parent relationships, WHERE with = != < > <= >= LIKE IN NOT IN, AND OR NOT and
 * parentheses, null, date and date-literal values, ORDER BY, LIMIT, OFFSET, COUNT().
 */
import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';
import { ApiError } from './errors';
import type { FieldDescribe } from './metadata/fields';
import type { Org, SRecord } from './org';

type Condition = {
  field?: string;
  fn?: { functionName: string; parameters?: unknown[] };
  operator: string;
  literalType?: string | string[];
  value?: string | string[];
  openParen?: number;
  closeParen?: number;
};
type WhereNode = { left?: Condition | null; operator?: string; right?: WhereNode };
type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { cond: Condition };
type Expr = { op: 'AND' | 'OR'; a: Expr; b: Expr } | { op: 'NOT'; a: Expr } | { op: 'COND'; cond: Condition };

export type QueryResult = { totalSize: number; done: boolean; records: Record<string, unknown>[] };

const parsed = new Map<string, Query>();

/** Parses (with a small cache: clients repeat the same queries) or throws MALFORMED_QUERY. */
export function parse(soql: string): Query {
  const hit = parsed.get(soql);
  if (hit) return hit;
  let query: Query;
  try {
    query = parseQuery(soql);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'unexpected token';
    throw ApiError.of(400, 'MALFORMED_QUERY', `\n${soql.slice(0, 500)}\n^\nERROR at Row:1:Column:1\n${detail}`);
  }
  if (parsed.size > 2000) parsed.clear();
  parsed.set(soql, query);
  return query;
}

const INVALID_FIELD = (name: string, type: string) =>
  ApiError.of(400, 'INVALID_FIELD', `No such column '${name}' on entity '${type}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`);

/** Reads a field path (`Email`, `Account.Name`, `Owner.Email`) off a record, following lookups. */
function resolvePath(org: Org, type: string, record: SRecord | undefined, path: string[]): { value: unknown; field: FieldDescribe } {
  let currentType = type;
  let current: SRecord | undefined = record;
  for (let i = 0; i < path.length - 1; i++) {
    const rel = path[i]!.toLowerCase();
    const lookup = org.object(currentType).fields.find((f) => f.relationshipName?.toLowerCase() === rel);
    if (!lookup) throw INVALID_FIELD(path.slice(0, i + 1).join('.'), currentType);
    const id = current?.[lookup.name];
    const parent = typeof id === 'string' ? org.find(id) : undefined;
    currentType = parent ? org.typeOfId(parent.Id)! : lookup.referenceTo[0]!;
    if (!org.metadata.has(currentType.toLowerCase())) currentType = 'User';
    current = parent;
  }
  const field = org.field(currentType, path[path.length - 1]!);
  if (!field) throw INVALID_FIELD(path.join('.'), currentType);
  return { value: current ? current[field.name] : null, field };
}

function unquote(raw: string, like: boolean): string {
  const body = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };
    if (n !== undefined && n in map) out += like && n === '\\' ? '\\\\' : map[n];
    else if (like && (n === '%' || n === '_')) out += `\\${n}`;
    else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else throw ApiError.of(400, 'MALFORMED_QUERY', `Invalid string literal '${body.slice(0, 100)}'. Illegal character sequence '\\${n ?? ''}' in string literal.`);
  }
  return out;
}

function likeToRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

const DAY = 86_400_000;
function startOfUtcDay(ms: number) {
  return Math.floor(ms / DAY) * DAY;
}

/** A date literal as a [from, to) range of epoch ms, in UTC (the org's time zone here). */
function dateLiteralRange(literal: string, now = Date.now()): [number, number] {
  const today = startOfUtcDay(now);
  const [name, nRaw] = literal.toUpperCase().split(':');
  const n = Number(nRaw ?? 0);
  const d = new Date(today);
  switch (name) {
    case 'TODAY': return [today, today + DAY];
    case 'YESTERDAY': return [today - DAY, today];
    case 'TOMORROW': return [today + DAY, today + 2 * DAY];
    case 'LAST_N_DAYS': return [today - n * DAY, today + DAY];
    case 'NEXT_N_DAYS': return [today, today + (n + 1) * DAY];
    case 'THIS_WEEK': {
      const start = today - d.getUTCDay() * DAY;
      return [start, start + 7 * DAY];
    }
    case 'LAST_WEEK': {
      const start = today - d.getUTCDay() * DAY - 7 * DAY;
      return [start, start + 7 * DAY];
    }
    case 'THIS_MONTH': return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)];
    case 'LAST_MONTH': return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1), Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)];
    case 'THIS_YEAR': return [Date.UTC(d.getUTCFullYear(), 0, 1), Date.UTC(d.getUTCFullYear() + 1, 0, 1)];
    default:
      throw ApiError.of(400, 'MALFORMED_QUERY', `unexpected token: '${literal}'`);
  }
}

function toTime(value: unknown, field: FieldDescribe): number | null {
  if (typeof value !== 'string') return null;
  const iso = field.type === 'date' ? `${value}T00:00:00Z` : value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

function literal(cond: Condition, raw: string, type: string, field: FieldDescribe): unknown {
  switch (type) {
    case 'NULL': return null;
    case 'BOOLEAN': return raw.toUpperCase() === 'TRUE';
    case 'INTEGER':
    case 'DECIMAL': return Number(raw);
    case 'DATE': return Date.parse(`${raw}T00:00:00Z`);
    case 'DATETIME': return Date.parse(raw);
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL': return dateLiteralRange(raw);
    default: return unquote(raw, cond.operator.toUpperCase() === 'LIKE' && field.type !== 'reference');
  }
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { sensitivity: 'accent' });
}

/** Compiles one condition into a predicate: field look-ups and literals are resolved once per query. */
function compileCondition(org: Org, type: string, cond: Condition): (record: SRecord) => boolean {
  if (!cond.field) throw ApiError.of(400, 'MALFORMED_QUERY', 'Only field conditions are supported in WHERE');
  const path = cond.field.split('.');
  const { field } = resolvePath(org, type, undefined, path);
  const read = path.length === 1 ? (r: SRecord) => r[field.name] : (r: SRecord) => resolvePath(org, type, r, path).value;
  const op = cond.operator.toUpperCase();
  const types = Array.isArray(cond.literalType) ? cond.literalType : [cond.literalType ?? 'STRING'];
  const raws = Array.isArray(cond.value) ? cond.value : [cond.value ?? 'null'];
  const isId = field.type === 'reference' || field.type === 'id';
  const isTime = field.type === 'date' || field.type === 'datetime';
  const values = raws.map((raw, i) => {
    const v = literal(cond, raw, types[i] ?? types[0]!, field);
    if (isId && typeof v === 'string') return v.slice(0, 15);
    // Text comparison in SOQL ignores case (not accents).
    return typeof v === 'string' ? v.toLowerCase() : v;
  });
  const valueOf = (r: SRecord): unknown => {
    const raw = read(r);
    if (isTime) return toTime(raw, field);
    if (typeof raw !== 'string') return raw;
    return isId ? raw.slice(0, 15) : raw.toLowerCase();
  };
  const equal = (have: unknown, v: unknown) => {
    if (v === null) return have === null || have === undefined || have === '';
    if (have === null || have === undefined) return false;
    if (Array.isArray(v)) return typeof have === 'number' && have >= v[0] && have < v[1];
    return v === have;
  };
  switch (op) {
    case '=': return (r) => equal(valueOf(r), values[0]);
    case '!=':
    case '<>': return (r) => !equal(valueOf(r), values[0]);
    case 'IN': return (r) => { const have = valueOf(r); return values.some((v) => equal(have, v)); };
    case 'NOT IN': return (r) => { const have = valueOf(r); return !values.some((v) => equal(have, v)); };
    case 'LIKE': {
      const re = likeToRegex(String(values[0]));
      return (r) => { const have = read(r); return typeof have === 'string' && re.test(have); };
    }
    case 'INCLUDES':
    case 'EXCLUDES': {
      const wanted = raws.map((raw) => unquote(raw, false));
      return (r) => {
        const have = read(r);
        const chosen = typeof have === 'string' ? have.split(';') : [];
        const hit = wanted.some((v) => chosen.includes(v));
        return op === 'INCLUDES' ? hit : !hit;
      };
    }
  }
  const v = values[0];
  const [lo, hi] = Array.isArray(v) ? (v as [number, number]) : [v, v];
  const ordered = (test: (have: unknown) => boolean) => (r: SRecord) => {
    const have = valueOf(r);
    return have !== null && have !== undefined && v !== null && test(have);
  };
  switch (op) {
    case '<': return ordered((have) => compare(have, lo) < 0);
    case '<=': return ordered((have) => (Array.isArray(v) ? compare(have, hi) < 0 : compare(have, lo) <= 0));
    case '>': return ordered((have) => (Array.isArray(v) ? compare(have, hi) >= 0 : compare(have, lo) > 0));
    case '>=': return ordered((have) => compare(have, lo) >= 0);
  }
  throw ApiError.of(400, 'MALFORMED_QUERY', `unexpected token: '${cond.operator}'`);
}

/** The parser gives WHERE as a chain with paren counts; rebuild the tree with NOT > AND > OR. */
function tokens(node: WhereNode | undefined, out: Token[] = []): Token[] {
  if (!node) return out;
  const left = node.left;
  if (left) {
    for (let i = 0; i < (left.openParen ?? 0); i++) out.push('(');
    if (left.field || left.fn) {
      out.push({ cond: left });
      for (let i = 0; i < (left.closeParen ?? 0); i++) out.push(')');
    }
  }
  const op = node.operator?.toUpperCase();
  if (op === 'NOT' || op === 'AND' || op === 'OR') out.push(op);
  return tokens(node.right, out);
}

function buildExpr(list: Token[]): Expr {
  let i = 0;
  const fail = () => ApiError.of(400, 'MALFORMED_QUERY', 'unexpected token in WHERE clause');
  const or = (): Expr => {
    let a = and();
    while (list[i] === 'OR') {
      i++;
      a = { op: 'OR', a, b: and() };
    }
    return a;
  };
  const and = (): Expr => {
    let a = not();
    while (list[i] === 'AND') {
      i++;
      a = { op: 'AND', a, b: not() };
    }
    return a;
  };
  const not = (): Expr => {
    if (list[i] === 'NOT') {
      i++;
      return { op: 'NOT', a: not() };
    }
    const t = list[i++];
    if (t === '(') {
      const e = or();
      if (list[i++] !== ')') throw fail();
      return e;
    }
    if (t && typeof t === 'object') return { op: 'COND', cond: t.cond };
    throw fail();
  };
  const expr = or();
  if (i !== list.length) throw fail();
  return expr;
}

type Predicate = (record: SRecord) => boolean;

function compile(org: Org, type: string, expr: Expr): Predicate {
  switch (expr.op) {
    case 'AND': {
      const [a, b] = [compile(org, type, expr.a), compile(org, type, expr.b)];
      return (r) => a(r) && b(r);
    }
    case 'OR': {
      const [a, b] = [compile(org, type, expr.a), compile(org, type, expr.b)];
      return (r) => a(r) || b(r);
    }
    case 'NOT': {
      const a = compile(org, type, expr.a);
      return (r) => !a(r);
    }
    case 'COND': return compileCondition(org, type, expr.cond);
  }
}

export function attributes(type: string, id: string, version: string) {
  return { type, url: `/services/data/v${version}/sobjects/${type}/${id}` };
}

/** One record in Salesforce's JSON shape: attributes first, fields in query order, parents nested. */
function project(org: Org, type: string, record: SRecord, paths: string[][], version: string): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: attributes(type, record.Id, version) };
  for (const path of paths) {
    let target = out;
    let currentType = type;
    let current: SRecord | undefined = record;
    for (let i = 0; i < path.length - 1; i++) {
      const lookup = org.object(currentType).fields.find((f) => f.relationshipName?.toLowerCase() === path[i]!.toLowerCase())!;
      const id: unknown = current?.[lookup.name];
      const parent: SRecord | undefined = typeof id === 'string' ? org.find(id) : undefined;
      if (!parent) {
        target[lookup.relationshipName!] = null;
        current = undefined;
        break;
      }
      currentType = org.typeOfId(parent.Id)!;
      const existing = target[lookup.relationshipName!] as Record<string, unknown> | null | undefined;
      target = existing ?? (target[lookup.relationshipName!] = { attributes: attributes(currentType, parent.Id, version) });
      current = parent;
    }
    if (!current) continue;
    const field = org.field(currentType, path[path.length - 1]!)!;
    target[field.name] = current[field.name] ?? null;
  }
  return out;
}

/**
 * The records that can match: when the WHERE clause requires `Field = 'text'` on a plain text
 * field (alone or AND-ed), only the records an index finds for that value; else all of them.
 */
function candidates(org: Org, type: string, expr: Expr | null): Iterable<SRecord> {
  const all = () => org.table(type).values();
  let node = expr;
  while (node) {
    if (node.op === 'COND') {
      const c = node.cond;
      const field = c.field && !c.field.includes('.') ? org.field(type, c.field) : undefined;
      const text = field && ['string', 'email', 'phone', 'picklist', 'url', 'textarea', 'combobox'].includes(field.type);
      if (text && c.operator === '=' && c.literalType === 'STRING' && typeof c.value === 'string') {
        return org.lookup(type, field.name, unquote(c.value, false));
      }
      return all();
    }
    if (node.op !== 'AND') return all();
    node = node.a.op === 'COND' ? node.a : node.b;
  }
  return all();
}

/** Runs one SOQL query against the org. `all` includes deleted records (queryAll). */
export function runQuery(
  org: Org,
  soql: string,
  { all = false, version = '62.0', only }: { all?: boolean; version?: string; only?: (r: SRecord) => boolean } = {},
): QueryResult {
  const query = parse(soql);
  if (!query.sObject) throw ApiError.of(400, 'MALFORMED_QUERY', 'unexpected token: FROM');
  const meta = org.metadata.get(query.sObject.toLowerCase());
  if (!meta) {
    throw ApiError.of(400, 'INVALID_TYPE', `\n${soql.slice(0, 300)}\n^\nERROR at Row:1:Column:1\nsObject type '${query.sObject}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`);
  }
  const type = meta.describe.name;
  let countOnly = false;
  const paths: string[][] = [];
  for (const f of query.fields ?? []) {
    if (f.type === 'Field') paths.push([f.field]);
    else if (f.type === 'FieldRelationship') paths.push([...f.relationships, f.field]);
    else if (f.type === 'FieldFunctionExpression' && f.functionName.toUpperCase() === 'COUNT' && !(f.parameters ?? []).length) countOnly = true;
    else throw ApiError.of(400, 'MALFORMED_QUERY', `The emulator does not support ${f.type === 'FieldSubquery' ? 'subqueries' : (f as { rawValue?: string }).rawValue ?? f.type} in SELECT`);
  }
  for (const path of paths) resolvePath(org, type, undefined, path); // INVALID_FIELD before any work
  const expr = query.where ? buildExpr(tokens(query.where as WhereNode)) : null;
  const where = expr ? compile(org, type, expr) : null;
  const rows0: SRecord[] = [];
  for (const r of candidates(org, type, expr)) {
    if ((all || !r.IsDeleted) && (!where || where(r)) && (!only || only(r))) rows0.push(r);
  }
  let rows = rows0;
  if (countOnly) return { totalSize: rows.length, done: true, records: [] };
  const orderBy = Array.isArray(query.orderBy) ? query.orderBy : query.orderBy ? [query.orderBy] : [];
  if (orderBy.length) {
    const keys = orderBy.map((o) => {
      if (!('field' in o) || !o.field) throw ApiError.of(400, 'MALFORMED_QUERY', 'ORDER BY supports fields only');
      const desc = o.order?.toUpperCase() === 'DESC';
      return { path: o.field.split('.'), desc, nullsLast: o.nulls ? o.nulls.toUpperCase() === 'LAST' : desc };
    });
    rows = rows.sort((a, b) => {
      for (const k of keys) {
        const va = resolvePath(org, type, a, k.path).value;
        const vb = resolvePath(org, type, b, k.path).value;
        const na = va === null || va === undefined;
        const nb = vb === null || vb === undefined;
        if (na || nb) {
          if (na && nb) continue;
          return (na ? 1 : -1) * (k.nullsLast ? 1 : -1);
        }
        const c = compare(va, vb);
        if (c) return k.desc ? -c : c;
      }
      return 0;
    });
  }
  const offset = query.offset ?? 0;
  if (offset > 2000) throw ApiError.of(400, 'NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000');
  rows = rows.slice(offset, query.limit !== undefined ? offset + query.limit : undefined);
  return { totalSize: rows.length, done: true, records: rows.map((r) => project(org, type, r, paths, version)) };
}
