import { describe, field } from './fields';

/** Organization: the org itself, one row, read once when an agent connects (its name for the status). */
export const organizationDescribe = describe({
  name: 'Organization',
  label: 'Organization',
  labelPlural: 'Organizations',
  keyPrefix: '00D',
  createable: false,
  deletable: false,
  fields: [
    field({ name: 'Id', type: 'id', label: 'Organization ID', nillable: false, createable: false, updateable: false, defaultedOnCreate: true }),
    field({ name: 'Name', type: 'string', label: 'Name', length: 80, nillable: false }),
    field({ name: 'IsSandbox', type: 'boolean', label: 'Is Sandbox', nillable: false, createable: false, updateable: false }),
    field({ name: 'InstanceName', type: 'string', label: 'Instance Name', length: 5, createable: false, updateable: false }),
  ],
});
