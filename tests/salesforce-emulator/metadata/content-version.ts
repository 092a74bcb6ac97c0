import { describe, field, systemFields } from './fields';

/** ContentVersion: how a file is attached to a record (FirstPublishLocationId links it on insert). */
export const contentVersionDescribe = describe({
  name: 'ContentVersion',
  label: 'Content Version',
  labelPlural: 'Content Versions',
  keyPrefix: '068',
  fields: [
    field({ name: 'Id', type: 'id', label: 'ContentVersion ID', nillable: false, createable: false, updateable: false, defaultedOnCreate: true }),
    field({ name: 'Title', type: 'string', label: 'Title', nillable: false }),
    field({ name: 'PathOnClient', type: 'string', label: 'Path On Client', length: 500, updateable: false }),
    field({ name: 'VersionData', type: 'base64', label: 'Version Data', length: 0, updateable: false }),
    field({ name: 'FirstPublishLocationId', type: 'reference', label: 'First Publish Location ID', updateable: false, referenceTo: ['Account', 'Contact', 'Lead', 'Case', 'Opportunity', 'Task', 'Event', 'User'], relationshipName: 'FirstPublishLocation' }),
    field({ name: 'ContentDocumentId', type: 'reference', label: 'ContentDocument ID', createable: false, updateable: false, referenceTo: ['ContentDocument'], relationshipName: 'ContentDocument' }),
    field({ name: 'Description', type: 'textarea', label: 'Description', length: 1000 }),
    field({ name: 'OwnerId', type: 'reference', label: 'Owner ID', nillable: false, defaultedOnCreate: true, referenceTo: ['User'], relationshipName: 'Owner' }),
    ...systemFields(),
  ],
});

/**
 * ContentDocument: the file a first ContentVersion makes (Salesforce creates it with the version);
 * deleting it deletes its versions. A version cannot be deleted on its own.
 */
export const contentDocumentDescribe = describe({
  name: 'ContentDocument',
  label: 'Content Document',
  labelPlural: 'Content Documents',
  keyPrefix: '069',
  fields: [
    field({ name: 'Id', type: 'id', label: 'ContentDocument ID', nillable: false, createable: false, updateable: false, defaultedOnCreate: true }),
    field({ name: 'Title', type: 'string', label: 'Title', createable: false }),
    field({ name: 'LatestPublishedVersionId', type: 'reference', label: 'Latest Published Version ID', createable: false, updateable: false, referenceTo: ['ContentVersion'], relationshipName: 'LatestPublishedVersion' }),
    field({ name: 'OwnerId', type: 'reference', label: 'Owner ID', nillable: false, createable: false, defaultedOnCreate: true, referenceTo: ['User'], relationshipName: 'Owner' }),
    ...systemFields(),
  ],
});
