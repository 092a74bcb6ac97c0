import type { ObjectMeta } from '../salesforce/describe';

/**
 * The custom field that makes writes idempotent: an admin adds it to Case, Task, Contact and
 * Lead (Text(255), External ID, Unique), and every record the extension creates is then an
 * upsert by the plan's key, so no resend (ours after a lost answer, or Chrome's own) can create
 * a second record. Found by describe; a namespace prefix (ns__Chat_Key__c) is fine.
 */
export const CHAT_KEY_FIELD = { name: 'Chat_Key__c', label: 'Chat Key', type: 'Text(255)', externalId: true, unique: true, objects: ['Case', 'Task', 'Contact', 'Lead'] } as const;

/** The object's chat key field, when the org has it and the connected user may write it. */
export function chatKeyField(meta: ObjectMeta | undefined): string | undefined {
  return meta?.fields.find((f) => f.externalId && f.unique && f.createable && f.type === 'string' && /(^|__)Chat_Key__c$/i.test(f.name))?.name;
}

/**
 * The plan's id as an External ID value: it goes into the upsert URL's path, where Salesforce
 * takes no slash; other characters are kept apart from it by a hash of the whole id.
 */
export function chatKeyValue(planId: string): string {
  if (/^[\w.:@-]{1,255}$/.test(planId)) return planId;
  let hash = 0x811c9dc5;
  for (let i = 0; i < planId.length; i++) hash = Math.imul(hash ^ planId.charCodeAt(i), 0x01000193) >>> 0;
  return `${planId.replace(/[^\w.:@-]/g, '_').slice(0, 240)}~${hash.toString(16)}`;
}

/** Salesforce's answer when the field describe showed is gone (deleted, or hidden since): nothing was written. */
export const lostChatKey = (errors: { code: string; message: string }[]) =>
  errors.length > 0 && errors.every((e) => e.code === 'NOT_FOUND' && /external ID field/i.test(e.message));
