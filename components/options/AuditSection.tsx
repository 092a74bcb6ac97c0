import { useEffect, useState } from 'preact/hooks';
import { auditCsv } from '@/utils/audit/csv';
import { AUDIT_DAYS, idbAuditLog } from '@/utils/audit/log';

/** Every write of the last 30 days (time, chat, object, id, fields sent, before/after), as CSV. */
export function AuditSection() {
  const [count, setCount] = useState<{ rows: number; unreadable: number } | null>(null);
  const log = idbAuditLog();
  useEffect(() => void log.read().then(({ rows, unreadable }) => setCount({ rows: rows.length, unreadable })), []);
  async function download() {
    const { rows, unreadable } = await log.read();
    setCount({ rows: rows.length, unreadable });
    const url = URL.createObjectURL(new Blob([auditCsv(rows)], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `salesforce-chat-audit-${new Date().toISOString().slice(0, 10)}.csv` });
    link.click();
    URL.revokeObjectURL(url);
  }
  return (
    <section id="audit">
      <h2>Audit log</h2>
      <p class="hint">Every record this browser wrote to Salesforce in the last {AUDIT_DAYS} days: time, chat, object, record id, the fields sent, and for updates the values before.</p>
      <div class="buttons">
        <button type="button" id="export-audit" onClick={download}>Export as CSV</button>
        <span class="hint" id="audit-count">{count === null ? '' : `${count.rows} write(s) kept${count.unreadable ? `; ${count.unreadable} row(s) could not be read and are left out of the export` : ''}`}</span>
      </div>
    </section>
  );
}
