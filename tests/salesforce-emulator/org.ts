/**
 * The org: records of every object, the metadata that describes them, and the write rules
 * Salesforce applies (required fields, types, lengths, restricted picklists, references,
 * duplicate rules, converted leads), with Salesforce's own error codes and messages.
 */
import { ApiError, notFound, type ApiErrorBody } from './errors';
import { checksum, KEY_PREFIXES, makeId, normalizeId, prefixOf } from './ids';
import type { FieldDescribe, SObjectDescribe } from './metadata/fields';
import { defaultMetadata, type ObjectMetadata } from './metadata';
import { isPersonRecordType, type RecordTypeInfo } from './metadata/layouts';

export type SRecord = Record<string, unknown> & { Id: string };

/**
 * A validation rule as an admin writes one: when the field is not blank and does not match the
 * pattern, the save fails with the rule's message on the field (FIELD_CUSTOM_VALIDATION_EXCEPTION).
 * Describe knows nothing of these: only Salesforce can say no.
 */
export type ValidationRule = {
  object: string;
  field: string;
  pattern: string;
  message: string;
  /** Where the admin shows the message: at the field (`fields: [field]`) or at the top of the page (`fields: []`). */
  at?: 'field' | 'top';
};

/**
 * A duplicate rule as data: records of `object` whose `fields` all equal (ignoring case) the
 * new values match. An alerting rule (`allowSave: true`) lets a save with the duplicate-rule
 * header through; a blocking one never does.
 */
export type DuplicateRule = { name: string; object: string; fields: string[]; allowSave: boolean; message: string };

/**
 * The standard rules orgs keep active, alerting: Contact and Lead with the same first name, last
 * name and email (the email branch of Salesforce's standard matching rules, matched exactly).
 */
export const STANDARD_DUPLICATE_RULES: DuplicateRule[] = ['Contact', 'Lead'].map((object) => ({
  name: `Standard_${object}_Duplicate_Rule`,
  object,
  fields: ['FirstName', 'LastName', 'Email'],
  allowSave: true,
  message: `You're creating a duplicate record. We recommend you use an existing record instead.`,
}));

/** A custom rule many orgs add: Contact and Lead on email alone, alerting. */
export const EMAIL_DUPLICATE_RULES: DuplicateRule[] = STANDARD_DUPLICATE_RULES.map((rule) => ({ ...rule, name: `${rule.object}_Email_Duplicate_Rule`, fields: ['Email'] }));

export const ORG_ID = `00D5g000004ABCD${checksum('00D5g000004ABCD')}`;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The org's own record: a production Enterprise Edition org in the US, as real ones read. */
const ORGANIZATION = {
  Id: ORG_ID, Name: 'Emulated Org', Country: 'US', PrimaryContact: 'Integration User', DefaultLocaleSidKey: 'en_US', TimeZoneSidKey: 'America/Los_Angeles',
  LanguageLocaleKey: 'en_US', ReceivesInfoEmails: true, ReceivesAdminInfoEmails: true, PreferencesConsentManagementEnabled: true,
  PreferencesLightningLoginEnabled: true, FiscalYearStartMonth: 1, DefaultAccountAccess: 'Edit', DefaultContactAccess: 'ControlledByParent',
  DefaultOpportunityAccess: 'Edit', DefaultLeadAccess: 'ReadEditTransfer', DefaultCaseAccess: 'ReadEditTransfer', DefaultCalendarAccess: 'HideDetailsInsert',
  DefaultPricebookAccess: 'ReadSelect', DefaultCampaignAccess: 'All', UiSkin: 'Theme3', SignupCountryIsoCode: 'US', NumKnowledgeService: 0,
  OrganizationType: 'Enterprise Edition', InstanceName: 'EMU1', IsSandbox: false, WebToCaseDefaultOrigin: 'Web', MonthlyPageViewsUsed: 0,
  MonthlyPageViewsEntitlement: 0, IsReadOnly: false, CreatedDate: '2025-01-06T09:00:00.000+0000', LastModifiedDate: '2025-01-06T09:00:00.000+0000',
  SystemModstamp: '2025-01-06T09:00:00.000+0000',
  Address: { city: null, country: 'US', geocodeAccuracy: null, latitude: null, longitude: null, postalCode: null, state: null, street: null },
};

