/** The objects the panel reads and writes. */
export const OBJECTS = ['Contact', 'Lead', 'Account', 'Case', 'Task'] as const;
export type ObjectName = (typeof OBJECTS)[number];

/** One mapped Salesforce field: the chat field it takes (a catalogue key), and whether the panel shows it. */
export type MappingRow = { sfField: string; chatField?: string; display?: boolean };
export type FieldMapping = Record<ObjectName, MappingRow[]>;

/**
 * Until settings carry it: the default mapping table of seed 000 ("Field Mapping"), with the
 * fields an agent most often needs at a glance marked "display in console".
 */
export const DEFAULT_MAPPING: FieldMapping = {
  Contact: [
    { sfField: 'FirstName', chatField: 'visitor.firstName' },
    { sfField: 'LastName', chatField: 'visitor.lastName' },
    { sfField: 'Email', chatField: 'visitor.email', display: true },
    { sfField: 'Phone', chatField: 'visitor.phone', display: true },
    { sfField: 'Department', chatField: 'preChat.department', display: true },
    { sfField: 'Title', display: true },
    { sfField: 'MobilePhone', display: true },
    { sfField: 'LeadSource', display: true },
    { sfField: 'Birthdate', display: true },
    { sfField: 'OwnerId', display: true },
  ],
  Lead: [
    { sfField: 'FirstName', chatField: 'visitor.firstName' },
    { sfField: 'LastName', chatField: 'visitor.lastName' },
    { sfField: 'Email', chatField: 'visitor.email', display: true },
    { sfField: 'Phone', chatField: 'visitor.phone', display: true },
    { sfField: 'Company', chatField: 'visitor.company', display: true },
    { sfField: 'Title', display: true },
    { sfField: 'Status', display: true },
    { sfField: 'LeadSource', display: true },
    { sfField: 'Rating', display: true },
    { sfField: 'OwnerId', display: true },
  ],
  Account: [
    { sfField: 'Type', display: true },
    { sfField: 'Industry', display: true },
    { sfField: 'Phone', display: true },
    { sfField: 'Website', display: true },
    { sfField: 'AnnualRevenue', display: true },
    { sfField: 'OwnerId', display: true },
  ],
  Case: [
    { sfField: 'SuppliedName', chatField: 'visitor.name' },
    { sfField: 'SuppliedEmail', chatField: 'visitor.email' },
    { sfField: 'SuppliedCompany', chatField: 'visitor.company' },
    { sfField: 'SuppliedPhone', chatField: 'visitor.phone' },
    { sfField: 'Description', chatField: 'chat.transcript' },
  ],
  Task: [{ sfField: 'Description', chatField: 'chat.transcript' }],
};
