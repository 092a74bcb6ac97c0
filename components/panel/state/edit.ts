import { signal } from '@preact/signals';
import type { FieldValue } from '@/utils/mapping/display';
import { fieldProblem } from '@/utils/mapping/validate';
import type { FieldMeta } from '@/utils/salesforce/describe';
import type { Candidate } from '@/utils/messages/protocol';
import { describeProblem } from './connection';
import type { IdentitySlice } from './identity';
import { i18n } from '#i18n';
import type { PanelSources } from './sources';

/** The record being edited in place: what it had, what the agent typed, and what is wrong with it. */
export type EditState = {
  type: Candidate['type'];
  id: string;
  original: Record<string, FieldValue>;
  draft: Record<string, FieldValue>;
  problems: Record<string, string>;
  message?: string;
  saving: boolean;
};
/** A passing word to the agent ("Saved"), tied to the record it is about. */
export type Notice = { recordId: string; text: string };

/** The problems of a form after one field changed: that field checked again against describe. */
export function recheck(problems: Record<string, string>, field: FieldMeta, value: FieldValue): Record<string, string> {
  const next = { ...problems };
  const found = fieldProblem(field, value);
  if (found) next[field.name] = found;
  else delete next[field.name];
  return next;
}

/** Editing the shown record in place: only what changed goes, checked against describe first. */
export function editSlice(sources: PanelSources, { applySaved }: Pick<IdentitySlice, 'applySaved'>) {
  const editing = signal<EditState | null>(null);
  const notice = signal<Notice | null>(null);

  function startEdit(record: { type: Candidate['type']; id: string; values?: Record<string, FieldValue> }) {
    const original = { ...record.values };
    editing.value = { type: record.type, id: record.id, original, draft: { ...original }, problems: {}, saving: false };
    notice.value = null;
  }

  function setDraft(field: FieldMeta, value: FieldValue) {
    const edit = editing.value;
    if (!edit) return;
    editing.value = { ...edit, draft: { ...edit.draft, [field.name]: value }, problems: recheck(edit.problems, field, value) };
  }

  async function saveEdit(fields: FieldMeta[]) {
    const edit = editing.value;
    if (!edit || edit.saving || !sources.update) return;
    const changed = Object.fromEntries(Object.entries(edit.draft).filter(([name, value]) => value !== (edit.original[name] ?? null)));
    if (!Object.keys(changed).length) {
      editing.value = null;
      return;
    }
    const problems: Record<string, string> = {};
    for (const f of fields) {
      const found = f.name in changed ? fieldProblem(f, changed[f.name]!) : null;
      if (found) problems[f.name] = found;
    }
    if (Object.keys(problems).length) {
      editing.value = { ...edit, problems, message: i18n.t('panel.fields.fixMarked') };
      return;
    }
    editing.value = { ...edit, saving: true, message: undefined };
    try {
      const before = Object.fromEntries(Object.keys(changed).map((name) => [name, edit.original[name] ?? null]));
      const answer = await sources.update({ type: edit.type, id: edit.id, values: changed, before });
      if (answer.state === 'saved') {
        applySaved(edit.id, changed);
        editing.value = null;
        notice.value = { recordId: edit.id, text: i18n.t('panel.fields.saved') };
      } else if (answer.state === 'refused') {
        editing.value = { ...edit, saving: false, problems: answer.fields, message: answer.message ?? i18n.t('panel.fields.notSaved') };
      } else {
        editing.value = { ...edit, saving: false, message: i18n.t('panel.fields.keptHere', { problem: answer.message }) };
      }
    } catch (error) {
      editing.value = { ...edit, saving: false, message: i18n.t('panel.fields.keptHere', { problem: describeProblem(error) }) };
    }
  }

  return { editing, notice, startEdit, setDraft, saveEdit, cancelEdit: () => void (editing.value = null) };
}
export type EditSlice = ReturnType<typeof editSlice>;
