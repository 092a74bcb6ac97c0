/**
 * SOSL: `FIND {terms} IN <scope> FIELDS RETURNING Object(fields WHERE … ORDER BY … LIMIT n), …`
 * with Salesforce's reserved-character rules, word/phrase/wildcard matching that ignores case
 * and accents, and phone matching on digits only ("+1 (415) 555-0100" finds "4155550100").
 */
import { ApiError } from './errors';
import type { FieldDescribe } from './metadata/fields';
import type { Org, SRecord } from './org';
import { runQuery } from './soql';

type Scope = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE' | 'SIDEBAR';
type Term = { text: string; phrase: boolean; not?: boolean; words?: string[]; digits?: string };
/** Terms a record must all have (AND, implied between words), any group of which may match (OR). */
type Terms = Term[][];

const RESERVED = new Set(['&', '|', '!', '{', '}', '[', ']', '(', ')', '^', '~', ':', '\\', "'", '+']);
const SEARCHABLE = ['Contact', 'Lead', 'Account', 'Case'];
const TEXT_TYPES = new Set(['string', 'email', 'phone', 'textarea', 'url', 'picklist', 'combobox']);

const malformed = (message: string) => ApiError.of(400, 'MALFORMED_SEARCH', message);

/** Splits the text between the braces into terms: AND is implied between them, OR starts another group, AND NOT excludes. */
function parseTerms(raw: string): Terms {
  const groups: Terms = [[]];
  let current = '';
  let phrase = false;
  let inQuotes = false;
  let not = false;
  const push = () => {
    const text = current.trim();
    current = '';
    if (text && !phrase && text === 'OR') groups.push([]);
    else if (text && !phrase && text === 'NOT') not = true;
    else if (text && !(!phrase && text === 'AND')) {
      groups.at(-1)!.push({ text, phrase, ...(not ? { not } : {}) });
      not = false;
    }
    phrase = false;
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      const next = raw[++i];
      if (next === undefined) throw malformed('line 1:0 no viable alternative at character \'\\\'');
      current += next === '*' || next === '?' ? `\\${next}` : next;
    } else if (c === '"') {
      if (inQuotes) push();
      else push();
      inQuotes = !inQuotes;
      phrase = inQuotes;
    } else if (!inQuotes && /\s/.test(c)) push();
    else if (RESERVED.has(c)) throw malformed(`line 1:${i + 6} mismatched character '${c}' expecting '}'`);
    else current += c;
  }
  if (inQuotes) throw malformed('line 1:0 mismatched character \'<EOF>\' expecting \'"\'');
  push();
  const terms = groups.filter((g) => g.length);
  if (!terms.length) throw malformed('search term must be longer than one character');
  return terms;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s: string) => fold(s).split(/[^\p{L}\p{N}*?\\]+/u).filter(Boolean);
const digits = (s: string) => s.replace(/\D/g, '');

function wordMatches(pattern: string, word: string): boolean {
  if (!/(?<!\\)[*?]/.test(pattern)) return pattern.replace(/\\/g, '') === word;
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') re += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'u').test(word);
}

function textMatches(term: Term, value: string): boolean {
  const want = (term.words ??= words(term.text));
  const have = words(value);
  if (!want.length) return false;
  for (let start = 0; start + want.length <= have.length; start++) {
    if (want.every((w, i) => wordMatches(w, have[start + i]!))) return true;
  }
  return false;
}

function phoneMatches(term: Term, value: string): boolean {
  const a = (term.digits ??= digits(term.text));
  const b = digits(value);
  if (a.length < 5 || b.length < 5) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.endsWith(short) && short.length >= Math.min(7, long.length);
}

function scopeFields(fields: FieldDescribe[], scope: Scope): FieldDescribe[] {
  switch (scope) {
    case 'EMAIL': return fields.filter((f) => f.type === 'email');
    case 'PHONE': return fields.filter((f) => f.type === 'phone');
    case 'NAME': return fields.filter((f) => f.nameField || ['FirstName', 'LastName', 'Company'].includes(f.name));
    default: return fields.filter((f) => TEXT_TYPES.has(f.type) && f.name !== 'Id');
  }
}

