/**
 * SOQL on the emulator's records, through a real parser (@jetstreamapp/soql-parser-js):
 * fields with parent relationships, child subqueries, TYPEOF on polymorphic lookups, WHERE with
 * = != < > <= >= LIKE IN NOT IN, AND OR NOT and parentheses, null, date and date-literal values,
 * ORDER BY, LIMIT, OFFSET, COUNT(), and aggregate queries (COUNT, COUNT_DISTINCT, SUM, AVG, MIN,
 * MAX, GROUP BY, HAVING). Errors about a token point at it as Salesforce's do (Row/Column).
 */
import {
  parseQuery,
  type FieldType,
  type FieldTypeOf,
  type FunctionExp,
  type OrderByClause,
  type Query,
  type QueryBase,
  type Subquery,
} from '@jetstreamapp/soql-parser-js';
import { ApiError } from './errors';
import type { FieldDescribe } from './metadata/fields';
import type { Org, SRecord } from './org';

type Condition = {
  field?: string;
  fn?: FunctionExp;
  operator: string;
  literalType?: string | string[];
  value?: string | string[];
  openParen?: number;
  closeParen?: number;
  /** `Field IN (SELECT …)`: a semi-join (NOT IN: an anti-join). */
  valueQuery?: Query;
};
type WhereNode = { left?: Condition | null; operator?: string; right?: WhereNode };
type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { cond: Condition };
type Expr = { op: 'AND' | 'OR'; a: Expr; b: Expr } | { op: 'NOT'; a: Expr } | { op: 'COND'; cond: Condition };

export type QueryResult = { totalSize: number; done: boolean; records: Record<string, unknown>[] };

/** What one query run needs besides the query: the org, queryAll or not, the API version. */
type Context = { org: Org; all: boolean; version: string };
/** Writes one SELECT item of a record into its JSON shape. */
type Column = (out: Record<string, unknown>, record: SRecord) => void;
type ChildRelationship = { childSObject: string; field: string; relationshipName: string | null };

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

/**
 * An error about one token of the query (a field, an object, a relationship). `runQuery` turns
 * it into Salesforce's message, which quotes the query line and points at the token.
 */
class QueryFault extends Error {
  constructor(
    readonly errorCode: string,
    readonly detail: string,
    /** The token as written in the query, to find it there. */
    readonly token: string,
    /** The word just before the token (`from` for an object name), to tell it from a field of the same name. */
    readonly after?: string,
  ) {
    super(detail);
  }
}

/** Where a token (a name or dotted path outside string literals) first appears in the query; 0 when nowhere. */
function tokenOffset(soql: string, token: string, after?: string): number {
  const wanted = token.toLowerCase();
  let previous = '';
  for (const m of soql.matchAll(/'(?:\\.|[^'\\])*'|[A-Za-z_][\w.]*/g)) {
    const word = m[0].toLowerCase();
    if (word === wanted && (!after || previous === after)) return m.index;
    previous = word;
  }
  return 0;
}

/** Salesforce's shape: "\n<the line>\n<spaces>^\nERROR at Row:r:Column:c\n<detail>", 1-based. */
function located(soql: string, fault: QueryFault): ApiError {
  const at = tokenOffset(soql, fault.token, fault.after);
  const lineStart = soql.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = soql.indexOf('\n', at);
  const line = soql.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
  const row = soql.slice(0, lineStart).split('\n').length;
  const column = at - lineStart + 1;
  return ApiError.of(400, fault.errorCode, `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${fault.detail}`);
}

const noSuchColumn = (name: string, type: string) =>
  `No such column '${name}' on entity '${type}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`;

const unsupported = (what: string) => ApiError.of(400, 'MALFORMED_QUERY', `The emulator does not support ${what}`);

function relationshipField(org: Org, type: string, relationshipName: string): FieldDescribe | undefined {
  const lower = relationshipName.toLowerCase();
  return org.object(type).fields.find((f) => f.relationshipName?.toLowerCase() === lower);
}

/**
 * Checks a field path (`Email`, `Account.Name`, `Owner.Email`) and returns the field it ends on;
 * INVALID_FIELD as Salesforce words it otherwise. A polymorphic lookup is checked on the first
 * of its objects that the org has (User for Owner, whose Group the org lacks).
 */