export class Org {
  readonly records = new Map<string, Map<string, SRecord>>();
  private sequence = 1;
  duplicateRules: DuplicateRule[] = structuredClone(STANDARD_DUPLICATE_RULES);
  validationRules: ValidationRule[] = [];
  /**
   * How far the org's clock is from this machine's (ms): a test moves Salesforce's time instead of
   * the PC's (Chromium cannot be given a clock of its own), to the same effect for the extension.
   */
  clockOffsetMs = 0;
  /** The org's time: record dates and date literals (LAST_N_DAYS:n) follow it. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }
  /** Bumped by every write: equality indexes built before it are stale. */
  private version = 0;
  private readonly indexes = new Map<string, { version: number; map: Map<string, SRecord[]> }>();

  constructor(readonly metadata: Map<string, ObjectMetadata> = defaultMetadata()) {
    for (const meta of metadata.values()) this.records.set(meta.describe.name, new Map());
    // The org itself, whatever the data.
    if (this.records.has('Organization')) this.insert('Organization', ORGANIZATION);
    // Record types are metadata, present whatever the data: RecordTypeId references resolve to them.
    if (this.records.has('RecordType')) {
      for (const meta of metadata.values()) {
        for (const rt of meta.describe.recordTypeInfos as { recordTypeId: string; name: string; developerName: string; master: boolean; active: boolean }[]) {
          if (!rt.master) this.insert('RecordType', { Id: rt.recordTypeId, Name: rt.name, DeveloperName: rt.developerName, SobjectType: meta.describe.name, IsActive: rt.active });
        }
      }
    }
  }

  /** The describe of an object, by any casing of its name; NOT_FOUND when the org has none. */
  object(type: string): SObjectDescribe {
    const meta = this.metadata.get(type.toLowerCase());
    if (!meta) throw notFound();
    return meta.describe;
  }

  field(type: string, name: string): FieldDescribe | undefined {
    const lower = name.toLowerCase();
    return this.object(type).fields.find((f) => f.name.toLowerCase() === lower);
  }

  table(type: string): Map<string, SRecord> {
    return this.records.get(this.object(type).name)!;
  }

  /** The object an id belongs to, from its key prefix. */
  typeOfId(id: string): string | undefined {
    const prefix = prefixOf(id);
    for (const meta of this.metadata.values()) if (meta.describe.keyPrefix === prefix) return meta.describe.name;
    return undefined;
  }

  find(id: string): SRecord | undefined {
    const full = normalizeId(id);
    if (!full) return undefined;
    const type = this.typeOfId(full);
    return type ? this.records.get(type)?.get(full) : undefined;
  }

  newId(type: string): string {
    const prefix = this.object(type).keyPrefix ?? KEY_PREFIXES[type] ?? '000';
    return makeId(prefix, 100000 + this.sequence++);
  }

  get(type: string, id: string, { includeDeleted = false } = {}): SRecord {
    const full = normalizeId(id);
    const record = full ? this.table(type).get(full) : undefined;
    if (!record || (record.IsDeleted && !includeDeleted)) throw notFound();
    return record;
  }

