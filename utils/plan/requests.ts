import type { SubRequest, SubResponse } from '../salesforce/connection';
import type { ActionPlan } from './plan';

/** A plan as the subrequests of ONE allOrNone composite request; later steps refer to earlier ones. */
export function planRequests(plan: ActionPlan, version: string): SubRequest[] {
  const base = `/services/data/v${version}/sobjects`;
  return plan.steps.map((step) => ({
    method: step.method,
    url: step.method === 'POST' ? `${base}/${step.object}` : `${base}/${step.object}/${step.id}`,
    referenceId: step.ref,
    body: step.values,
  }));
}

export type StepError = { ref: string; object: string; code: string; message: string; fields: string[] };
/** Another record Salesforce's duplicate rule points to, to attach to instead. */
export type Duplicate = { ref: string; object: string; id: string };

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
      errors.push({ ref: step.ref, object: step.object, code: e.errorCode ?? 'UNKNOWN', message: e.message ?? 'Salesforce refused this record.', fields: e.fields ?? [] });
      for (const match of (e.duplicateResut ?? e.duplicateResult)?.matchResults ?? []) {
        for (const r of match.matchRecords ?? []) if (r.record?.Id) duplicates.push({ ref: step.ref, object: match.entityType ?? step.object, id: r.record.Id });
      }
    }
  }
  return errors.length ? { state: 'refused', errors, duplicates } : { state: 'done', ids };
}