function checkPath(org: Org, type: string, path: string[]): FieldDescribe {
  let currentType = type;
  for (let i = 0; i < path.length - 1; i++) {
    const lookup = relationshipField(org, currentType, path[i]!);
    if (!lookup) {
      throw new QueryFault('INVALID_FIELD', `Didn't understand relationship '${path.slice(0, i + 1).join('.')}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`, path.join('.'));
    }
    currentType = lookup.referenceTo.find((t) => org.metadata.has(t.toLowerCase())) ?? 'User';
  }
  const field = org.field(currentType, path[path.length - 1]!);
  if (!field) throw new QueryFault('INVALID_FIELD', noSuchColumn(path[path.length - 1]!, currentType), path.join('.'));
  return field;
}

/** Reads a checked field path off a record, following lookups to the actual parent; null on the way. */
function readPath(org: Org, type: string, record: SRecord | undefined, path: string[]): unknown {
  let currentType = type;
  let current = record;
  for (let i = 0; i < path.length - 1 && current; i++) {
    const lookup = relationshipField(org, currentType, path[i]!);
    const id = lookup ? current[lookup.name] : undefined;
    current = typeof id === 'string' ? org.find(id) : undefined;
    if (current) currentType = org.typeOfId(current.Id)!;
  }
  if (!current) return null;
  // A polymorphic parent may lack the field checked on another of its objects.
  const field = org.field(currentType, path[path.length - 1]!);
  return field ? (current[field.name] ?? null) : null;
}

