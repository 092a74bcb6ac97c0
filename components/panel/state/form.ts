import { signal } from '@preact/signals';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import type { FieldValue } from '@/utils/mapping/display';
import { newRecordProblems } from '@/utils/mapping/validate';
import type { FieldMeta } from '@/utils/salesforce/describe';
import type { FormSection, ManualAction } from '@/utils/messages/protocol';
import { personOf, recordOf } from '@/utils/plan/actions';
import { describeProblem } from './connection';
import { recheck } from './edit';
import type { IdentitySlice } from './identity';
import type { PanelSources } from './sources';
import { i18n } from '#i18n';
import { objectName } from '@/components/text/objects';
import type { AttachedCase, Linked, Person, WritesSlice } from './writes';

/** A form for a new record: the contact or lead now, or the case or task written at chat end. */
export type FormState = {
  chatId: string;
  action: ManualAction;
  object: 'Contact' | 'Lead' | 'Case' | 'Task';
  label: string;
  sections: FormSection[];
  values: Record<string, FieldValue>;
  /** What the chat filled in when the form opened: a case or task written at chat end takes the chat as it is then, and the agent's edits over it. */
  initial: Record<string, FieldValue>;
  /** The names of the records the lookup fields point to, as the agent picked them. */
  lookupNames: Record<string, string>;
  problems: Record<string, string>;
  showAll: boolean;
  /** The fields shown before "show all": fixed when the form opens, so a field being cleared stays put. */
  shown: string[];
  /** Fields the form fills that the org's layout does not show: written all the same, and said. */
  offLayout: { name: string; label: string }[];
  /** Where the org has several record types for the object: which, and the one chosen. */
  recordTypes: { id: string; name: string; default: boolean }[];
  recordTypeId: string | null;
  saving: boolean;
  message?: string;
  duplicates: { object: string; id: string }[];
  person?: Person;
  /** The account the new records go under when there is no person yet (the account shown). */
  account?: Linked;
};
/**
 * The lookups a new record's form fills: a contact under the account; a case on the person and
 * their account; a task on the person, related to the chat's case else the account (Salesforce
 * relates a lead's task to nothing else).
 */
export function formLinks(object: FormState['object'], person: Person | undefined, account: Linked | undefined, chatCase: AttachedCase | undefined): Record<string, Linked> {
  const links: Record<string, Linked> = {};
  if (object === 'Contact' && account) links.AccountId = account;
  if (object === 'Case') {
    if (person?.type === 'Contact') links.ContactId = { id: person.id, name: person.name };
    if (account) links.AccountId = account;
  }
  if (object === 'Task') {
    if (person) links.WhoId = { id: person.id, name: person.name };
    const what = chatCase ? { id: chatCase.id, name: `${objectName('Case')} ${chatCase.number}` } : person?.type === 'Lead' ? undefined : account;
    if (what) links.WhatId = what;
    if (chatCase && person?.type === 'Lead') delete links.WhoId;
  }
  return links;
}

/** What a form shows before "show all fields": the required fields and those the chat filled. */
function initiallyShown(sections: FormSection[], values: Record<string, FieldValue>): string[] {
  return sections.flatMap((s) => s.fields).filter((f) => f.required || (values[f.name] !== undefined && values[f.name] !== null && values[f.name] !== '')).map((f) => f.name);
}

export function shownByDefault(state: FormState, name: string): boolean {
  return state.shown.includes(name) || name in state.problems;
}

/**
 * A new record by hand: the person first when the chat has none, then the case or task, which
 * waits for the chat's end (or is created now). Creating a person shows it as the chat's record.
 */
