import { describe, field, picklist, systemFields } from './fields';

/**
 * Organization: the org itself, one row, read once when an agent connects (its name for the
 * status). Its fields and their order are those of a real org's record (CumulusCI's capture).
 */
const ro = { createable: false, updateable: false };
const text = (name: string, label: string, length = 80) => field({ name, type: 'string', label, length, ...ro });
const choice = (name: string, label: string, values: string[]) => field({ name, type: 'picklist', label, length: 40, picklistValues: picklist(values), restrictedPicklist: true, ...ro });
const flag = (name: string, label: string) => field({ name, type: 'boolean', label, nillable: false, defaultedOnCreate: true, ...ro });
const count = (name: string, label: string) => field({ name, type: 'int', label, digits: 9, ...ro });
const ACCESS = ['None', 'Read', 'Edit', 'ReadEditTransfer', 'ControlledByParent', 'All', 'ReadSelect', 'HideDetailsInsert'];
const [created, createdBy, modified, modifiedBy, modstamp] = ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'].map((n) => systemFields().find((f) => f.name === n)!);

export const organizationDescribe = describe({
  name: 'Organization',
  label: 'Organization',
  labelPlural: 'Organizations',
  keyPrefix: '00D',
  createable: false,
  deletable: false,
  updateable: false,
  fields: [
    field({ name: 'Id', type: 'id', label: 'Organization ID', nillable: false, defaultedOnCreate: true, ...ro }),
    text('Name', 'Name'), text('Division', 'Division'),
    field({ name: 'Street', type: 'textarea', label: 'Street', length: 255, ...ro }),
    text('City', 'City', 40), text('State', 'State/Province'), text('PostalCode', 'Zip/Postal Code', 20), text('Country', 'Country'),
    field({ name: 'Latitude', type: 'double', label: 'Latitude', ...ro }), field({ name: 'Longitude', type: 'double', label: 'Longitude', ...ro }),
    choice('GeocodeAccuracy', 'Geocode Accuracy', ['Address', 'NearAddress', 'Block', 'Street', 'City', 'Zip', 'County', 'State', 'Unknown']),
    field({ name: 'Address', type: 'address', label: 'Address', length: 0, ...ro }),
    field({ name: 'Phone', type: 'phone', label: 'Phone', length: 40, ...ro }), field({ name: 'Fax', type: 'phone', label: 'Fax', length: 40, ...ro }),
    text('PrimaryContact', 'Primary Contact'),
    choice('DefaultLocaleSidKey', 'Locale', ['en_US', 'en_GB', 'fr_FR', 'de_DE']),
    choice('TimeZoneSidKey', 'Time Zone', ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Paris', 'GMT']),
    choice('LanguageLocaleKey', 'Language', ['en_US', 'fr', 'de', 'es', 'pt_BR']),
    flag('ReceivesInfoEmails', 'Info Emails'), flag('ReceivesAdminInfoEmails', 'Info Emails Admin'),
    flag('PreferencesRequireOpportunityProducts', 'RequireOpportunityProducts'), flag('PreferencesTransactionSecurityPolicy', 'TransactionSecurityPolicy'),
    flag('PreferencesTerminateOldestSession', 'TerminateOldestSession'), flag('PreferencesConsentManagementEnabled', 'ConsentManagementEnabled'),
    flag('PreferencesAutoSelectIndividualOnMerge', 'AutoSelectIndividualOnMerge'), flag('PreferencesLightningLoginEnabled', 'LightningLoginEnabled'),
    flag('PreferencesOnlyLLPermUserAllowed', 'OnlyLLPermUserAllowed'),
    count('FiscalYearStartMonth', 'Fiscal Year Starts In'), flag('UsesStartDateAsFiscalYearName', 'Fiscal Year Name by Start'),
    ...['Account', 'Contact', 'Opportunity', 'Lead', 'Case', 'Calendar', 'Pricebook', 'Campaign'].map((o) => choice(`Default${o}Access`, `Default ${o} Access`, ACCESS)),
    field({ name: 'DelegatedAuthenticationServiceUrl', type: 'url', label: 'Delegated Authentication Service', ...ro }),
    modstamp!,
    field({ name: 'ComplianceBccEmail', type: 'email', label: 'Compliance BCC Email', ...ro }),
    choice('UiSkin', 'UI Skin', ['Theme1', 'Theme2', 'Theme3', 'Theme4d']),
    text('SignupCountryIsoCode', 'Signup Country', 2),
    field({ name: 'TrialExpirationDate', type: 'datetime', label: 'Trial Expiration Date', ...ro }),
    count('NumKnowledgeService', 'Knowledge Licenses'),
    choice('OrganizationType', 'Edition', ['Developer Edition', 'Enterprise Edition', 'Unlimited Edition', 'Professional Edition']),
    text('NamespacePrefix', 'Namespace Prefix', 15), text('InstanceName', 'Instance Name', 5), flag('IsSandbox', 'Is Sandbox'),
    text('WebToCaseDefaultOrigin', 'Web to Cases Default Origin', 40),
    count('MonthlyPageViewsUsed', 'Monthly Page Views Used'), count('MonthlyPageViewsEntitlement', 'Monthly Page Views Allowed'),
    flag('IsReadOnly', 'Is Read Only'),
    created!, createdBy!, modified!, modifiedBy!,
  ],
  // What a real org's global describe links for Organization.
  urls: { rowTemplate: '/services/data/vxx.0/sobjects/Organization/{ID}', describe: '/services/data/vxx.0/sobjects/Organization/describe', sobject: '/services/data/vxx.0/sobjects/Organization' },
});
