import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { countOf } from '@/utils/i18n/locale';
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
      <h2>{i18n.t('options.audit.title')}</h2>
      <p class="hint">{i18n.t('options.audit.hint', { days: countOf(AUDIT_DAYS) })}</p>
      <div class="buttons">
        <button type="button" id="export-audit" onClick={download}>{i18n.t('options.audit.export')}</button>
        <span class="hint" id="audit-count">
          {count && i18n.t('options.audit.count', count.rows, { count: countOf(count.rows) })}
          {count?.unreadable ? <>{' '}{i18n.t('options.audit.unreadable', count.unreadable, { count: countOf(count.unreadable) })}</> : null}
        </span>
      </div>
    </section>
  );
}
