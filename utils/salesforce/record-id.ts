/** A Salesforce record id: 15 characters (case-sensitive) or 18 (with the case checksum), letters and digits. */
export const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
