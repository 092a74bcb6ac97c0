import { i18n } from '#i18n';
import { automaticWords } from '@/components/text/actions';
import { objectName } from '@/components/text/objects';
import { AUTO_ACTION_NAMES, type AutoAction } from '@/utils/plan/actions';
import { LOGIN_HOSTS, NO_MATCH, OTHER_PEOPLE, OWNERS, STRATEGIES, THEMES, TRIGGERS, USERS } from '@/utils/settings/schema';

// The options page's choices and setting names in the admin's language: the sections show them,
// and an error about a setting names it and its choices the same way.

export type Trigger = (typeof TRIGGERS)[number];
export function triggerWords(trigger: Trigger): string {
  switch (trigger) {
    case 'ended': return i18n.t('options.automation.trigger.ended');
    case 'offline': return i18n.t('options.automation.trigger.offline');
    case 'started': return i18n.t('options.automation.trigger.started');
  }
}

export function strategyWords(strategy: (typeof STRATEGIES)[number]): string {
  switch (strategy) {
    case 'none': return i18n.t('options.automation.strategy.none');
    case 'overwrite': return i18n.t('options.automation.strategy.overwrite');
    case 'fillBlank': return i18n.t('options.automation.strategy.fillBlank');
  }
}

export function noMatchWords(noMatch: (typeof NO_MATCH)[number]): string {
  return noMatch === 'create' ? i18n.t('options.automation.noMatch.create') : i18n.t('options.automation.noMatch.nothing');
}

export function loginHostWords(host: (typeof LOGIN_HOSTS)[number]): string {
  switch (host) {
    case 'production': return i18n.t('options.connection.loginHost.production');
    case 'sandbox': return i18n.t('options.connection.loginHost.sandbox');
    case 'myDomain': return i18n.t('options.connection.loginHost.myDomain');
  }
}

export function userWords(user: (typeof USERS)[number]): string {
  return user === 'agent' ? i18n.t('options.connection.user.agent') : i18n.t('options.connection.user.integration');
}

export function otherPeopleWords(choice: (typeof OTHER_PEOPLE)[number]): string {
  return choice === 'primary' ? i18n.t('options.records.otherPeople.primary') : i18n.t('options.records.otherPeople.taskEach');
}

export function ownerWords(owner: (typeof OWNERS)[number]): string {
  return owner === 'agent' ? i18n.t('options.records.owner.agent') : i18n.t('options.records.owner.connectedUser');
}

export function themeWords(theme: (typeof THEMES)[number]): string {
  switch (theme) {
    case 'system': return i18n.t('options.general.theme.system');
    case 'light': return i18n.t('options.general.theme.light');
    case 'dark': return i18n.t('options.general.theme.dark');
  }
}

const among = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/**
 * One choice of a setting as the page offers it ("Create a case only"), by the setting and the
 * key inside it that takes the choice; null when the page has no words for it.
 */
export function choiceWords(setting: string, key: string | undefined, value: string): string | null {
  const [section] = setting.split('.');
  if (section === 'automation') {
    if (key === 'action' && among<AutoAction>(AUTO_ACTION_NAMES, value)) return automaticWords(value);
    if (key === 'strategy' && among(STRATEGIES, value)) return strategyWords(value);
    if (key === 'noMatch' && among(NO_MATCH, value)) return noMatchWords(value);
    return null;
  }
  if (key !== undefined) return null;
  switch (setting) {
    case 'connection.loginHost': return among(LOGIN_HOSTS, value) ? loginHostWords(value) : null;
    case 'connection.user': return among(USERS, value) ? userWords(value) : null;
    case 'records.otherPeople': return among(OTHER_PEOPLE, value) ? otherPeopleWords(value) : null;
    case 'records.owner': return among(OWNERS, value) ? ownerWords(value) : null;
    case 'general.theme': return among(THEMES, value) ? themeWords(value) : null;
    default: return null;
  }
}

/** A setting's name as its label on the page says it ("connection.clientId" → "Connected app consumer key (client id)"); null for one the page does not know. */
export function settingName(setting: string): string | null {
  const [section, key = ''] = setting.split('.');
  switch (section) {
    case 'identification':
      switch (key) {
        case 'contacts': return i18n.t('options.identification.nameOf', { objects: i18n.t('options.identification.contacts') });
        case 'leads': return i18n.t('options.identification.nameOf', { objects: i18n.t('options.identification.leads') });
        case 'accounts': return i18n.t('options.identification.nameOf', { objects: i18n.t('options.identification.accounts') });
        default: return null;
      }
    case 'mapping':
      return ['Contact', 'Lead', 'Account', 'Case', 'Task'].includes(key) ? i18n.t('options.mapping.fields', { object: objectName(key) }) : null;
    case 'automation':
      return among(TRIGGERS, key) ? triggerWords(key) : null;
  }
  switch (setting) {
    case 'connection.loginHost': return i18n.t('options.connection.loginHost.label');
    case 'connection.myDomain': return i18n.t('options.connection.myDomain');
    case 'connection.clientId': return i18n.t('options.connection.clientId');
    case 'connection.clientSecret': return i18n.t('options.connection.clientSecret.label');
    case 'connection.user': return i18n.t('options.connection.user.label');
    case 'records.task': return i18n.t('options.records.task.label');
    case 'records.case': return i18n.t('options.records.case.label');
    case 'records.description': return i18n.t('options.records.description.label');
    case 'records.requireAccount': return i18n.t('options.records.requireAccount.label');
    case 'records.otherPeople': return i18n.t('options.records.otherPeople.label');
    case 'records.owner': return i18n.t('options.records.owner.label');
    case 'wrapUp.enabled': return i18n.t('options.wrapUp.enabled');
    case 'wrapUp.seconds': return i18n.t('options.wrapUp.seconds.label');
    case 'wrapUp.dispositionField': return i18n.t('options.wrapUp.dispositionField.label');
    case 'wrapUp.dispositions': return i18n.t('options.wrapUp.dispositions.label');
    case 'general.phoneRegion': return i18n.t('options.general.phoneRegion.label');
    case 'general.apiBudgetPercent': return i18n.t('options.general.apiBudgetPercent');
    case 'general.keepWrittenDays': return i18n.t('options.general.keepWrittenDays.label');
    case 'general.theme': return i18n.t('options.general.theme.label');
    case 'consoles.builtIn': return i18n.t('options.consoles.builtIn');
    case 'consoles.custom':
    case 'consoles.customJson': return i18n.t('options.consoles.custom');
    default: return null;
  }
}

/** A key inside a setting ("subject" of records.task), as the page labels it; null when it has no words. */
export function partName(setting: string, key: string): string | null {
  switch (key) {
    case 'action': return i18n.t('options.errors.part.action');
    case 'strategy': return i18n.t('options.errors.part.strategy');
    case 'noMatch': return i18n.t('options.errors.part.noMatch');
    case 'chatField': return i18n.t('options.errors.part.chatField');
    case 'sfField': return i18n.t('options.errors.part.sfField');
    case 'display': return i18n.t('options.errors.part.display');
    case 'enabled': return i18n.t('options.errors.part.enabled');
    case 'matches': return i18n.t('options.errors.part.matches');
    case 'subject': return i18n.t('options.records.task.subject');
    case 'dueInDays': return i18n.t('options.records.task.dueInDays');
    case 'status': return setting === 'records.case' ? i18n.t('options.records.case.status') : i18n.t('options.records.task.status');
    case 'priority': return setting === 'records.case' ? i18n.t('options.records.case.priority') : i18n.t('options.records.task.priority');
    case 'origin': return i18n.t('options.records.case.origin');
    default: return null;
  }
}
