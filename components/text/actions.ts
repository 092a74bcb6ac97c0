import { i18n } from '#i18n';
import type { AutoAction } from '@/utils/plan/actions';

/** An action as the options page offers it for a trigger ("Create a case only"). */
export function automaticWords(action: AutoAction): string {
  switch (action) {
    case 'contactCase': return i18n.t('actions.contactCase.automatic');
    case 'contactTask': return i18n.t('actions.contactTask.automatic');
    case 'case': return i18n.t('actions.case.automatic');
    case 'leadTask': return i18n.t('actions.leadTask.automatic');
    case 'nothing': return i18n.t('actions.nothing');
  }
}

/** An action as the panel's button says it when nobody matched ("Create Contact & Attach Case"). */
export function manualWords(action: Exclude<AutoAction, 'nothing'>): string {
  switch (action) {
    case 'contactCase': return i18n.t('actions.contactCase.manual');
    case 'contactTask': return i18n.t('actions.contactTask.manual');
    case 'case': return i18n.t('actions.case.manual');
    case 'leadTask': return i18n.t('actions.leadTask.manual');
  }
}
