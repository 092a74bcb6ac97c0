import { describe, field, picklist, systemFields } from './fields';

/*
 * Omni-Channel's presence objects, built in a real org's describe shape (no public capture): the
 * statuses an admin defines (setup data, read-only through the API), each agent's presence rows
 * (queried, never created or updated through the API: Salesforce sets them from the Omni widget
 * and its toolkit), and the work Omni routed. Fields and properties from the Object Reference.
 */
const readOnly = { createable: false, updateable: false } as const;

export const servicePresenceStatusDescribe = describe({
  name: 'ServicePresenceStatus',
  label: 'Presence Status',
  labelPlural: 'Presence Statuses',
  keyPrefix: '0N5',
  ...readOnly,
  deletable: false,
  fields: [
    field({ name: 'Id', type: 'id', label: 'Presence Status ID', nillable: false, ...readOnly, defaultedOnCreate: true }),
    field({ name: 'DeveloperName', type: 'string', label: 'Developer Name', length: 80, nillable: false, ...readOnly }),
    field({ name: 'MasterLabel', type: 'string', label: 'Master Label', length: 80, nillable: false, ...readOnly }),
    field({ name: 'Language', type: 'picklist', label: 'Language', nillable: true, ...readOnly, picklistValues: picklist(['en_US']) }),
    ...systemFields(),
  ],
});

export const userServicePresenceDescribe = describe({
  name: 'UserServicePresence',
  label: 'User Presence',
  labelPlural: 'User Presences',
  keyPrefix: '0Hn',
  ...readOnly,
  fields: [
    field({ name: 'Id', type: 'id', label: 'User Presence ID', nillable: false, ...readOnly, defaultedOnCreate: true }),
    field({ name: 'Name', type: 'string', label: 'Name', length: 255, ...readOnly }),
    field({ name: 'UserId', type: 'reference', label: 'User ID', nillable: false, ...readOnly, referenceTo: ['User'], relationshipName: 'User' }),
    field({ name: 'OwnerId', type: 'reference', label: 'Owner ID', nillable: false, ...readOnly, referenceTo: ['User'], relationshipName: 'Owner' }),
    field({ name: 'ServicePresenceStatusId', type: 'reference', label: 'Service Presence Status ID', ...readOnly, referenceTo: ['ServicePresenceStatus'], relationshipName: 'ServicePresenceStatus' }),
    field({ name: 'IsCurrentState', type: 'boolean', label: 'Is Current State', nillable: false, ...readOnly, defaultedOnCreate: true }),
    field({ name: 'IsAway', type: 'boolean', label: 'Is Away', nillable: false, ...readOnly, defaultedOnCreate: true }),
    field({ name: 'StatusStartDate', type: 'datetime', label: 'Status Start Date', ...readOnly }),
    field({ name: 'StatusEndDate', type: 'datetime', label: 'Status End Date', ...readOnly }),
    field({ name: 'StatusDuration', type: 'int', label: 'Status Duration', ...readOnly }),
    field({ name: 'ConfiguredCapacity', type: 'int', label: 'Configured Capacity', ...readOnly }),
    ...systemFields(),
  ],
});

export const agentWorkDescribe = describe({
  name: 'AgentWork',
  label: 'Agent Work',
  labelPlural: 'Agent Work',
  keyPrefix: '0Bz',
  updateable: false,
  fields: [
    field({ name: 'Id', type: 'id', label: 'Agent Work ID', nillable: false, ...readOnly, defaultedOnCreate: true }),
    field({ name: 'UserId', type: 'reference', label: 'User ID', nillable: false, updateable: false, referenceTo: ['User'], relationshipName: 'User' }),
    field({ name: 'WorkItemId', type: 'reference', label: 'Work Item ID', nillable: false, updateable: false, referenceTo: ['Case', 'Lead'], relationshipName: 'WorkItem' }),
    field({ name: 'Status', type: 'picklist', label: 'Status', ...readOnly, picklistValues: picklist(['Assigned', 'Unavailable', 'Declined', 'Opened', 'Closed', 'DeclinedOnPushTimeout', 'Canceled', 'Transferred']) }),
    field({ name: 'AcceptDateTime', type: 'datetime', label: 'Accept Date', ...readOnly }),
    ...systemFields(),
  ],
});