/** A checked field path and a reader for it, cheap on plain fields (the common case). */
function reader(org: Org, type: string, path: string[]): { field: FieldDescribe; read: (record: SRecord | undefined) => unknown } {
  const field = checkPath(org, type, path);
  if (path.length === 1) return { field, read: (r) => (r ? (r[field.name] ?? null) : null) };
  return { field, read: (r) => readPath(org, type, r, path) };
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

function literal(cond: Condition, raw: string, type: string, field: FieldDescribe, now?: number): unknown {
  switch (type) {
    case 'NULL': return null;
    case 'BOOLEAN': return raw.toUpperCase() === 'TRUE';
    case 'INTEGER':
    case 'DECIMAL': return Number(raw);
    case 'DATE': return Date.parse(`${raw}T00:00:00Z`);
    case 'DATETIME': return Date.parse(raw);
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL': return dateLiteralRange(raw, now);
    default: return unquote(raw, cond.operator.toUpperCase() === 'LIKE' && field.type !== 'reference');
  }
}

// localeCompare with options builds a collator per call; one shared is the same order, far faster.
const collator = new Intl.Collator('en', { sensitivity: 'accent' });

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Compiles one WHERE condition into a predicate: the field look-up and literals are resolved once per query. */
function compileCondition(org: Org, type: string, cond: Condition): (record: SRecord) => boolean {
  if (!cond.field) throw ApiError.of(400, 'MALFORMED_QUERY', 'Only field conditions are supported in WHERE');
  const { field, read } = reader(org, type, cond.field.split('.'));
  const test = compileTest(cond, field, org.now());
  return (r) => test(read(r));
}

/**
 * The test a condition makes of one value, typed by `field`: a record's field in WHERE, a
 * group's field or aggregate in HAVING. `now` is the org's time, for date literals (TODAY, LAST_N_DAYS:n).
 */
function compileTest(cond: Condition, field: FieldDescribe, now?: number): (have: unknown) => boolean {
  const op = cond.operator.toUpperCase();
  const types = Array.isArray(cond.literalType) ? cond.literalType : [cond.literalType ?? 'STRING'];
  const raws = Array.isArray(cond.value) ? cond.value : [cond.value ?? 'null'];
  const isId = field.type === 'reference' || field.type === 'id';
  const isTime = field.type === 'date' || field.type === 'datetime';
  const values = raws.map((raw, i) => {
    const v = literal(cond, raw, types[i] ?? types[0]!, field, now);
    if (isId && typeof v === 'string') return v.slice(0, 15);
    // Text comparison in SOQL ignores case (not accents).
    return typeof v === 'string' ? v.toLowerCase() : v;
  });
  const valueOf = (raw: unknown): unknown => {
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
    case '=': return (raw) => equal(valueOf(raw), values[0]);
    case '!=':
    case '<>': return (raw) => !equal(valueOf(raw), values[0]);
    case 'IN': return (raw) => { const have = valueOf(raw); return values.some((v) => equal(have, v)); };
    case 'NOT IN': return (raw) => { const have = valueOf(raw); return !values.some((v) => equal(have, v)); };
    case 'LIKE': {
      const re = likeToRegex(String(values[0]));
      return (raw) => typeof raw === 'string' && re.test(raw);
    }
    case 'INCLUDES':
    case 'EXCLUDES': {
      const wanted = raws.map((raw) => unquote(raw, false));
      return (raw) => {
        const chosen = typeof raw === 'string' ? raw.split(';') : [];
        const hit = wanted.some((v) => chosen.includes(v));
        return op === 'INCLUDES' ? hit : !hit;
      };
    }
  }
  const v = values[0];
  const [lo, hi] = Array.isArray(v) ? (v as [number, number]) : [v, v];
  const ordered = (test: (have: unknown) => boolean) => (raw: unknown) => {
    const have = valueOf(raw);
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

/** Compiles a WHERE or HAVING tree; `leaf` compiles its conditions (on records or on groups). */
function compile<T>(expr: Expr, leaf: (cond: Condition) => (x: T) => boolean): (x: T) => boolean {
  switch (expr.op) {
    case 'AND': {
      const [a, b] = [compile(expr.a, leaf), compile(expr.b, leaf)];
      return (x) => a(x) && b(x);
    }
    case 'OR': {
      const [a, b] = [compile(expr.a, leaf), compile(expr.b, leaf)];
      return (x) => a(x) || b(x);
    }
    case 'NOT': {
      const a = compile(expr.a, leaf);
      return (x) => !a(x);
    }
    case 'COND': return leaf(expr.cond);
  }
}

export function attributes(type: string, id: string, version: string) {
  return { type, url: `/services/data/v${version}/sobjects/${type}/${id}` };
}

/** Writes one checked field path of a record into `out`, parents nested (and shared), null for a missing parent. */
function writePath(org: Org, type: string, record: SRecord, path: string[], out: Record<string, unknown>, version: string): void {
  let target = out;
  let currentType = type;
  let current = record;
  for (let i = 0; i < path.length - 1; i++) {
    // A polymorphic parent may lack a relationship checked on another of its objects: null, as for no parent.
    const lookup = relationshipField(org, currentType, path[i]!);
    const id: unknown = lookup ? current[lookup.name] : undefined;
    const parent: SRecord | undefined = typeof id === 'string' ? org.find(id) : undefined;
    if (!lookup || !parent) {
      target[lookup?.relationshipName ?? path[i]!] = null;
      return;
    }
    currentType = org.typeOfId(parent.Id)!;
    const existing = target[lookup.relationshipName!] as Record<string, unknown> | null | undefined;
    target = existing ?? (target[lookup.relationshipName!] = { attributes: attributes(currentType, parent.Id, version) });
    current = parent;
  }
  const last = path[path.length - 1]!;
  const field = org.field(currentType, last);
  target[field?.name ?? last] = field ? (current[field.name] ?? null) : null;
}

/** One record in Salesforce's JSON shape: attributes first, then the SELECT items in order. */
function project(ctx: Context, type: string, record: SRecord, columns: Column[]): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: attributes(type, record.Id, ctx.version) };
  for (const column of columns) column(out, record);
  return out;
}

/** The SELECT list of a record query as columns, each checked now (INVALID_FIELD before any work). */
function columnsOf(ctx: Context, type: string, fields: FieldType[]): Column[] {
  return fields.map((f): Column => {
    switch (f.type) {
      case 'Field':
      case 'FieldRelationship': {
        const path = f.type === 'Field' ? [f.field] : [...f.relationships, f.field];
        checkPath(ctx.org, type, path);
        return (out, record) => writePath(ctx.org, type, record, path, out, ctx.version);
      }
      case 'FieldSubquery': return subqueryColumn(ctx, type, f.subquery);
      case 'FieldTypeof': return typeofColumn(ctx, type, f);
      case 'FieldFunctionExpression': throw unsupported(`${f.rawValue ?? f.functionName} in SELECT`);
    }
  });
}

/**
 * `(SELECT … FROM Cases)`: the child records whose relationship field holds the parent's id,
 * with the subquery's WHERE, ORDER BY, OFFSET and LIMIT; null when there are none.
 */
function subqueryColumn(ctx: Context, parentType: string, sub: Subquery): Column {
  const { org } = ctx;
  const wanted = sub.relationshipName.toLowerCase();
  const relationships = (org.object(parentType).childRelationships ?? []) as ChildRelationship[];
  const relationship = relationships.find((r) => r.relationshipName?.toLowerCase() === wanted);
  // A relationship to an object the org does not have is as unknown as a misspelt one.
  const child = relationship && org.metadata.get(relationship.childSObject.toLowerCase());
  if (!relationship || !child) {
    throw new QueryFault('INVALID_TYPE', `Didn't understand relationship '${sub.relationshipName}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`, sub.relationshipName, 'from');
  }
  const childType = child.describe.name;
  const columns = columnsOf(ctx, childType, sub.fields ?? []);
  const select = selection(ctx, childType, sub);
  const link = checkPath(org, childType, [relationship.field]).name;
  const offset = sub.offset ?? 0;
  const end = sub.limit !== undefined ? offset + sub.limit : undefined;
  // Children by parent id (15 characters: references may be stored either way), built once per query.
  let byParent: Map<string, SRecord[]> | undefined;
  const childrenOf = (parentId: string): SRecord[] => {
    if (!byParent) {
      byParent = new Map();
      for (const r of select()) {
        const id = r[link];
        if (typeof id !== 'string') continue;
        const list = byParent.get(id.slice(0, 15));
        if (list) list.push(r);
        else byParent.set(id.slice(0, 15), [r]);
      }
    }
    return (byParent.get(parentId.slice(0, 15)) ?? []).slice(offset, end);
  };
  return (out, parent) => {
    const rows = childrenOf(parent.Id);
    out[relationship.relationshipName!] = rows.length
      ? { totalSize: rows.length, done: true, records: rows.map((r) => project(ctx, childType, r, columns)) }
      : null;
  };
}

/**
 * `TYPEOF Who WHEN Contact THEN LastName, Email … ELSE Id END`: the parent as its actual object,
 * with the fields of the branch for that object (ELSE's when none); null when the lookup is empty.
 */
function typeofColumn(ctx: Context, type: string, f: FieldTypeOf): Column {
  const { org } = ctx;
  const lookup = relationshipField(org, type, f.field);
  if (!lookup) throw new QueryFault('INVALID_FIELD', noSuchColumn(f.field, type), f.field);
  const branches = f.conditions.map((c) => ({ objectType: c.type === 'WHEN' ? c.objectType!.toLowerCase() : null, paths: c.fieldList.map((name) => name.split('.')) }));
  // WHEN fields are checked on their object where the org has it; ELSE fields are read where they exist.
  for (const b of branches) if (b.objectType && org.metadata.has(b.objectType)) for (const path of b.paths) checkPath(org, b.objectType, path);
  const otherwise = branches.find((b) => !b.objectType);
  return (out, record) => {
    const id = record[lookup.name];
    const parent = typeof id === 'string' ? org.find(id) : undefined;
    if (!parent) {
      out[lookup.relationshipName!] = null;
      return;
    }
    const actual = org.typeOfId(parent.Id)!;
    const branch = branches.find((b) => b.objectType === actual.toLowerCase()) ?? otherwise;
    const nested: Record<string, unknown> = { attributes: attributes(actual, parent.Id, ctx.version) };
    for (const path of branch?.paths ?? []) writePath(org, actual, parent, path, nested, ctx.version);
    out[lookup.relationshipName!] = nested;
  };
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

type SortKey<T> = { get: (row: T) => unknown; desc: boolean; nullsLast: boolean };

/** ORDER BY as sort keys; `getter` reads one item's value off a row (a record or a group). */
function sortKeys<T>(orderBy: QueryBase['orderBy'], getter: (o: OrderByClause) => (row: T) => unknown): SortKey<T>[] {
  const list = Array.isArray(orderBy) ? orderBy : orderBy ? [orderBy] : [];
  return list.map((o) => {
    const desc = o.order?.toUpperCase() === 'DESC';
    return { get: getter(o), desc, nullsLast: o.nulls ? o.nulls.toUpperCase() === 'LAST' : desc };
  });
}

function sortBy<T>(rows: T[], keys: SortKey<T>[]): T[] {
  if (!keys.length) return rows;
  return rows.sort((a, b) => {
    for (const k of keys) {
      const va = k.get(a);
      const vb = k.get(b);
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

function page<T>(rows: T[], query: QueryBase): T[] {
  const offset = query.offset ?? 0;
  if (offset > 2000) throw ApiError.of(400, 'NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000');
  return rows.slice(offset, query.limit !== undefined ? offset + query.limit : undefined);
}

/**
 * WHERE and ORDER BY of a query (or subquery) on `type`, checked now; the returned function runs
 * them: the live (or, for queryAll, all) records that match, in order.
 */
function selection(ctx: Context, type: string, query: QueryBase, only?: (r: SRecord) => boolean, ordered = true): () => SRecord[] {
  const { org } = ctx;
  const expr = query.where ? buildExpr(tokens(query.where as WhereNode)) : null;
  if (expr && hasOr(expr) && hasSemiJoin(expr)) throw ApiError.of(400, 'MALFORMED_QUERY', "Semi join sub-selects are not allowed with the 'OR' operator");
  const where = expr ? compile(expr, (c: Condition) => (c.valueQuery ? semiJoin(ctx, type, c) : compileCondition(org, type, c))) : null;
  const keys = ordered
    ? sortKeys<SRecord>(query.orderBy, (o) => {
        if (!('field' in o) || !o.field) throw ApiError.of(400, 'MALFORMED_QUERY', 'ORDER BY supports fields only');
        return reader(org, type, o.field.split('.')).read;
      })
    : [];
  return () => {
    const rows: SRecord[] = [];
    for (const r of candidates(org, type, expr)) {
      if ((ctx.all || !r.IsDeleted) && (!where || where(r)) && (!only || only(r))) rows.push(r);
    }
    return sortBy(rows, keys);
  };
}

const hasOr = (e: Expr): boolean => e.op === 'OR' || (e.op !== 'COND' && (hasOr(e.a) || (e.op !== 'NOT' && hasOr(e.b))));
const hasSemiJoin = (e: Expr): boolean => (e.op === 'COND' ? !!e.cond.valueQuery : hasSemiJoin(e.a) || (e.op !== 'NOT' && hasSemiJoin(e.b)));
const isIdField = (f: FieldDescribe) => f.type === 'id' || f.type === 'reference';

/**
 * `AccountId IN (SELECT AccountId FROM Contact WHERE …)`: the sub-select reads one id or
 * reference field of its object, as Salesforce requires, and runs once per query (not per row).
 */
function semiJoin(ctx: Context, type: string, cond: Condition): (r: SRecord) => boolean {
  const sub = cond.valueQuery!;
  const op = cond.operator.toUpperCase();
  const meta = sub.sObject ? ctx.org.metadata.get(sub.sObject.toLowerCase()) : undefined;
  if (!meta) throw new QueryFault('INVALID_TYPE', `sObject type '${sub.sObject}' is not supported.`, sub.sObject ?? '', 'from');
  const only = sub.fields?.length === 1 && sub.fields[0]!.type === 'Field' ? sub.fields[0]!.field : undefined;
  if (!only) throw ApiError.of(400, 'MALFORMED_QUERY', 'semi join sub selects can only query one id field');
  const inner = reader(ctx.org, meta.describe.name, only.split('.'));
  if (!isIdField(inner.field) || only.includes('.')) throw new QueryFault('INVALID_FIELD', `semi join sub selects can only query id fields, cannot use: '${only}'`, only);
  const outer = reader(ctx.org, type, cond.field!.split('.'));
  if (!isIdField(outer.field)) throw new QueryFault('INVALID_FIELD', `semi join sub selects can only be used with id fields, cannot use: '${cond.field}'`, cond.field!);
  const rows = selection(ctx, meta.describe.name, sub, undefined, false);
  let ids: Set<string> | undefined;
  return (r) => {
    ids ??= new Set(rows().map(inner.read).filter((v): v is string => typeof v === 'string' && !!v).map((v) => v.slice(0, 15)));
    const have = outer.read(r);
    const within = typeof have === 'string' && ids.has(have.slice(0, 15));
    return op === 'NOT IN' ? !within : within;
  };
}

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);
const NUMERIC = new Set(['int', 'double', 'currency', 'percent']);
/** Types no aggregate function takes (Salesforce's table); SUM and AVG take numbers only. */
const NOT_AGGREGATABLE = new Set(['boolean', 'multipicklist', 'base64', 'address', 'location', 'anyType', 'encryptedstring']);

const isAggregateFn = (f: FieldType) => f.type === 'FieldFunctionExpression' && AGGREGATES.has(f.functionName.toUpperCase());
const isCountOnly = (f: FieldType) => f.type === 'FieldFunctionExpression' && f.functionName.toUpperCase() === 'COUNT' && !(f.parameters ?? []).length;

/** A describe for an aggregate's result, to type HAVING literals against it. */
const resultField = (type: string) => ({ name: 'expr', type }) as FieldDescribe;

/** One aggregate function (`COUNT(Id)`, `SUM(Amount)`…) as a reader of its value over a group's records. */
function aggregator(org: Org, type: string, fn: FunctionExp): { read: (rows: SRecord[]) => unknown; field: FieldDescribe } {
  const name = (fn.functionName ?? '').toUpperCase();
  const params = fn.parameters ?? [];
  if (!AGGREGATES.has(name) || params.length > 1 || typeof (params[0] ?? '') !== 'string') throw unsupported(`${fn.rawValue ?? name} in an aggregate query`);
  if (!params.length) {
    if (name !== 'COUNT') throw ApiError.of(400, 'MALFORMED_QUERY', `unexpected token: '${fn.rawValue ?? name}'`);
    return { read: (rows) => rows.length, field: resultField('int') };
  }
  const raw = params[0] as string;
  const { field, read } = reader(org, type, raw.split('.'));
  if (NOT_AGGREGATABLE.has(field.type) || ((name === 'SUM' || name === 'AVG') && !NUMERIC.has(field.type))) {
    throw new QueryFault('INVALID_FIELD', `field ${field.name} does not support aggregate operator ${name}`, raw);
  }
  const values = (rows: SRecord[]) => rows.map(read).filter((v) => v !== null && v !== '');
  const sum = (rows: SRecord[]) => (values(rows) as number[]).reduce((a, b) => a + b, 0);
  const extreme = (sign: 1 | -1) => (rows: SRecord[]) =>
    values(rows).reduce<unknown>((best, v) => (best === null || compare(v, best) * sign > 0 ? v : best), null);
  switch (name) {
    case 'COUNT': return { read: (rows) => values(rows).length, field: resultField('int') };
    // Distinct as SOQL compares text: ignoring case.
    case 'COUNT_DISTINCT': return { read: (rows) => new Set(values(rows).map((v) => (typeof v === 'string' ? v.toLowerCase() : v))).size, field: resultField('int') };
    case 'SUM': return { read: (rows) => (values(rows).length ? sum(rows) : null), field: resultField('double') };
    case 'AVG': return { read: (rows) => { const n = values(rows).length; return n ? sum(rows) / n : null; }, field: resultField('double') };
    case 'MIN': return { read: extreme(-1), field };
    default: return { read: extreme(1), field };
  }
}

/**
 * An aggregate query: one AggregateResult row per group (a single row without GROUP BY), with
 * the grouped fields by name and the aggregates by alias or expr0, expr1… in SELECT order.
 */
function aggregateQuery(ctx: Context, type: string, query: Query, records: () => SRecord[]): QueryResult {
  const { org } = ctx;
  const groupBy = Array.isArray(query.groupBy) ? query.groupBy : query.groupBy ? [query.groupBy] : [];
  const grouped = groupBy.map((g) => {
    if (!('field' in g)) throw unsupported(`GROUP BY ${g.fn.rawValue ?? g.fn.functionName}`);
    const { field, read } = reader(org, type, g.field.split('.'));
    if (field.groupable === false) throw new QueryFault('INVALID_FIELD', `field '${field.name}' can not be grouped in a query call`, g.field);
    return { key: g.field.toLowerCase(), read };
  });
  /** A grouped field's value in a group (all its records share it); else Salesforce's refusal. */
  const groupValue = (raw: string, what = 'Field'): ((group: SRecord[]) => unknown) => {
    const g = grouped.find((x) => x.key === raw.toLowerCase());
    if (!g) throw new QueryFault('MALFORMED_QUERY', `${what} must be grouped or aggregated: ${raw}`, raw);
    return (group) => g.read(group[0]);
  };

  let unnamed = 0;
  const outputs = (query.fields ?? []).map((f) => {
    if (f.type === 'Field' || f.type === 'FieldRelationship') {
      const path = f.type === 'Field' ? [f.field] : [...f.relationships, f.field];
      const alias = (f as { alias?: string }).alias;
      return { name: alias ?? checkPath(org, type, path).name, value: groupValue(path.join('.')) };
    }
    if (f.type === 'FieldFunctionExpression' && isAggregateFn(f)) return { name: f.alias ?? `expr${unnamed++}`, value: aggregator(org, type, f).read };
    throw unsupported(`${f.type === 'FieldFunctionExpression' ? (f.rawValue ?? f.functionName) : f.type} in an aggregate query`);
  });
  const havingLeaf = (c: Condition): ((group: SRecord[]) => boolean) => {
    const { read, field } = c.fn ? aggregator(org, type, c.fn) : { read: groupValue(c.field ?? ''), field: checkPath(org, type, (c.field ?? '').split('.')) };
    const test = compileTest(c, field, org.now());
    return (group) => test(read(group));
  };
  const having = query.having ? compile(buildExpr(tokens(query.having as WhereNode)), havingLeaf) : null;
  const keys = sortKeys<SRecord[]>(query.orderBy, (o) => ('fn' in o ? aggregator(org, type, o.fn).read : groupValue(o.field, 'Ordered field')));

  const rows = records();
  let groups: SRecord[][] = [rows];
  if (grouped.length) {
    // Text groups as SOQL compares it, ignoring case; the first record gives the group its value.
    const byKey = new Map<string, SRecord[]>();
    for (const r of rows) {
      const key = JSON.stringify(grouped.map((g) => { const v = g.read(r); return typeof v === 'string' ? v.toLowerCase() : v; }));
      const list = byKey.get(key);
      if (list) list.push(r);
      else byKey.set(key, [r]);
    }
    groups = [...byKey.values()];
  }
  const kept = page(sortBy(having ? groups.filter(having) : groups, keys), query);
  const out = kept.map((group) => {
    const record: Record<string, unknown> = { attributes: { type: 'AggregateResult' } };
    for (const o of outputs) record[o.name] = o.value(group);
    return record;
  });
  return { totalSize: out.length, done: true, records: out };
}

/** Runs one SOQL query against the org. `all` includes deleted records (queryAll). */
export function runQuery(
  org: Org,
  soql: string,
  { all = false, version = '62.0', only }: { all?: boolean; version?: string; only?: (r: SRecord) => boolean } = {},
): QueryResult {
  const query = parse(soql);
  try {
    return execute({ org, all, version }, query, only);
  } catch (error) {
    throw error instanceof QueryFault ? located(soql, error) : error;
  }
}

function execute(ctx: Context, query: Query, only?: (r: SRecord) => boolean): QueryResult {
  if (!query.sObject) throw ApiError.of(400, 'MALFORMED_QUERY', 'unexpected token: FROM');
  const meta = ctx.org.metadata.get(query.sObject.toLowerCase());
  if (!meta) {
    throw new QueryFault('INVALID_TYPE', `sObject type '${query.sObject}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`, query.sObject, 'from');
  }
  const type = meta.describe.name;
  const fields = query.fields ?? [];
  // COUNT() answers with the number of matches and no records.
  if (fields.some(isCountOnly)) {
    columnsOf(ctx, type, fields.filter((f) => !isCountOnly(f)));
    return { totalSize: selection(ctx, type, query, only, false)().length, done: true, records: [] };
  }
  if (query.groupBy || fields.some(isAggregateFn)) return aggregateQuery(ctx, type, query, selection(ctx, type, query, only, false));
  const columns = columnsOf(ctx, type, fields);
  const rows = page(selection(ctx, type, query, only)(), query);
  return { totalSize: rows.length, done: true, records: rows.map((r) => project(ctx, type, r, columns)) };
}
