/**
 * Every write a chat can make (seed 000's four automatic actions, which the agent can also choose
 * in the panel): who it goes to and the record it creates. The settings, the protocol, the panel's
 * buttons and forms, and the plans all derive from this one table; their words are in the locales
 * (components/text/actions.ts).
 */
export const ACTIONS = {
  /** The person the record goes to: the found one, else a new one of this type (none: the record alone). */
  contactCase: { person: 'Contact', record: 'Case' },
  contactTask: { person: 'Contact', record: 'Task' },
  case: { person: null, record: 'Case' },
  // A lead task goes to a found contact rather than creating a lead beside it.
  leadTask: { person: 'Lead', record: 'Task' },
} as const satisfies Record<string, { person: 'Contact' | 'Lead' | null; record: 'Case' | 'Task' }>;

export type ManualActionName = keyof typeof ACTIONS;
/** The actions by name, in the order the panel and options page offer them. */
export const ACTION_NAMES = Object.keys(ACTIONS) as [ManualActionName, ...ManualActionName[]];
/** The order the agent console offers them in when nobody matched (seed 000's "Manually"; the options page takes the table's). */
export const PANEL_ORDER: readonly ManualActionName[] = ['leadTask', 'case', 'contactCase', 'contactTask'];
/** What is written on its own per trigger: an action, or nothing. */
export type AutoAction = ManualActionName | 'nothing';
export const AUTO_ACTION_NAMES = [...ACTION_NAMES, 'nothing'] as [...typeof ACTION_NAMES, 'nothing'];

/** The record an action creates (Case or Task). */
export const recordOf = (action: ManualActionName) => ACTIONS[action].record;
/** The person an action creates when nobody matched (null: the record alone). */
export const personOf = (action: ManualActionName) => ACTIONS[action].person;
