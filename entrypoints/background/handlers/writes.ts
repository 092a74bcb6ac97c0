import { i18n } from '#i18n';
import type { Handlers } from '@/utils/messages/router';
import type { FieldValue } from '@/utils/mapping/display';
import { fieldProblem } from '@/utils/mapping/validate';
import { coerce } from '@/utils/mapping/values';
import { phoneRegions } from '@/utils/identify/phone';
import type { OutboxEntry } from '@/utils/outbox/store';
import { dispositionChoices } from '@/utils/plan/disposition';
import { chatKeyOf, isOtherTask } from '@/utils/plan/plan';
import { NO_ACCOUNT, NoAccountError } from '@/utils/plan/undecided';
import { fieldOf } from '@/utils/salesforce/describe';
import { ORG_OBJECTS } from '@/utils/salesforce/metadata';
import { describeFailure, notConnected } from '../failure';
import type { Services } from '../services';

type WriteCommands =
  | 'chat.plan' | 'chat.preview' | 'chat.fix' | 'chat.record' | 'chat.case' | 'chat.account' | 'chat.people'
  | 'outbox.list' | 'outbox.adopt' | 'outbox.discard' | 'outbox.wrapUp' | 'outbox.retry' | 'outbox.quarantined';

/**
 * A chat's writes: what the agent decided for it (record, case, account, other people, corrected
 * values, the action at its end), what its write would leave out, and the outbox as the panel and
 * popup work with it.
 */
