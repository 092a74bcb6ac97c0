import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditCsv, csvCell } from '@/utils/audit/csv';
import { AUDIT_DAYS, idbAuditLog, type AuditEntry } from '@/utils/audit/log';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 12);
const write = (at: number, over: Partial<AuditEntry> = {}): AuditEntry => ({ at, chatId: 'chat-1', object: 'Case', id: '500X', method: 'POST', fields: { Subject: 'Chat with Ada' }, ...over });

describe('the audit log', () => {
  it('keeps every write for 30 days, oldest first, and drops what is older', async () => {
    const log = idbAuditLog();
    await log.add([write(NOW - (AUDIT_DAYS + 1) * DAY, { id: 'old' }), write(NOW - 2 * DAY, { id: 'recent' })], NOW - 2 * DAY);
    await log.add([write(NOW, { id: 'today' })], NOW);
    expect((await log.all()).map((e) => e.id)).toEqual(['recent', 'today']);
  });

  it('keeps long text (a transcript) as its length and hash, not the text; short values as they were', async () => {
    const log = idbAuditLog();
    const transcript = `Visitor: my card ends 4242\n${'x'.repeat(600)}`;
    await log.add([write(NOW, { fields: { Subject: 'Chat with Ada', Description: transcript }, method: 'PATCH', before: { Description: transcript.slice(0, 300) } })], NOW);
    const kept = (await log.all()).find((e) => e.fields.Description);
    expect(kept!.fields.Subject).toBe('Chat with Ada');
    expect(kept!.fields.Description).toEqual({ length: transcript.length, sha256: createHash('sha256').update(transcript).digest('hex') });
    expect(kept!.before!.Description).toMatchObject({ length: 300 });
    expect(JSON.stringify(kept)).not.toContain('4242');
  });

  it('reads back only rows that are audit rows, and says how many are not (kept, never exported as if whole)', async () => {
    const log = idbAuditLog();
    await log.add([write(NOW, { id: 'readable-row' })], NOW);
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('sf-panel-audit');
      open.onsuccess = () => resolve(open.result);
    });
    await new Promise((resolve) => {
      const tx = db.transaction('writes', 'readwrite');
      tx.objectStore('writes').add({ at: NOW, object: 'Case', fields: 'not an object' });
      tx.oncomplete = resolve;
    });
    db.close();
    const { rows, unreadable } = await log.read();
    expect(rows.some((r) => r.id === 'readable-row')).toBe(true);
    expect(unreadable).toBe(1);
    expect(() => auditCsv(rows)).not.toThrow();
  });

  it('exports CSV with before and after for updates, and hostile visitor text kept inert', () => {
    const csv = auditCsv([
      write(NOW, { fields: { Subject: '=HYPERLINK("http://evil")', Description: 'say "hi",\nbye' } }),
      write(NOW, { object: 'Contact', id: '003X', method: 'PATCH', fields: { Phone: '+14155550100' }, before: { Phone: null } }),
    ]);
    const [header, create, update] = csv.trimEnd().split('\r\n');
    expect(header).toBe('"time","chat","object","record id","operation","fields sent","before","after","not written"');
    expect(create).toContain('"2026-11-23T12:00:00.000Z","chat-1","Case","500X","create"');
    expect(create).toContain('""Subject"":""=HYPERLINK(\\""http://evil\\"")""'); // inside JSON: not at the cell's start
    expect(update).toBe('"2026-11-23T12:00:00.000Z","chat-1","Contact","003X","update","{""Phone"":""+14155550100""}","{""Phone"":null}","{""Phone"":""+14155550100""}",""');
    expect(csvCell('=1+1')).toBe('"\'=1+1"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
  });

  it('says per record what the chat had that was not written, and names a removed copy a delete', () => {
    const csv = auditCsv([
      write(NOW, { object: 'Contact', id: '003X', skipped: [{ field: 'Email', reason: "longer than the field's 80 characters: aaaa…" }, { field: 'Birthdate', reason: 'not a date: soon' }] }),
      write(NOW, { id: '500Y', method: 'DELETE', fields: { reason: 'a second copy' } }),
    ]);
    const [, contact, removed] = csv.trimEnd().split('\r\n');
    expect(contact).toMatch(/,"Email: longer than the field's 80 characters: aaaa…; Birthdate: not a date: soon"$/);
    expect(removed).toContain('"500Y","delete"');
  });
});
