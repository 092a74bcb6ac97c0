import { describe, field, systemFields } from './fields';

/** User: enough of a real org's fields for owner look-ups by email and for relationship queries. */
export const userDescribe = describe({
  name: 'User',
  label: 'User',
  labelPlural: 'Users',
  keyPrefix: '005',
  createable: false,
  deletable: false,
  // What a real org links for User (namedLayouts and passwordUtilities are User's own).
  urls: Object.fromEntries(['compactLayouts', 'rowTemplate', 'namedLayouts', 'passwordUtilities', 'describe', 'quickActions', 'layouts', 'sobject'].map((k) => [
    k, { rowTemplate: '/services/data/vxx.0/sobjects/User/{ID}', sobject: '/services/data/vxx.0/sobjects/User', describe: '/services/data/vxx.0/sobjects/User/describe', passwordUtilities: '/services/data/vxx.0/sobjects/User/{ID}/password' }[k] ?? `/services/data/vxx.0/sobjects/User/describe/${k}`,
  ])),
  fields: [
    field({ name: 'Id', type: 'id', label: 'User ID', nillable: false, createable: false, updateable: false, defaultedOnCreate: true }),
    field({ name: 'Username', type: 'string', label: 'Username', length: 80, nillable: false, unique: true }),
    field({ name: 'LastName', type: 'string', label: 'Last Name', length: 80, nillable: false }),
    field({ name: 'FirstName', type: 'string', label: 'First Name', length: 40 }),
    field({ name: 'Name', type: 'string', label: 'Full Name', length: 121, createable: false, updateable: false }),
    field({ name: 'Alias', type: 'string', label: 'Alias', length: 8, nillable: false }),
    field({ name: 'Email', type: 'email', label: 'Email', length: 128, nillable: false }),
    field({ name: 'IsActive', type: 'boolean', label: 'Active', nillable: false, defaultedOnCreate: true }),
    field({ name: 'Title', type: 'string', label: 'Title', length: 80 }),
    field({ name: 'CompanyName', type: 'string', label: 'Company Name', length: 80 }),
    field({ name: 'TimeZoneSidKey', type: 'picklist', label: 'Time Zone', nillable: false }),
    field({ name: 'LanguageLocaleKey', type: 'picklist', label: 'Language', nillable: false }),
    ...systemFields(),
  ],
});