  create(type: string, body: Record<string, unknown>, options: WriteOptions): SRecord {
    const describe = this.object(type);
    if (describe.createable === false) throw ApiError.of(400, 'INVALID_TYPE', `sObject type '${describe.name}' is not supported.`);
    if (body && typeof body === 'object' && 'Id' in body && body.Id !== null) throw ApiError.of(400, 'INVALID_FIELD', 'cannot specify Id in an insert call', ['Id']);
    const values = this.checkFields(describe, body, 'create');
    const now = new Date(options.now ?? this.now()).toISOString().replace('Z', '+0000');
    const record: SRecord = { Id: this.newId(describe.name) };
    for (const f of describe.fields) {
      if (f.name === 'Id') continue;
      if (f.type === 'boolean') record[f.name] = f.defaultValue ?? false;
      else {
        const def = f.picklistValues.find((p) => p.defaultValue && p.active);
        record[f.name] = f.defaultedOnCreate && def ? def.value : null;
      }
    }
    Object.assign(record, values);
    if (record.OwnerId === null && describe.fields.some((f) => f.name === 'OwnerId')) record.OwnerId = options.userId;
    Object.assign(record, { IsDeleted: false, CreatedDate: now, CreatedById: options.userId, LastModifiedDate: now, LastModifiedById: options.userId, SystemModstamp: now });
    this.derive(describe.name, record);
    this.checkRequired(describe, record);
    this.checkActivityLinks(describe.name, record);
    this.checkValidationRules(describe.name, record);
    this.checkDuplicates(describe.name, record, options.allowSave === true);
    // A first version makes its file (ContentDocument), as Salesforce does.
    if (describe.name === 'ContentVersion') {
      record.ContentDocumentId = this.insert('ContentDocument', { Title: record.Title, LatestPublishedVersionId: record.Id, OwnerId: record.OwnerId, CreatedDate: now, CreatedById: options.userId, LastModifiedDate: now, SystemModstamp: now }).Id;
    }
    this.table(describe.name).set(record.Id, record);
    this.version++;
    return record;
  }

  update(type: string, id: string, body: Record<string, unknown>, options: WriteOptions): SRecord {
    const describe = this.object(type);
    const record = this.writable(describe.name, id);
    if (describe.name === 'Lead' && record.IsConverted) {
      throw ApiError.of(400, 'CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead');
    }
    const values = this.checkFields(describe, body, 'update');
    const next = { ...record, ...values };
    this.derive(describe.name, next);
    this.checkRequired(describe, next);
    this.checkActivityLinks(describe.name, next);
    this.checkValidationRules(describe.name, next);
    this.checkDuplicates(describe.name, next, options.allowSave === true);
    const now = new Date(options.now ?? this.now()).toISOString().replace('Z', '+0000');
    Object.assign(record, next, { LastModifiedDate: now, LastModifiedById: options.userId, SystemModstamp: now });
    this.version++;
    return record;
  }

  delete(type: string, id: string): void {
    const name = this.object(type).name;
    // Salesforce has no delete for a version (its documentation: delete the ContentDocument); the code here is not from a capture.
    if (name === 'ContentVersion') throw ApiError.of(400, 'INVALID_OPERATION', 'ContentVersion cannot be deleted: delete its ContentDocument');
    const record = this.writable(name, id);
    record.IsDeleted = true;
    // A file goes with all its versions.
    if (name === 'ContentDocument') for (const v of this.table('ContentVersion').values()) if (v.ContentDocumentId === record.Id) v.IsDeleted = true;
    this.version++;
  }

  private writable(type: string, id: string): SRecord {
    const full = normalizeId(id);
    if (!full) throw ApiError.of(400, 'MALFORMED_ID', `${type} ID: id value of incorrect type: ${id}`, ['Id']);
    const record = this.table(type).get(full);
    if (!record) throw notFound();
    if (record.IsDeleted) throw ApiError.of(400, 'ENTITY_IS_DELETED', 'entity is deleted');
    return record;
  }

  /** Checks every field that the body sets, as Salesforce does, and returns the coerced values. */
  private checkFields(describe: SObjectDescribe, body: Record<string, unknown>, mode: 'create' | 'update'): Record<string, unknown> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw ApiError.of(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
    }
    const out: Record<string, unknown> = {};
    const errors: ApiErrorBody[] = [];
    const notWritable: string[] = [];
    for (const [key, value] of Object.entries(body)) {
      if (key === 'attributes' || key === 'Id') continue;
      const f = describe.fields.find((x) => x.name.toLowerCase() === key.toLowerCase());
      if (!f) throw ApiError.of(400, 'INVALID_FIELD', `No such column '${key}' on sobject of type ${describe.name}`);
      if (mode === 'create' ? !f.createable : !f.updateable) {
        notWritable.push(f.name);
        continue;
      }
      const coerced = coerce(f, value);
      const error = this.checkValue(describe, f, coerced);
      if (error) errors.push(error);
      else out[f.name] = coerced === '' && f.type !== 'string' && f.type !== 'textarea' ? null : coerced;
    }
    if (notWritable.length) {
      throw ApiError.of(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${notWritable.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, notWritable);
    }
    if (errors.length) throw new ApiError(400, errors);
    return out;
  }

