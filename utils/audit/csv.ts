import type { AuditEntry } from './log';

/**
 * A CSV cell: quoted, quotes doubled, and text a spreadsheet would run as a formula (=, +, -, @,
 * tab, CR) prefixed with ' — visitor data is hostile, and admins open this file in Excel.
 */
export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const COLUMNS = ['time', 'chat', 'object', 'record id', 'operation', 'fields sent', 'before', 'after', 'not written'] as const;
const OPERATION = { POST: 'create', PATCH: 'update', DELETE: 'delete' } as const;

/** The audit log as CSV (UTF-8, CRLF rows, one header row). */
export function auditCsv(entries: AuditEntry[]): string {
  const rows = entries.map((e) => [
    new Date(e.at).toISOString(), e.chatId ?? '', e.object, e.id, OPERATION[e.method],
    e.fields, e.method === 'PATCH' ? (e.before ?? {}) : '', e.method === 'PATCH' ? e.fields : '',
    (e.skipped ?? []).map((s) => `${s.field}: ${s.reason}`).join('; '),
  ]);
  return [COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
