import { describe, expect, it } from 'vitest';
import { allowedValues, dependentProblem } from '@/utils/mapping/dependent';
import { formSections } from '@/utils/mapping/form';
import { newRecordProblems } from '@/utils/mapping/validate';
import { fieldOf } from '@/utils/salesforce/describe';
import { objectMeta } from './fields';

const caseMeta = objectMeta('Case');
const type = fieldOf(caseMeta, 'Type')!;
const reason = fieldOf(caseMeta, 'Reason')!;

describe('dependent picklists (validFor bitmaps)', () => {
  it('offers the values the controlling value allows, none while it is blank', () => {
    expect(reason.controllerName).toBe('Type');
    expect(allowedValues(reason, type, 'Electronic').map((p) => p.value)).toEqual(['Equipment Complexity', 'Performance', 'Breakdown']);
    expect(allowedValues(reason, type, 'Other').map((p) => p.value)).toEqual(['Feedback', 'Other']);
    expect(allowedValues(reason, type, null)).toEqual([]);
    expect(allowedValues(type, undefined, null)).toEqual(type.picklistValues);
  });

  it('reads a checkbox controller as bit 0 (unchecked) and bit 1 (checked)', () => {
    const flag = { ...type, name: 'Flag__c', type: 'boolean', picklistValues: [] };
    const dependent = { ...reason, controllerName: 'Flag__c', picklistValues: [{ value: 'A', label: 'A', index: 0, validFor: 'gA==' }, { value: 'B', label: 'B', index: 1, validFor: 'QA==' }] };
    expect(allowedValues(dependent, flag, false).map((p) => p.value)).toEqual(['A']);
    expect(allowedValues(dependent, flag, true).map((p) => p.value)).toEqual(['B']);
  });

  it('says why a pair is refused, and a new record with it does not go out', () => {
    expect(dependentProblem(reason, 'Breakdown', type, 'Structural')).toBe('Not a choice when Case Type is Structural.');
    expect(dependentProblem(reason, 'Breakdown', type, 'Mechanical')).toBeNull();
    const fields = formSections(caseMeta).flatMap((s) => s.fields);
    expect(newRecordProblems(fields, { Type: 'Other', Reason: 'Breakdown' })).toEqual({ Reason: 'Not a choice when Case Type is Other.' });
    expect(newRecordProblems(fields, { Type: 'Other', Reason: 'Feedback' })).toEqual({});
  });
});
