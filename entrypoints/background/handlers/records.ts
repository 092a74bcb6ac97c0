import { i18n } from '#i18n';
import type { Handlers } from '@/utils/messages/router';
import type { FieldValue } from '@/utils/mapping/display';
import { formSections, recordTypeFor } from '@/utils/mapping/form';
import { editableInPlace, fieldProblem, newRecordProblems } from '@/utils/mapping/validate';
import { COMPANY_PLACEHOLDER } from '@/utils/mapping/values';
import { agentUser } from '@/utils/plan/owner';
import { buildPlan } from '@/utils/plan/plan';
import { planDefaults } from '@/utils/plan/prepare';
import { duplicatesOf } from '@/utils/plan/requests';
import { fieldOf } from '@/utils/salesforce/describe';
import { failureKind, fieldMessages, toSalesforceError } from '@/utils/salesforce/errors';
import { lookupResult, lookupSoql, lookupTarget, polymorphicSosl, polymorphicTargets } from '@/utils/salesforce/lookup';
import { ORG_OBJECTS } from '@/utils/salesforce/metadata';
import { API_VERSION } from '@/utils/salesforce/version';
import { describeFailure, notConnected } from '../failure';
import type { Services } from '../services';

/** Records by hand: the form of a new record, creating it, editing one in place, and the lookups a form searches. */
export function recordHandlers(s: Services): Pick<Handlers, 'form.open' | 'record.create' | 'record.update' | 'lookup.search'> {
  return {
    'form.open': async ({ snapshot: given, action, object, recordTypeId }, sender) => {
      const snapshot = s.latest(given, sender.tab?.id);
      const client = await s.client();
      if (!client) return { state: 'error', message: notConnected() };
      try {
        const [{ settings }, grant] = await Promise.all([s.settings(), s.grant()]);
        const [meta, owner] = await Promise.all([
          s.metadata.objects(client, ORG_OBJECTS),
          // The owner rule (seed 001) holds for records made by hand too: the agent, else the connected user.
          settings.records.owner === 'agent' ? agentUser(client, snapshot.agent.email).catch(() => null) : null,
        ]);
        const plan = buildPlan({ snapshot, trigger: 'manual', action, strategy: 'none', existing: null, meta, ...planDefaults(settings, grant?.orgRegion), ownerId: owner?.id, now: Date.now() });
        const step = plan?.steps.find((st) => st.object === object);
        // References to records not yet written (@{person.id}) are the plan's business, not the form's.
        // The agent is there to give a real company: the automatic placeholder is not offered.
        // The chat's key (CallObject) is the write's own bookkeeping: written at chat end, never the agent's to edit.
        const initial = Object.fromEntries(Object.entries(step?.values ?? {}).filter((e): e is [string, FieldValue] => !Array.isArray(e[1])).filter(([k, v]) => !(typeof v === 'string' && v.startsWith('@{')) && !(k === 'Company' && v === COMPANY_PLACEHOLDER) && k !== 'CallObject'));
        const objectMeta = meta[object]!;
        const recordType = recordTypeFor(objectMeta, recordTypeId);
        const sections = formSections(objectMeta, recordType);
        if (recordType) initial.RecordTypeId = recordType;
        // Picklists start at the org's default value, as Salesforce's own form does.
        for (const f of sections.flatMap((sec) => sec.fields)) {
          const preset = f.picklistValues.find((p) => p.defaultValue)?.value;
          if (preset && initial[f.name] === undefined) initial[f.name] = preset;
        }
        const names: Record<string, string> = owner && initial.OwnerId === owner.id ? { OwnerId: owner.name } : {};
        // An org's layout may lack mapped fields (Subject, Description): they are written all the same, and the form says which.
        const onLayout = new Set(sections.flatMap((sec) => sec.fields.map((f) => f.name)));
        const offLayout = [...new Set([...Object.keys(initial), 'ContactId', 'WhoId'])]
          .filter((name) => name !== 'RecordTypeId' && !onLayout.has(name) && fieldOf(objectMeta, name)?.createable)
          .map((name) => ({ name, label: objectMeta.layoutLabels[name] ?? fieldOf(objectMeta, name)!.label }));
        return { state: 'form', object, label: objectMeta.label, sections, initial, names, recordTypes: objectMeta.recordTypes, recordTypeId: recordType ?? null, offLayout };
      } catch (error) {
        return { state: 'error', message: describeFailure(error, 'form').message };
      }
    },
    'record.create': async ({ type, values }) => {
      const client = await s.client();
      if (!client) return { state: 'error', message: notConnected() };
      try {
        const meta = (await s.metadata.objects(client, ORG_OBJECTS))[type]!;
        const recordType = typeof values.RecordTypeId === 'string' ? values.RecordTypeId : undefined;
        const problems = newRecordProblems(formSections(meta, recordTypeFor(meta, recordType)).flatMap((sec) => sec.fields), values);
        if (Object.keys(problems).length) return { state: 'refused', fields: problems, duplicates: [] };
        const id = await client.create(type, values);
        s.remember([{ at: Date.now(), object: type, id, method: 'POST', fields: values }]);
        await s.cache.clear();
        // A case is known by its number, which the agent gives the customer.
        const name = type === 'Case'
          ? String((await client.get<{ CaseNumber?: string }>(`/services/data/v${API_VERSION}/sobjects/Case/${id}?fields=CaseNumber`)).CaseNumber ?? id)
          : type === 'Task' ? String(values.Subject ?? 'Task') : [values.FirstName, values.LastName].filter((v) => typeof v === 'string' && v).join(' ');
        return { state: 'created', id, name };
      } catch (raw) {
        const error = toSalesforceError(raw);
        if (failureKind(error) !== 'salesforce') return { state: 'error', message: describeFailure(error, 'record').message };
        return { state: 'refused', ...fieldMessages(error), duplicates: duplicatesOf(error) };
      }
    },
    'record.update': async ({ type, id, values, before }) => {
      const client = await s.client();
      if (!client) return { state: 'error', message: notConnected() };
      try {
        // Checked against describe first: what Salesforce would refuse costs no request.
        const meta = (await s.metadata.objects(client, [type]))[type];
        const problems: Record<string, string> = {};
        for (const [name, value] of Object.entries(values)) {
          const field = fieldOf(meta, name);
          const problem = !field ? 'Salesforce has no such field.' : !editableInPlace(field) ? 'This field cannot be edited here.' : fieldProblem(field, value);
          if (problem) problems[name] = problem;
        }
        if (Object.keys(problems).length) return { state: 'refused', fields: problems };
        await client.update(type, id, values);
        s.remember([{ at: Date.now(), object: type, id, method: 'PATCH', fields: values, before }]);
        await s.cache.clear();
        return { state: 'saved' };
      } catch (raw) {
        const error = toSalesforceError(raw);
        if (failureKind(error) !== 'salesforce') return { state: 'error', message: describeFailure(error, 'change').message };
        return { state: 'refused', ...fieldMessages(error, (f) => f in values) };
      }
    },
    'lookup.search': async ({ referenceTo, text }) => {
      const client = await s.client();
      if (!client) return { state: 'error', message: notConnected() };
      // Only what a lookup field of the panel's forms points to (describe, cached): not any object a caller names.
      const offered = (meta: Awaited<ReturnType<typeof s.metadata.objects>>, types: string[]) =>
        Object.values(meta).some((object) => object?.fields.some((f) => types.every((t) => f.referenceTo.includes(t))));
      const polymorphic = polymorphicTargets(referenceTo);
      if (polymorphic) {
        // Related To: every type the field allows, in one search, each result with its type.
        const sosl = polymorphicSosl(polymorphic, text);
        if (!sosl) return { state: 'results', records: [] };
        try {
          if (!offered(await s.metadata.objects(client, ORG_OBJECTS), polymorphic)) return { state: 'error', message: i18n.t('failure.noLookup') };
          return { state: 'results', records: (await client.search(sosl)).map((r) => lookupResult(r as never)) };
        } catch (error) {
          return { state: 'error', message: describeFailure(error, 'search').message };
        }
      }
      const target = lookupTarget(referenceTo);
      const soql = target && lookupSoql(target, text);
      if (!soql) return { state: 'results', records: [] };
      try {
        if (!offered(await s.metadata.objects(client, ORG_OBJECTS), [target])) return { state: 'error', message: i18n.t('failure.noLookupOf', { object: target }) };
        const result = await client.get<{ records: { Id: string; Name?: string }[] }>(`/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`);
        return { state: 'results', records: result.records.map((r) => ({ id: r.Id, name: r.Name ?? r.Id })) };
      } catch (error) {
        return { state: 'error', message: describeFailure(error, 'search').message };
      }
    },
  };
}
