import { i18n } from '#i18n';
import type { SubRequest, SubResponse } from '../salesforce/connection';
import type { ActionPlan } from './plan';

/** A plan as the subrequests of ONE allOrNone composite request; later steps refer to earlier ones. */
export function planRequests(plan: ActionPlan, version: string): SubRequest[] {
  const base = `/services/data/v${version}/sobjects`;
  return plan.steps.map((step) => {
    if (step.upsertBy) {
      // PATCH …/Case/Chat_Key__c/<key>: 201 when created, 200 when a resend finds the record made the first time.
      return { method: 'PATCH', url: `${base}/${step.object}/${step.upsertBy.field}/${encodeURIComponent(step.upsertBy.value)}`, referenceId: step.ref, body: step.values };
    }
    return {
      method: step.method,
      url: step.method === 'POST' ? `${base}/${step.object}` : `${base}/${step.object}/${step.id}`,
      referenceId: step.ref,
      body: step.values,
    };
  });
}

export type StepError = {
  ref: string; object: string; code: string; message: string; fields: string[];
  /** The fields' labels in this org (describe), for the agent who corrects them. */
  labels?: Record<string, string>;
};
/** Another record Salesforce's duplicate rule points to, to attach to instead. */
export type Duplicate = { ref: string; object: string; id: string; /** When known (a match the agent must choose among). */ name?: string };

export type PlanOutcome =
  | { state: 'done'; ids: Record<string, string> }
  | { state: 'refused'; errors: StepError[]; duplicates: Duplicate[] };

type ErrorBody = { errorCode?: string; message?: string; fields?: string[]; duplicateResut?: DuplicateResult; duplicateResult?: DuplicateResult };
type DuplicateResult = { matchResults?: { entityType?: string; matchRecords?: { record?: { Id?: string } }[] }[] };

/**
 * What Salesforce did with a plan. allOrNone: either every step succeeded, or nothing was
 * written and the failing step says why (the others only say PROCESSING_HALTED).
 */
export function planOutcome(plan: ActionPlan, responses: SubResponse[]): PlanOutcome {
  const ids: Record<string, string> = {};
  const errors: StepError[] = [];
  const duplicates: Duplicate[] = [];
  for (const response of responses) {
    const step = plan.steps.find((s) => s.ref === response.referenceId);
    if (!step) continue;
    if (response.httpStatusCode < 300) {
      ids[step.ref] = (response.body as { id?: string } | null)?.id ?? step.id ?? '';
      continue;
    }
    for (const e of Array.isArray(response.body) ? (response.body as ErrorBody[]) : []) {
      if (e.errorCode === 'PROCESSING_HALTED') continue;
      errors.push({ ref: step.ref, object: step.object, code: e.errorCode ?? 'UNKNOWN', message: e.message ?? i18n.t('failure.recordRefused'), fields: e.fields ?? [] });
      duplicates.push(...matchesOf(e, step.object).map((d) => ({ ref: step.ref, ...d })));
    }
  }
  return errors.length ? { state: 'refused', errors, duplicates } : { state: 'done', ids };
}

/** The records a duplicate rule points to ("duplicateResut" is how Salesforce spells it on the wire). */
function matchesOf(e: ErrorBody, object: string): { object: string; id: string }[] {
  return ((e.duplicateResut ?? e.duplicateResult)?.matchResults ?? []).flatMap((match) =>
    (match.matchRecords ?? []).flatMap((r) => (r.record?.Id ? [{ object: match.entityType ?? object, id: r.record.Id }] : [])),
  );
}

/** The duplicates named in a failed single request (its error body, as SalesforceError keeps it). */
export function duplicatesOf(error: unknown): { object: string; id: string }[] {
  const data = (error as { body?: unknown } | null)?.body;
  const bodies = (Array.isArray(data) ? data : [data]).filter((d): d is ErrorBody => !!d && typeof d === 'object');
  return bodies.flatMap((b) => matchesOf(b, ''));
}
