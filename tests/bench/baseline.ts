import type { Connection } from 'jsforce';
import type { ChatSnapshot } from '@/utils/chat/snapshot';
import { soqlString, soslPhrase } from '@/utils/salesforce/escape';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { normalizeEmail } from '@/utils/identify/normalize';
import type { IdentifyRules } from '@/utils/identify/rules';
import { chatValue } from '@/utils/identify/rules';

/**
 * The straightforward design the vendor documents describe, as the benchmark's baseline: one
 * query per identification rule (contacts, then leads, then accounts), then the contact's
 * account, one request each, in sequence.
 */
export async function baselineIdentify(conn: Connection, snapshot: ChatSnapshot, rules: IdentifyRules): Promise<{ id: string; type: string } | null> {
  const byRule = async (object: string, field: string, chatField: string) => {
    const raw = chatValue(snapshot, chatField);
    if (!raw) return [];
    // Only a contact has an account to follow: Lead and Account have no AccountId field.
    const fields = object === 'Contact' ? 'Id, AccountId' : 'Id';
    if (/phone/i.test(field)) {
      // The national digits, as the vendor documents' own integrations search.
      const phone = parsePhoneNumberFromString(raw, { defaultCountry: snapshot.session.country as CountryCode | undefined });
      if (!phone?.isPossible()) return [];
      const found = await conn.search(`FIND {${soslPhrase(phone.nationalNumber)}} IN PHONE FIELDS RETURNING ${object}(${fields})`);
      return found.searchRecords as { Id: string; AccountId?: string }[];
    }
    const value = normalizeEmail(raw) ?? raw;
    return (await conn.query<{ Id: string; AccountId?: string }>(`SELECT ${fields} FROM ${object} WHERE ${field} = ${soqlString(value)}`)).records;
  };
  const contacts = [];
  for (const rule of rules.contacts) contacts.push(...(await byRule('Contact', rule.sfField, rule.chatField)));
  if (contacts[0]) {
    if (contacts[0].AccountId) await conn.query(`SELECT Id, Name FROM Account WHERE Id = ${soqlString(contacts[0].AccountId)}`);
    return { id: contacts[0].Id, type: 'Contact' };
  }
  for (const rule of rules.leads) {
    const leads = await byRule('Lead', rule.sfField, rule.chatField);
    if (leads[0]) return { id: leads[0].Id, type: 'Lead' };
  }
  for (const rule of rules.accounts) {
    const accounts = await byRule('Account', rule.sfField, rule.chatField);
    if (accounts[0]) return { id: accounts[0].Id, type: 'Account' };
  }
  return null;
}

/**
 * The baseline's chat end: one create request per record, the case or task after the person it
 * refers to (a new contact, then its case; or a task on a found lead).
 */
export async function baselineChatEnd(conn: Connection, snapshot: ChatSnapshot, found: { id: string; type: string } | null): Promise<void> {
  const name = snapshot.visitor.name ?? 'Chat visitor';
  if (found?.type === 'Lead') {
    await conn.sobject('Task').create({ Subject: 'Chat', Status: 'Completed', WhoId: found.id, Description: 'transcript' });
    return;
  }
  const contact = (await conn.sobject('Contact').create({ LastName: name, Email: snapshot.visitor.email })) as { id: string };
  await conn.sobject('Case').create({ Subject: `Chat with ${name}`, ContactId: contact.id, Description: 'transcript' });
}
