/**
 * What the page layouts of the standard objects show, as an admin sees them in the layout editor:
 * sections of two columns, fields in the org's order. Specs may name fields a describe lacks
 * (field-level security hides them, or the org's edition has no such field): layouts skip those.
 */

/** A layout item: a field name, or a compound field with its parts, or null for a blank cell. */
export type Item = string | { compound: string; parts: string[] } | null;
export type SectionSpec = { heading: string; left: Item[]; right: Item[] };

const NAME = { compound: 'Name', parts: ['Salutation', 'FirstName', 'LastName'] };
const address = (prefix: string, compound = `${prefix}Address`) => ({
  compound,
  parts: [`${prefix}Street`, `${prefix}City`, `${prefix}State`, `${prefix}PostalCode`, `${prefix}Country`],
});

export const LAYOUT_SPECS: Record<string, SectionSpec[]> = {
  Contact: [
    { heading: 'Contact Information', left: ['OwnerId', NAME, 'AccountId', 'Title', 'Department', 'Birthdate', 'ReportsToId', 'LeadSource'], right: ['Phone', 'HomePhone', 'MobilePhone', 'OtherPhone', 'Fax', 'Email', 'AssistantName', 'AssistantPhone'] },
    { heading: 'Address Information', left: [address('Mailing')], right: [address('Other')] },
    { heading: 'Description Information', left: ['Description'], right: [] },
  ],
  Lead: [
    { heading: 'Lead Information', left: ['OwnerId', NAME, 'Company', 'Title', 'LeadSource', 'Industry', 'AnnualRevenue'], right: ['Phone', 'MobilePhone', 'Fax', 'Email', 'Website', 'Status', 'Rating', 'NumberOfEmployees'] },
    { heading: 'Address Information', left: [address('', 'Address')], right: [] },
    { heading: 'Description Information', left: ['Description'], right: [] },
  ],
  Account: [
    { heading: 'Account Information', left: ['OwnerId', 'Name', 'ParentId', 'AccountNumber', 'Site', 'Type', 'Industry', 'AnnualRevenue'], right: ['Rating', 'Phone', 'Fax', 'Website', 'TickerSymbol', 'Ownership', 'NumberOfEmployees', 'Sic'] },
    { heading: 'Address Information', left: [address('Billing')], right: [address('Shipping')] },
    { heading: 'Description Information', left: ['Description'], right: [] },
  ],
  Case: [
    { heading: 'Case Information', left: ['OwnerId', 'ContactId', 'AccountId', 'Type', 'Reason', 'Origin'], right: ['Status', 'Priority', 'ParentId', null, 'ContactPhone', 'ContactEmail'] },
    { heading: 'Web Information', left: ['SuppliedEmail', 'SuppliedName'], right: ['SuppliedCompany', 'SuppliedPhone'] },
    { heading: 'Description Information', left: ['Subject', 'Description', 'Comments'], right: [] },
  ],
  Opportunity: [
    { heading: 'Opportunity Information', left: ['OwnerId', 'IsPrivate', 'Name', 'AccountId', 'Type', 'LeadSource'], right: ['Amount', 'ExpectedRevenue', 'CloseDate', 'NextStep', 'StageName', 'Probability', 'CampaignId'] },
    { heading: 'Description Information', left: ['Description'], right: [] },
  ],
  // The two activities side by side: who, what and owner in the same places.
  Task: [
    { heading: 'Task Information', left: ['OwnerId', 'Subject', 'ActivityDate', 'Description'], right: ['WhoId', 'WhatId', 'Priority', 'Status'] },
    { heading: 'Additional Information', left: ['Type', 'CallDisposition'], right: ['CallType', 'CallObject'] },
  ],
  Event: [
    { heading: 'Calendar Details', left: ['OwnerId', 'Subject', 'Location', 'StartDateTime', 'EndDateTime', 'IsAllDayEvent'], right: ['WhoId', 'WhatId', 'ShowAs', 'IsPrivate'] },
    { heading: 'Description Information', left: ['Description'], right: [] },
  ],
  User: [{ heading: 'User Information', left: ['FirstName', 'LastName', 'Alias', 'Email'], right: ['Username', 'Title', 'CompanyName', 'IsActive'] }],
};

/** Salesforce's "Person Account Layout": the contact's fields (Person*) on the account. */
export const PERSON_ACCOUNT_LAYOUT: SectionSpec[] = [
  { heading: 'Account Information', left: ['OwnerId', NAME, 'PersonTitle', 'PersonDepartment', 'PersonBirthdate', 'PersonLeadSource', 'Type'], right: ['Phone', 'PersonHomePhone', 'PersonMobilePhone', 'PersonOtherPhone', 'Fax', 'PersonEmail', 'PersonAssistantName', 'PersonAssistantPhone'] },
  { heading: 'Address Information', left: [address('PersonMailing'), address('Billing')], right: [address('PersonOther'), address('Shipping')] },
  { heading: 'Description Information', left: ['Description'], right: [] },
];

/** Layouts label some fields otherwise than describe does ("Contact Owner" where describe says "Owner ID"). */
export const LAYOUT_LABELS: Record<string, string> = {
  'Task.OwnerId': 'Assigned To', 'Task.WhoId': 'Name', 'Task.WhatId': 'Related To',
  'Event.OwnerId': 'Assigned To', 'Event.WhoId': 'Name', 'Event.WhatId': 'Related To',
  'Lead.Status': 'Lead Status', 'Contact.AccountId': 'Account Name', 'Contact.ReportsToId': 'Reports To',
  'Case.ContactId': 'Contact Name', 'Case.AccountId': 'Account Name', 'Case.ParentId': 'Parent Case', 'Account.ParentId': 'Parent Account',
  'Opportunity.AccountId': 'Account Name', 'Opportunity.CampaignId': 'Primary Campaign Source',
};

/**
 * Fields the layout requires though describe lets them be null: in an org with person accounts,
 * Account.Name is nillable (a person has none) yet a business account needs one, and a person
 * account needs a last name.
 */
export const LAYOUT_REQUIRED = new Set(['Account.Name', 'Account.LastName']);
