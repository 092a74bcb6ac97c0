import { i18n } from '#i18n';

/** The standard objects the extension writes, in the agent's language. */
export function objectName(object: string): string {
  switch (object) {
    case 'Contact': return i18n.t('common.object.Contact');
    case 'Lead': return i18n.t('common.object.Lead');
    case 'Account': return i18n.t('common.object.Account');
    case 'Case': return i18n.t('common.object.Case');
    case 'Task': return i18n.t('common.object.Task');
    case 'User': return i18n.t('common.object.User');
    default: return object;
  }
}