  private checkValue(describe: SObjectDescribe, f: FieldDescribe, value: unknown): ApiErrorBody | null {
    const bad = (errorCode: string, message: string): ApiErrorBody => ({ message, errorCode, fields: [f.name] });
    if (value === null || value === undefined) return null;
    switch (f.type) {
      case 'boolean':
        return typeof value === 'boolean' ? null : bad('JSON_PARSER_ERROR', `Cannot deserialize instance of boolean from VALUE_STRING value ${String(value)} or request may be missing a required field`);
      case 'int':
      case 'double':
      case 'currency':
      case 'percent':
        return typeof value === 'number' && Number.isFinite(value) ? null : bad('JSON_PARSER_ERROR', `Cannot deserialize instance of ${f.type} from VALUE_STRING value ${String(value)} or request may be missing a required field`);
      case 'date':
        return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? null : bad('JSON_PARSER_ERROR', `Cannot deserialize instance of date from VALUE_STRING value ${String(value)} or request may be missing a required field`);
      case 'datetime':
        return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : bad('JSON_PARSER_ERROR', `Cannot deserialize instance of datetime from VALUE_STRING value ${String(value)} or request may be missing a required field`);
      case 'reference':
      case 'id':
        return typeof value === 'string' ? this.checkReference(describe, f, value) : bad('MALFORMED_ID', `${f.label}: id value of incorrect type: ${String(value)}`);
      case 'junctionidlist': {
        // Shared Activities: up to 50 contacts or leads on one activity.
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return bad('JSON_PARSER_ERROR', `Cannot deserialize instance of ${f.name} from ${typeof value} value`);
        if (value.length > 50) return bad('INVALID_FIELD', `${f.name}: more than 50 relations`);
        // One lead, or contacts (TaskWhoRelation: "one lead or up to 50 contacts"; the code and words are not from a capture).
        if (value.length > 1 && (value as string[]).some((id) => this.typeOfId(normalizeId(id) ?? '') === 'Lead')) return bad('FIELD_INTEGRITY_EXCEPTION', `${f.label}: a lead cannot be named with other people`);
        for (const id of value as string[]) {
          const error = this.checkReference(describe, f, id);
          if (error) return error;
        }
        return null;
      }
    }
    if (typeof value !== 'string') return bad('JSON_PARSER_ERROR', `Cannot deserialize instance of string from ${typeof value} value ${String(value)}`);
    if (f.length && value.length > f.length) {
      return bad('STRING_TOO_LONG', `${f.label}: data value too large: ${value.slice(0, 80)} (max length=${f.length})`);
    }
    if (f.type === 'email' && value !== '' && !EMAIL.test(value)) return bad('INVALID_EMAIL_ADDRESS', `${f.label}: invalid email address: ${value}`);
    if ((f.type === 'picklist' || f.type === 'multipicklist') && f.restrictedPicklist && value !== '') {
      const allowed = f.picklistValues.filter((p) => p.active).map((p) => p.value);
      const chosen = f.type === 'multipicklist' ? value.split(';') : [value];
      if (chosen.some((v) => !allowed.includes(v))) return bad('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${f.label}: bad value for restricted picklist field: ${value}`);
    }
    return null;
  }

  private checkReference(describe: SObjectDescribe, f: FieldDescribe, value: string): ApiErrorBody | null {
    if (value === '') return null;
    const full = normalizeId(value);
    if (!full) return { message: `${f.label}: id value of incorrect type: ${value}`, errorCode: 'MALFORMED_ID', fields: [f.name] };
    const target = this.typeOfId(full);
    if (!target || !f.referenceTo.includes(target)) {
      return { message: `${f.label}: id value of incorrect type: ${value}`, errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: [f.name] };
    }
    const parent = this.records.get(target)?.get(full);
    if (!parent) return { message: 'invalid cross reference id', errorCode: 'INVALID_CROSS_REFERENCE_KEY', fields: [f.name] };
    if (parent.IsDeleted) return { message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED', fields: [f.name] };
    if (target === 'Lead' && parent.IsConverted && describe.name !== 'Lead') {
      return { message: 'cannot reference converted lead', errorCode: 'CANNOT_UPDATE_CONVERTED_LEAD', fields: [f.name] };
    }
    return null;
  }

  private checkValidationRules(type: string, record: SRecord): void {
    const errors = this.validationRules
      .filter((r) => r.object.toLowerCase() === type.toLowerCase())
      .filter((r) => {
        const value = record[r.field];
        return value !== null && value !== undefined && value !== '' && !new RegExp(r.pattern).test(String(value));
      })
      .map((r): ApiErrorBody => ({ message: r.message, errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: r.at === 'top' ? [] : [r.field] }));
    if (errors.length) throw new ApiError(400, errors);
  }

  /**
   * A task or event that names a lead is related to nothing else: Salesforce refuses a WhatId
   * beside a lead's WhoId (its error code and fields; the message's words are not from a capture).
   */
  private checkActivityLinks(type: string, record: SRecord): void {
    if (type !== 'Task' && type !== 'Event') return;
    const who = typeof record.WhoId === 'string' ? normalizeId(record.WhoId) : null;
    if (who && this.typeOfId(who) === 'Lead' && typeof record.WhatId === 'string' && record.WhatId) {
      throw ApiError.of(400, 'FIELD_INTEGRITY_EXCEPTION', 'field integrity exception: WhoId, WhatId (a lead cannot be related to another record)', ['WhoId', 'WhatId']);
    }
  }

  private checkRequired(describe: SObjectDescribe, record: SRecord): void {
    const empty = (name: string) => record[name] === null || record[name] === undefined || record[name] === '';
    const missing = describe.fields
      .filter((f) => !f.nillable && f.createable && !f.defaultedOnCreate && f.type !== 'boolean')
      .filter((f) => empty(f.name))
      .map((f) => f.name);
    // Where person accounts are on, describe lets both names be empty: a person needs a last name, a business a name.
    if (describe.name === 'Account' && typeof record.IsPersonAccount === 'boolean') missing.push(...(record.IsPersonAccount ? ['LastName'] : ['Name']).filter(empty));
    if (missing.length) throw ApiError.of(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
  }

  /** Fields Salesforce computes: names, case numbers, closed flags, a task's account. */
  private derive(type: string, record: SRecord): void {
    if (type === 'Contact' || type === 'Lead' || type === 'User') {
      record.Name = [record.FirstName, record.LastName].filter((x) => typeof x === 'string' && x).join(' ');
    }
    if (type === 'Case') {
      record.CaseNumber ??= String(this.sequence).padStart(8, '0');
      record.IsClosed = record.Status === 'Closed';
    }
    if (type === 'Account' && record.IsPersonAccount !== undefined) {
      // A person account is named after its person, as Salesforce names it.
      const rt = (this.object('Account').recordTypeInfos as RecordTypeInfo[]).find((r) => typeof record.RecordTypeId === 'string' && String(r.recordTypeId).slice(0, 15) === record.RecordTypeId.slice(0, 15));
      record.IsPersonAccount = !!rt && isPersonRecordType(this.object('Account'), rt);
      if (record.IsPersonAccount) record.Name = [record.FirstName, record.LastName].filter((x) => typeof x === 'string' && x).join(' ');
    }
    for (const list of ['TaskWhoIds', 'EventWhoIds']) {
      if (!Array.isArray(record[list])) continue;
      record.WhoId ??= (record[list] as string[])[0] ?? null;
      record.WhoCount = (record[list] as string[]).length;
    }
    if (type === 'Task' || type === 'Event') {
      record.IsClosed = record.Status === 'Completed' || record.Status === 'Deferred';
      record.IsHighPriority = record.Priority === 'High';
      if (type === 'Task') record.TaskSubtype ??= 'Task';
      const who = typeof record.WhoId === 'string' ? this.find(record.WhoId) : undefined;
      const what = typeof record.WhatId === 'string' ? this.find(record.WhatId) : undefined;
      record.AccountId = (what && this.typeOfId(what.Id) === 'Account' ? what.Id : (what?.AccountId as string | undefined)) ?? (who?.AccountId as string | undefined) ?? null;
    }
  }

  /** The first active duplicate rule the record breaks, answered with the body real orgs send (key `duplicateResut` sic). */
  private checkDuplicates(type: string, record: SRecord, allowSave: boolean): void {
    for (const rule of this.duplicateRules.filter((r) => r.object.toLowerCase() === type.toLowerCase())) {
      if (allowSave && rule.allowSave) continue;
      const wanted = rule.fields.map((f) => (typeof record[f] === 'string' ? (record[f] as string).trim().toLowerCase() : ''));
      if (wanted.some((v) => !v)) continue;
      const matches = [...this.table(type).values()].filter(
        (r) => r.Id !== record.Id && !r.IsDeleted && rule.fields.every((f, i) => typeof r[f] === 'string' && (r[f] as string).trim().toLowerCase() === wanted[i]),
      );
      if (!matches.length) continue;
      throw new ApiError(400, [
        {
          message: rule.message,
          errorCode: 'DUPLICATES_DETECTED',
          duplicateResut: {
            allowSave: rule.allowSave,
            duplicateRule: rule.name,
            duplicateRuleEntityType: type,
            errorMessage: rule.message,
            matchResults: [
              {
                entityType: type,
                errors: [],
                matchEngine: 'ExactMatchEngine',
                matchRecords: matches.map((m) => ({
                  additionalInformation: [],
                  fieldDiffs: [],
                  matchConfidence: 100,
                  record: { attributes: { type, url: `/services/data/v62.0/sobjects/${type}/${m.Id}` }, Id: m.Id },
                })),
                rule: rule.name.replace(/Duplicate_Rule$/, 'Match_Rule_v1_1'),
                size: matches.length,
                success: true,
              },
            ],
          },
        },
      ]);
    }
  }

  /**
   * The records of `type` whose `field` equals `value` ignoring case (SOQL's = on text), from an
   * index built on first use and rebuilt after any write: queries by email or id stay O(1).
   */
  lookup(type: string, field: string, value: string): SRecord[] {
    const key = `${type}.${field}`;
    let index = this.indexes.get(key);
    if (!index || index.version !== this.version) {
      const map = new Map<string, SRecord[]>();
      for (const record of this.table(type).values()) {
        const v = record[field];
        if (typeof v !== 'string') continue;
        const k = v.toLowerCase();
        const list = map.get(k);
        if (list) list.push(record);
        else map.set(k, [record]);
      }
      index = { version: this.version, map };
      this.indexes.set(key, index);
    }
    return index.map.get(value.toLowerCase()) ?? [];
  }

  /** A deep copy of the data, for composite allOrNone rollback. */
  snapshot(): Map<string, Map<string, SRecord>> {
    return new Map([...this.records].map(([type, table]) => [type, new Map([...table].map(([id, r]) => [id, { ...r }]))]));
  }

  restore(snapshot: Map<string, Map<string, SRecord>>): void {
    for (const [type, table] of snapshot) this.records.set(type, table);
    this.version++;
  }

  /** Inserts a record as seed data (no validation, fixed timestamps). */
  insert(type: string, record: Omit<SRecord, 'Id'> & { Id?: string }): SRecord {
    const describe = this.object(type);
    const full: SRecord = { Id: record.Id ?? this.newId(describe.name) };
    for (const f of describe.fields) if (f.name !== 'Id') full[f.name] = f.type === 'boolean' ? false : null;
    Object.assign(full, record, { IsDeleted: false });
    this.derive(describe.name, full);
    this.table(describe.name).set(full.Id, full);
    this.version++;
    return full;
  }
}

/**
 * Salesforce's JSON reader takes numbers and booleans written as strings ("NumberOfEmployees":
 * "10000"), as real clients send them; anything else is left for checkValue to refuse.
 */
function coerce(f: FieldDescribe, value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value;
  if (['int', 'double', 'currency', 'percent'].includes(f.type) && Number.isFinite(Number(value))) return Number(value);
  if (f.type === 'boolean' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return value;
}

export type WriteOptions = { userId: string; allowSave?: boolean; now?: number };