function recordMatches(record: SRecord, fields: FieldDescribe[], terms: Terms): boolean {
  const has = (term: Term) =>
    fields.some((f) => {
      const value = record[f.name];
      if (typeof value !== 'string' || !value) return false;
      if (f.type === 'phone' && phoneMatches(term, value)) return true;
      return textMatches(term, value);
    });
  return terms.some((group) => group.every((term) => (term.not ? !has(term) : has(term))));
}

/** Splits on commas that are not inside parentheses or quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && quoted) {
      current += c + (text[++i] ?? '');
      continue;
    }
    if (c === "'") quoted = !quoted;
    if (!quoted && c === '(') depth++;
    if (!quoted && c === ')') depth--;
    if (!quoted && depth === 0 && c === ',') {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** Runs one SOSL search. */
export function runSearch(org: Org, sosl: string, version = '62.0'): { searchRecords: Record<string, unknown>[] } {
  const head = /^\s*FIND\s*\{/i.exec(sosl);
  if (!head) throw malformed(`line 1:0 no viable alternative at character '${sosl.slice(0, 1)}'`);
  let i = head[0].length;
  let raw = '';
  for (; i < sosl.length && sosl[i] !== '}'; i++) {
    raw += sosl[i];
    if (sosl[i] === '\\') raw += sosl[++i] ?? '';
  }
  if (sosl[i] !== '}') throw malformed("line 1:0 mismatched character '<EOF>' expecting '}'");
  const terms = parseTerms(raw);
  if (terms.flat().every((t) => t.text.replace(/[*?\\]/g, '').length < 2)) throw malformed('search term must be longer than one character');
  let rest = sosl.slice(i + 1).trim();

  let scope: Scope = 'ALL';
  const inMatch = /^IN\s+(ALL|NAME|EMAIL|PHONE|SIDEBAR)\s+FIELDS\b/i.exec(rest);
  if (inMatch) {
    scope = inMatch[1]!.toUpperCase() as Scope;
    rest = rest.slice(inMatch[0].length).trim();
  }
  let targets: { type: string; inner: string | null }[] = SEARCHABLE.map((type) => ({ type, inner: null }));
  let overallLimit = 2000;
  const limitMatch = /\bLIMIT\s+(\d+)\s*$/i.exec(rest);
  const returning = /^RETURNING\s+/i.exec(rest);
  if (returning) {
    let clause = rest.slice(returning[0].length);
    // A trailing LIMIT outside the parentheses caps the whole search.
    const tail = /\)\s*LIMIT\s+(\d+)\s*$|^[^()]*\bLIMIT\s+(\d+)\s*$/i.exec(clause);
    if (tail) {
      overallLimit = Number(tail[1] ?? tail[2]);
      clause = clause.slice(0, tail.index + (tail[1] ? 1 : 0));
    }
    targets = splitTopLevel(clause).map((part) => {
      const m = /^(\w+)\s*(?:\(([\s\S]*)\))?$/.exec(part);
      if (!m) throw malformed(`unexpected token: '${part.slice(0, 40)}'`);
      return { type: m[1]!, inner: m[2] ?? null };
    });
  } else if (limitMatch) overallLimit = Number(limitMatch[1]);
  else if (rest) throw malformed(`unexpected token: '${rest.slice(0, 40)}'`);

  const searchRecords: Record<string, unknown>[] = [];
  for (const target of targets) {
    const describe = org.object(target.type);
    const fields = scopeFields(describe.fields, scope);
    const inner = target.inner?.trim() ?? '';
    const clauseAt = inner.search(/\b(WHERE|ORDER\s+BY|LIMIT|OFFSET)\b/i);
    const select = (clauseAt >= 0 ? inner.slice(0, clauseAt) : inner).trim().replace(/,\s*$/, '') || 'Id';
    const tailSoql = clauseAt >= 0 ? inner.slice(clauseAt) : '';
    const result = runQuery(org, `SELECT ${select} FROM ${describe.name} ${tailSoql}`, {
      version,
      only: (r) => recordMatches(r, fields, terms),
    });
    searchRecords.push(...result.records);
  }
  return { searchRecords: searchRecords.slice(0, overallLimit) };
}