export function writeHandlers(s: Services): Pick<Handlers, WriteCommands> {
  const { records, fixes, cases, accounts, people } = s.decisions;
  /** Sends what is queued when the entry waits to go. */
  const goes = (entry: OutboxEntry | null | undefined) => {
    if (entry?.state === 'pending') s.sendQueued();
    return entry;
  };
  return {
    'chat.plan': async ({ snapshot: given, action, person, overrides, update }, sender) => {
      const snapshot = s.latest(given, sender.tab?.id);
      // A case or task on its own still goes to the chat's chosen person.
      const chosen = person ?? (action === 'case' ? undefined : await s.choiceOf(chatKeyOf(snapshot)));
      return s.itemOf(await s.outbox.choose(snapshot, { action, overrides, ...(update ? { update } : {}) }, chosen, sender.tab?.id));
    },
    'chat.preview': async ({ snapshot: given }, sender) => {
      const snapshot = s.latest(given, sender.tab?.id);
      const client = await s.client();
      if (!client) return { state: 'error', message: notConnected() };
      try {
        // The automatic write as it would go now: to the chat's chosen record, with the agent's corrections.
        const key = chatKeyOf(snapshot);
        const [decided, { settings }] = await Promise.all([s.decisionsOf(key), s.settings()]);
        const { record: chosen, attached, account, others } = decided;
        const entry: OutboxEntry = { id: '', chatKey: key, trigger: snapshot.state === 'offline' ? 'offline' : 'ended', snapshot, attempts: 0, createdAt: 0, updatedAt: 0, state: 'pending', ...(chosen ? { choice: { type: chosen.type, id: chosen.id } } : {}) };
        const [plan, meta] = await Promise.all([
          s.planOf(entry, decided).catch((error) => (error instanceof NoAccountError ? NO_ACCOUNT : Promise.reject(error))),
          s.metadata.objects(client, ORG_OBJECTS),
        ]);
        // The admin requires an account and the chat has none: the panel asks for it before the chat ends.
        if (plan === NO_ACCOUNT) return { state: 'preview', skipped: [], needsAccount: true };
        return {
          state: 'preview',
          skipped: (plan?.skipped ?? []).map((skip) => {
            const field = fieldOf(meta[skip.object], skip.field);
            const options = field?.picklistValues.map((p) => ({ value: p.value, label: p.label }));
            return { ...skip, ...(field?.length ? { limit: field.length } : {}), ...(options?.length ? { options } : {}) };
          }),
          ...(attached ? { chatCase: { id: attached.id, number: attached.number } } : {}),
          ...(account ? { chatAccount: { id: account.id, name: account.name } } : {}),
          ...(others?.people.length ? { people: others.people } : {}),
          ...(plan?.steps.some((st) => isOtherTask(st.ref)) ? { othersOwnTasks: true } : {}),
          ...(settings.wrapUp.enabled ? { wrapUp: { seconds: settings.wrapUp.seconds, disposition: dispositionChoices(settings.wrapUp, meta[plan?.steps.find((st) => st.ref === 'record')?.object ?? '']) } } : {}),
        };
      } catch (error) {
        return { state: 'error', message: describeFailure(error, 'check').message };
      }
    },
    'chat.fix': async ({ snapshot, ref, object, field, value }) => {
      const client = await s.client();
      if (!client) return { ok: false, problem: notConnected() };
      const [meta, { settings }, grant] = await Promise.all([s.metadata.objects(client, ORG_OBJECTS), s.settings(), s.grant()]);
      const f = fieldOf(meta[object], field);
      if (!f || !(f.createable || f.updateable)) return { ok: false, problem: i18n.t('failure.notWritable') };
      let typed: FieldValue = null;
      if (value !== null && value.trim()) {
        // The agent's text as the chat's would be taken (a phone to E.164, a picklist by its label), but never cut.
        const coerced = coerce(f, value, phoneRegions(snapshot.session.country, settings.general.phoneRegion ?? grant?.orgRegion));
        if ('skip' in coerced) return { ok: false, problem: i18n.t('failure.still', { reason: coerced.skip }) };
        if (coerced.cut) return { ok: false, problem: i18n.t('field.tooLong', { limit: f.length, length: [...value.trim()].length }) };
        const problem = fieldProblem(f, coerced.value);
        if (problem) return { ok: false, problem };
        typed = coerced.value;
      }
      const key = chatKeyOf(snapshot);
      const kept = (await fixes.get(key))?.fixes ?? {};
      const forRef = { ...kept[ref] };
      if (typed === null) delete forRef[field];
      else forRef[field] = typed;
      await fixes.set(key, { fixes: { ...kept, [ref]: forRef } });
      return { ok: true };
    },
    'chat.record': async ({ record, ...chat }) => s.keepForChat(chat, (key) => records.set(key, record)),
    'chat.case': async ({ case: attached, ...chat }) => s.keepForChat(chat, (key) => cases.set(key, attached)),
    'chat.account': async ({ account, ...chat }) => s.keepForChat(chat, (key) => accounts.set(key, account)),
    'chat.people': async ({ people: added, ...chat }) => s.keepForChat(chat, (key) => people.set(key, added.length ? { people: added } : null)),
    'outbox.list': async ({ chatId }) => {
      const org = await s.connectedOrg();
      return (await s.outbox.entries()).filter((e) => !chatId || e.snapshot.chatId === chatId).map((e) => s.itemOf(e, org));
    },
    'outbox.adopt': async ({ id }) => {
      const entry = goes(await s.outbox.adopt(id));
      return entry ? s.itemOf(entry, await s.connectedOrg()) : null;
    },
    'outbox.discard': async ({ id }) => ({ discarded: await s.outbox.discard(id) }),
    'outbox.quarantined': async () =>
      (await s.outbox.quarantined()).map(({ raw, reason, at }) => {
        const chatId = (raw as { snapshot?: { chatId?: unknown } } | null)?.snapshot?.chatId;
        return { reason, at, ...(typeof chatId === 'string' ? { chatId } : {}), raw: JSON.stringify(raw) ?? 'null' };
      }),
    'outbox.wrapUp': async ({ id, disposition, notes }) => {
      const entry = goes(await s.outbox.wrapUpDone(id, { ...(disposition ? { disposition } : {}), ...(notes?.trim() ? { notes } : {}) }));
      return entry ? s.itemOf(entry) : null;
    },
    'outbox.retry': async ({ id, attachTo, fixes: given }) => {
      const entry = goes(await s.outbox.retry(id, attachTo, given));
      return entry ? s.itemOf(entry) : null;
    },
  };
}
