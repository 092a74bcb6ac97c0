import event from './describe-Event.json' with { type: 'json' };
import { describe, field, picklist, systemFields, type SObjectDescribe } from './fields';

/**
 * Task, built like a real org's: polymorphic WhoId/WhatId, Status/Priority defaults, CallObject.
 * It is an activity as Event is (captured): who, what and owner point where Event's do.
 */
const eventWhat = (event as unknown as SObjectDescribe).fields.find((f) => f.name === 'WhatId')!;
const polymorphic = { namePointing: true, searchPrefilterable: true };

export const taskDescribe = describe({
  name: 'Task',
  label: 'Task',
  labelPlural: 'Tasks',
  keyPrefix: '00T',
  mergeable: false,
  supportedScopes: [
    { label: 'My delegated tasks', name: 'delegated' }, { label: 'All tasks', name: 'everything' }, { label: 'My tasks', name: 'mine' },
    { label: 'Filter by scope', name: 'scopingRule' }, { label: "My team's tasks", name: 'team' },
  ],
  fields: [
    field({ name: 'Id', type: 'id', label: 'Activity ID', nillable: false, createable: false, updateable: false, defaultedOnCreate: true }),
    field({ name: 'WhoId', type: 'reference', label: 'Name ID', referenceTo: ['Contact', 'Lead'], relationshipName: 'Who', ...polymorphic }),
    field({ name: 'WhatId', type: 'reference', label: 'Related To ID', referenceTo: [...eventWhat.referenceTo], relationshipName: 'What', ...polymorphic }),
    field({ name: 'Subject', type: 'combobox', label: 'Subject', picklistValues: picklist(['Call', 'Send Letter', 'Send Quote', 'Other']) }),
    field({ name: 'ActivityDate', type: 'date', label: 'Due Date Only' }),
    field({ name: 'Status', type: 'picklist', label: 'Status', nillable: false, defaultedOnCreate: true, restrictedPicklist: true, picklistValues: picklist(['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'], 'Not Started') }),
    field({ name: 'Priority', type: 'picklist', label: 'Priority', nillable: false, defaultedOnCreate: true, restrictedPicklist: true, picklistValues: picklist(['High', 'Normal', 'Low'], 'Normal') }),
    field({ name: 'IsHighPriority', type: 'boolean', label: 'High Priority', nillable: false, createable: false, updateable: false, defaultedOnCreate: true }),
    field({ name: 'OwnerId', type: 'reference', label: 'Assigned To ID', nillable: false, defaultedOnCreate: true, referenceTo: ['Group', 'User'], relationshipName: 'Owner', namePointing: true }),
    field({ name: 'Description', type: 'textarea', label: 'Description', length: 32000, extraTypeInfo: 'plaintextarea' }),
    field({ name: 'Type', type: 'picklist', label: 'Type', picklistValues: picklist(['Call', 'Email', 'Meeting', 'Other']) }),
    field({ name: 'TaskSubtype', type: 'picklist', label: 'Task Subtype', updateable: false, restrictedPicklist: true, picklistValues: picklist(['Task', 'Email', 'ListEmail', 'Cadence', 'Call']) }),
    field({ name: 'AccountId', type: 'reference', label: 'Account ID', createable: false, updateable: false, referenceTo: ['Account'], relationshipName: 'Account', searchPrefilterable: true }),
    field({ name: 'IsClosed', type: 'boolean', label: 'Closed', nillable: false, createable: false, updateable: false, defaultedOnCreate: true }),
    field({ name: 'CallDurationInSeconds', type: 'int', label: 'Call Duration', digits: 9 }),
    field({ name: 'CallType', type: 'picklist', label: 'Call Type', restrictedPicklist: true, picklistValues: picklist(['Internal', 'Inbound', 'Outbound']) }),
    field({ name: 'CallDisposition', type: 'string', label: 'Call Result' }),
    field({ name: 'CallObject', type: 'string', label: 'Call Object Identifier' }),
    field({ name: 'ReminderDateTime', type: 'datetime', label: 'Reminder Date/Time' }),
    field({ name: 'IsReminderSet', type: 'boolean', label: 'Reminder Set', nillable: false, defaultedOnCreate: true }),
    field({ name: 'CompletedDateTime', type: 'datetime', label: 'Completed Date/Time', createable: false, updateable: false }),
    ...systemFields(),
  ],
});
