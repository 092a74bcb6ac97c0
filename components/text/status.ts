import { i18n } from '#i18n';
import type { SalesforceStatus } from '@/utils/messages/protocol';

/** A connection state that is not "connected", in one sentence (the banner's text, the status dot's label). */
export function statusWords(status: Exclude<SalesforceStatus, { state: 'connected' }>): string {
  switch (status.state) {
    case 'not_connected': return i18n.t('panel.status.notConnected');
    case 'session_expired': return i18n.t('panel.status.sessionExpired');
    case 'over_limit': return i18n.t('panel.status.overLimit');
    case 'unreachable': return i18n.t('panel.status.unreachable', { detail: status.message });
  }
}
