import type { SObjectDescribe } from './fields';

/** Salesforce's validFor: a base64 bitmap with one bit per controlling value, most significant bit first. */
function validFor(indexes: number[]): string {
  const bytes = new Uint8Array(Math.max(1, Math.ceil((Math.max(...indexes, 0) + 1) / 8)));
  for (const i of indexes) bytes[i >> 3]! |= 0x80 >> (i % 8);
  return Buffer.from(bytes).toString('base64');
}

/**
 * Makes `field` a dependent picklist of `controller`, as an admin does in Setup: each of its
 * values valid for the controlling values listed. (The API itself does not enforce the pairs;
 * Salesforce checks them in its own forms, and so must the panel.)
 */
export function makeDependent(describe: SObjectDescribe, field: string, controller: string, pairs: Record<string, string[]>): void {
  const dependent = describe.fields.find((f) => f.name === field)!;
  const control = describe.fields.find((f) => f.name === controller)!;
  const controlValues = control.picklistValues.map((p) => p.value);
  Object.assign(dependent, { dependentPicklist: true, controllerName: controller });
  for (const value of dependent.picklistValues) {
    const valid = Object.entries(pairs).filter(([, values]) => values.includes(value.value)).map(([c]) => controlValues.indexOf(c));
    value.validFor = valid.length ? validFor(valid) : null;
  }
}