export function formSlice(sources: PanelSources, identity: Pick<IdentitySlice, 'pick' | 'identify'>, { writes, attached }: Pick<WritesSlice, 'writes' | 'attached'>) {
  const { pick, identify } = identity;
  const form = signal<FormState | null>(null);

  /** Opens the form of one object of an action, filled from the mapping (and what the agent set before). */
  async function openForm(snapshot: ChatSnapshot, action: ManualAction, object: FormState['object'], person?: Person, values?: Record<string, FieldValue>, recordTypeId?: string | null, account?: Linked) {
    if (!sources.openForm) return;
    const before = form.value?.chatId === snapshot.chatId && form.value.object === object ? form.value : null;
    form.value = { chatId: snapshot.chatId, action, object, label: object, sections: [], values: {}, initial: {}, lookupNames: {}, problems: {}, showAll: before?.showAll ?? false, shown: [], offLayout: [], recordTypes: [], recordTypeId: null, saving: true, duplicates: [], person, account, ...(before ? { label: before.label, sections: before.sections } : {}) };
    try {
      const wanted = recordTypeId ?? (typeof values?.RecordTypeId === 'string' ? values.RecordTypeId : undefined);
      const answer = await sources.openForm({ snapshot, action, object, recordTypeId: wanted });
      // What the agent typed stays, but not a picklist value the new record type does not offer.
      const offered = (name: string, value: FieldValue) => {
        const field = answer.state === 'form' ? answer.sections.flatMap((s) => s.fields).find((f) => f.name === name) : undefined;
        return !field || !field.picklistValues.length || field.picklistValues.some((p) => p.value === value);
      };
      const kept = Object.fromEntries(Object.entries(values ?? {}).filter(([name, value]) => name !== 'RecordTypeId' && offered(name, value)));
      // The records go to the chat's person, their account and the chat's case: the form shows them in its lookups.
      const links = formLinks(object, person, person?.account ?? account, attached.value[snapshot.chatId]);
      const filled = { ...answer.state === 'form' ? answer.initial : {}, ...Object.fromEntries(Object.entries(links).map(([f, l]) => [f, l.id])), ...kept };
      const linkName = Object.fromEntries(Object.entries(links).flatMap(([f, l]) => (l.name ? [[f, l.name]] : [])));
      form.value = answer.state === 'form'
        ? { ...form.value, label: answer.label, sections: answer.sections, values: filled, initial: answer.initial, lookupNames: { ...answer.names, ...linkName, ...before?.lookupNames }, shown: initiallyShown(answer.sections, filled), offLayout: answer.offLayout, recordTypes: answer.recordTypes, recordTypeId: answer.recordTypeId, saving: false }
        : { ...form.value, saving: false, message: answer.message };
    } catch (error) {
      form.value = { ...form.value, saving: false, message: describeProblem(error) };
    }
  }

  /** The first form of an action: the person to create, or straight the case or task. */
  async function startForm(snapshot: ChatSnapshot, action: ManualAction, person?: Person, account?: Linked) {
    // The person first when there is none yet; else straight the case or task.
    const first: FormState['object'] = person ? recordOf(action) : personOf(action) ?? recordOf(action);
    const again = writes.value[snapshot.chatId];
    await openForm(snapshot, action, first, person, again?.item.state === 'waiting' ? again.overrides : undefined, undefined, account);
  }

  /** The person exists (created now, or the duplicate the agent chose): on to the case or task. */
  async function withPerson(snapshot: ChatSnapshot, instanceUrl: string, state: FormState, person: Person) {
    pick(snapshot.chatId, { instanceUrl, fields: {}, record: { type: person.type, id: person.id, name: person.name, matched: ['created'] } });
    // Identification finds the new record (with its fields) when the rules match it.
    void identify(snapshot, true);
    // A contact made under the account: its case and task go under it too.
    const account = person.type === 'Contact' && typeof state.values.AccountId === 'string' ? { id: state.values.AccountId, name: state.lookupNames.AccountId } : undefined;
    await openForm(snapshot, state.action, recordOf(state.action), { ...person, ...(account ? { account } : {}) });
  }

  /** The form's filled values, and the form marked saving; null (problems shown) when describe refuses some. */
  function startSaving(state: FormState): Record<string, FieldValue> | null {
    const problems = newRecordProblems(state.sections.flatMap((s) => s.fields), state.values);
    if (Object.keys(problems).length) {
      form.value = { ...state, problems, message: i18n.t('panel.form.fillMarked'), showAll: state.showAll || Object.keys(problems).some((n) => !shownByDefault(state, n)) };
      return null;
    }
    form.value = { ...state, saving: true, message: undefined };
    return Object.fromEntries(Object.entries(state.values).filter(([, v]) => v !== null && v !== ''));
  }

  async function submitForm(snapshot: ChatSnapshot, instanceUrl: string) {
    const state = form.value;
    if (!state || state.saving) return;
    const values = startSaving(state);
    if (!values) return;
    try {
      if (state.object === 'Contact' || state.object === 'Lead') {
        const answer = await sources.create!({ type: state.object, values });
        if (answer.state === 'created') return await withPerson(snapshot, instanceUrl, state, { type: state.object, id: answer.id, name: answer.name });
        form.value = answer.state === 'refused'
          ? { ...state, saving: false, problems: answer.fields, duplicates: answer.duplicates, message: answer.message ?? i18n.t('panel.form.notCreated') }
          : { ...state, saving: false, message: answer.message };
        return;
      }
      // Only what the agent changed: the rest (the transcript above all) is taken from the chat when it ends.
      // (The record type is the agent's pick whichever it is.)
      const edited = Object.fromEntries(Object.entries(values).filter(([k, v]) => k === 'RecordTypeId' || state.initial[k] !== v));
      const item = await sources.plan!({ snapshot, action: state.action, person: state.person ? { type: state.person.type, id: state.person.id } : undefined, overrides: edited });
      writes.value = { ...writes.value, [snapshot.chatId]: { item, instanceUrl, person: state.person, overrides: edited } };
      form.value = null;
    } catch (error) {
      form.value = { ...state, saving: false, message: describeProblem(error) };
    }
  }

  async function createNow(snapshot: ChatSnapshot, instanceUrl: string) {
    const state = form.value;
    if (!state || state.saving || (state.object !== 'Case' && state.object !== 'Task') || !sources.create || !sources.plan) return;
    const object = state.object;
    const values = startSaving(state);
    if (!values) return;
    try {
      const answer = await sources.create({ type: object, values });
      if (answer.state !== 'created') {
        form.value = answer.state === 'refused'
          ? { ...state, saving: false, problems: answer.fields, message: answer.message ?? i18n.t('panel.form.notCreated') }
          : { ...state, saving: false, message: answer.message };
        return;
      }
      // Kept for the chat's end: the same case then gets the whole chat.
      const item = await sources.plan({ snapshot, action: state.action, person: state.person ? { type: state.person.type, id: state.person.id } : undefined, overrides: {}, update: { object, id: answer.id } });
      writes.value = { ...writes.value, [snapshot.chatId]: { item, instanceUrl, person: state.person, overrides: {}, created: { object, id: answer.id, number: answer.name } } };
      form.value = null;
    } catch (error) {
      form.value = { ...state, saving: false, message: describeProblem(error) };
    }
  }

  async function useExisting(snapshot: ChatSnapshot, instanceUrl: string, duplicate: { object: string; id: string }) {
    const state = form.value;
    if (!state || (duplicate.object !== 'Contact' && duplicate.object !== 'Lead')) return;
    const name = [state.values.FirstName, state.values.LastName].filter(Boolean).join(' ');
    await withPerson(snapshot, instanceUrl, state, { type: duplicate.object, id: duplicate.id, name });
  }

  return {
    form, startForm, submitForm, createNow, useExisting,
    setFormValue: (field: FieldMeta, value: FieldValue) => {
      const state = form.value;
      if (!state) return;
      form.value = { ...state, values: { ...state.values, [field.name]: value }, problems: recheck(state.problems, field, value) };
    },
    /** FirstName ↔ LastName: the split guessed the order wrong (a family name given first). */
    swapNames: () => {
      const state = form.value;
      const fields = state?.sections.flatMap((s) => s.fields) ?? [];
      const first = fields.find((f) => f.name === 'FirstName');
      const last = fields.find((f) => f.name === 'LastName');
      if (!state || !first || !last) return;
      const values = { ...state.values, FirstName: state.values.LastName ?? null, LastName: state.values.FirstName ?? null };
      form.value = { ...state, values, problems: recheck(recheck(state.problems, first, values.FirstName), last, values.LastName) };
    },
    showAllFields: () => form.value && (form.value = { ...form.value, showAll: true }),
    /** Another record type: its layout and picklists, keeping what the agent typed. */
    changeRecordType: async (snapshot: ChatSnapshot, recordTypeId: string) => {
      const state = form.value;
      if (!state) return;
      await openForm(snapshot, state.action, state.object, state.person, state.values, recordTypeId, state.account);
    },
    setLookup: (field: FieldMeta, id: string | null, name?: string) => {
      const state = form.value;
      if (!state) return;
      const problems = { ...state.problems };
      delete problems[field.name];
      form.value = { ...state, values: { ...state.values, [field.name]: id }, lookupNames: { ...state.lookupNames, [field.name]: name ?? '' }, problems };
    },
    searchLookup: async (field: FieldMeta, text: string): Promise<{ id: string; name: string }[] | string> => {
      if (!sources.lookup) return [];
      try {
        const answer = await sources.lookup({ referenceTo: field.referenceTo, text });
        return answer.state === 'results' ? answer.records : answer.message;
      } catch (error) {
        return describeProblem(error);
      }
    },
    cancelForm: () => void (form.value = null),
  };
}
export type FormSlice = ReturnType<typeof formSlice>;
