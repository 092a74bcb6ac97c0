import { i18n } from '#i18n';
import { listOf } from '@/utils/i18n/locale';
import type { ConsoleHealth } from '@/utils/adapters/health';

/** What the agent is told of a console that is not fully recognised (null: nothing to say). */
export function healthWords(health: ConsoleHealth | null | undefined): { title: string; detail: string } | null {
  if (!health || (health.state !== 'partly' && health.state !== 'not_recognised')) return null;
  const detail = [
    i18n.t('health.changed', { console: health.console }),
    ...(health.failing.length ? [i18n.t('health.failing', { parts: listOf(health.failing) })] : []),
    ...(health.state === 'not_recognised' ? [i18n.t('health.adminFix')] : []),
  ].join(' ');
  return { title: i18n.t(health.state === 'not_recognised' ? 'health.notRecognised' : 'health.partly'), detail };
}
