/**
 * A realistic org, the same for the same seed: users, ~200 accounts, ~1,000 contacts, ~300
 * leads, cases and tasks, plus the hard cases identification must get right (named below as
 * SCENARIOS so tests can find them).
 */
import type { Org } from './org';
import { random } from '../consoles/demo/visitors.js';

export const SCENARIOS = {
  /** A contact found by email, with an account. */
  grace: { FirstName: 'Grace', LastName: 'Hopper', Email: 'grace.hopper@example.com', Phone: '(415) 555-0100', account: 'Acme Corp' },
  /** Email stored in mixed case, diacritics in the name. */
  jose: { FirstName: 'José', LastName: 'Núñez', Email: 'Jose.Nunez@Example.com', Phone: '+34 612 34 56 78', account: 'Globex' },
  /** A phone stored in international format, searched as national. */
  olivia: { FirstName: 'Olivia', LastName: 'Smith', Email: 'olivia.smith@example.co.uk', Phone: '+44 7400 123456', account: 'Initech' },
  /** Two contacts share one phone number. */
  sharedPhone: { Phone: '+1 212-555-0147', names: [['Pat', 'Morgan'], ['Pat', 'Morgan-Lee']] as const },
  /** One email on a contact and on a lead: the contact wins. */
  sharedEmail: { FirstName: 'Sam', LastName: 'Shared', Email: 'sam.shared@example.com' },
  /** Only a lead. */
  lead: { FirstName: 'Chloé', LastName: 'Dubois', Email: 'chloe.dubois@example.com', Company: 'Société Générale', Phone: '06 12 34 56 78' },
  /** A converted lead (old email) whose contact has a new email. */
  converted: { FirstName: 'Conrad', LastName: 'Converse', LeadEmail: 'conrad@oldmail.example', ContactEmail: 'conrad.converse@example.com' },
  /** Non-Latin scripts. */
  nonLatin: [
    { FirstName: '美咲', LastName: '佐藤', Email: 'misaki.sato@example.jp', Phone: '090-1234-5678' },
    { FirstName: 'Анна', LastName: 'Иванова', Email: 'anna.ivanova@example.ru', Phone: '8 (912) 345-67-89' },
    { FirstName: 'محمد', LastName: 'العلي', Email: 'm.alali@example.ae', Phone: '+971 50 123 4567' },
  ],
} as const;

export const USERS = [
  { FirstName: 'Integration', LastName: 'User', Email: 'integration@example.com', Alias: 'integ' },
  { FirstName: 'Ana', LastName: 'Agent', Email: 'ana.agent@example.com', Alias: 'aagent' },
  { FirstName: 'Ben', LastName: 'Backup', Email: 'ben.backup@example.com', Alias: 'bbackup' },
  { FirstName: 'Carla', LastName: 'Chen', Email: 'carla.chen@example.com', Alias: 'cchen' },
  { FirstName: 'Dev', LastName: 'Patel', Email: 'dev.patel@example.com', Alias: 'dpatel' },
];

const FIRST = ['James', 'Mary', 'Wei', 'Fatima', 'Lars', 'Aoife', 'Ravi', 'Sofia', 'Mateo', 'Yuki', 'Noah', 'Amara', 'Élodie', 'Björn', 'Ngozi', 'Priya', 'Tomás', 'Hana', 'Omar', 'Ingrid'];
const LAST = ['Garcia', 'Kim', 'Müller', 'Okafor', 'Rossi', 'Nguyen', 'Kowalski', 'Haddad', 'Silva', 'Tanaka', 'Johansson', 'Dubois', 'Murphy', 'Novak', 'Singh', 'Cohen', 'Alvarez', 'Brown', 'Ibrahim', 'Larsen'];
const COMPANY_WORDS = ['Blue', 'North', 'Quantum', 'River', 'Summit', 'Bright', 'Iron', 'Cedar', 'Nova', 'Pioneer'];
const COMPANY_TAILS = ['Labs', 'Logistics', 'Health', 'Foods', 'Systems', 'Partners', 'Energy', 'Retail', 'Studio', 'Capital'];
const INDUSTRIES = ['Banking', 'Technology', 'Healthcare', 'Retail', 'Energy', 'Education'];
const PHONE_FORMATS = [
  (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `+1 ${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  (d: string) => d,
  (d: string) => `+1${d}`,
];

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
const BASE_TIME = Date.parse('2026-01-05T09:00:00Z');

/** Fills an empty org. Returns the user ids, the first being the default connected user. */
export function seedOrg(org: Org, seed = 1, { size = 'full' }: { size?: 'full' | 'scenarios' } = {}): string[] {
  const rnd = random(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  let clock = BASE_TIME;
  const stamp = () => {
    clock += Math.floor(rnd() * 3_600_000);
    return { CreatedDate: iso(clock), LastModifiedDate: iso(clock), SystemModstamp: iso(clock) };
  };

  const users = USERS.map((u, i) =>
    org.insert('User', { ...u, Username: `${u.Email}.emulator`, IsActive: true, TimeZoneSidKey: 'America/Los_Angeles', LanguageLocaleKey: 'en_US', CompanyName: 'Emulated Org', Title: i ? 'Agent' : 'Integration', ...stamp() }).Id,
  );
  // Omni-Channel: the org's presence statuses, and each agent's presence (history, then the current one).
  // Fixed times: drawing from the random stream here would change every record seeded after.
  const fixed = { CreatedDate: iso(BASE_TIME), LastModifiedDate: iso(BASE_TIME), SystemModstamp: iso(BASE_TIME) };
  const statuses = Object.fromEntries(['Available', 'Break', 'Busy'].map((name) => [name, org.insert('ServicePresenceStatus', { DeveloperName: name, MasterLabel: name === 'Break' ? 'On a break' : name, Language: 'en_US', ...fixed }).Id]));
  users.slice(1).forEach((userId, i) => {
    org.insert('UserServicePresence', { UserId: userId, OwnerId: userId, ServicePresenceStatusId: statuses.Break, IsCurrentState: false, IsAway: true, StatusStartDate: iso(BASE_TIME), StatusEndDate: iso(BASE_TIME + 600_000), ...fixed });
    org.insert('UserServicePresence', { UserId: userId, OwnerId: userId, ServicePresenceStatusId: i % 2 ? statuses.Busy : statuses.Available, IsCurrentState: true, IsAway: false, StatusStartDate: iso(BASE_TIME + 600_000), ...fixed });
  });
  const owner = () => pick(users);
  const ACCOUNT_TYPES = ['Customer - Direct', 'Prospect', 'Customer - Channel', 'Technology Partner'];
  const system = () => ({ CreatedById: users[0]!, LastModifiedById: users[0]!, ...stamp() });
  const accounts = new Map<string, string>();
  const account = (name: string) => {
    const existing = accounts.get(name);
    if (existing) return existing;
    // Type and revenue follow the count, not the random stream, so the rest of the data stays as it was.
    const id = org.insert('Account', { Name: name, Type: ACCOUNT_TYPES[accounts.size % ACCOUNT_TYPES.length], AnnualRevenue: (accounts.size + 1) * 1_250_000, Industry: pick(INDUSTRIES), Phone: `+1 415 555 ${String(1000 + accounts.size).slice(-4)}`, Website: `https://${name.toLowerCase().replace(/\W+/g, '')}.example.com`, OwnerId: owner(), RecordTypeId: '012000000000000AAA', ...system() }).Id;
    accounts.set(name, id);
    return id;
  };
  const contact = (fields: Record<string, unknown>) => org.insert('Contact', { OwnerId: owner(), LeadSource: 'Web', ...system(), ...fields }).Id;
  const lead = (fields: Record<string, unknown>) => org.insert('Lead', { OwnerId: owner(), Status: 'Open - Not Contacted', IsConverted: false, ...system(), ...fields }).Id;

  // The hard cases first, so their ids are stable whatever the size.
  const s = SCENARIOS;
  const grace = contact({ FirstName: s.grace.FirstName, LastName: s.grace.LastName, Email: s.grace.Email, Phone: s.grace.Phone, Title: 'Rear Admiral', Department: 'Engineering', Birthdate: '1906-12-09', AccountId: account(s.grace.account) });
  contact({ FirstName: s.jose.FirstName, LastName: s.jose.LastName, Email: s.jose.Email, Phone: s.jose.Phone, AccountId: account(s.jose.account) });
  contact({ FirstName: s.olivia.FirstName, LastName: s.olivia.LastName, Email: s.olivia.Email, MobilePhone: s.olivia.Phone, AccountId: account(s.olivia.account) });
  for (const [first, last] of s.sharedPhone.names) contact({ FirstName: first, LastName: last, Phone: s.sharedPhone.Phone, Email: `${last.toLowerCase()}@example.org`, AccountId: account('Morgan & Co') });
  contact({ FirstName: s.sharedEmail.FirstName, LastName: s.sharedEmail.LastName, Email: s.sharedEmail.Email, AccountId: account('Initech') });
  lead({ FirstName: s.sharedEmail.FirstName, LastName: s.sharedEmail.LastName, Email: s.sharedEmail.Email, Company: 'Initech' });
  lead({ FirstName: s.lead.FirstName, LastName: s.lead.LastName, Email: s.lead.Email, Company: s.lead.Company, Phone: s.lead.Phone, LeadSource: 'Web' });
  const convertedAccount = account('Converse Shoes');
  const convertedContact = contact({ FirstName: s.converted.FirstName, LastName: s.converted.LastName, Email: s.converted.ContactEmail, AccountId: convertedAccount });
  lead({ FirstName: s.converted.FirstName, LastName: s.converted.LastName, Email: s.converted.LeadEmail, Company: 'Converse Shoes', IsConverted: true, Status: 'Closed - Converted', ConvertedContactId: convertedContact, ConvertedAccountId: convertedAccount, ConvertedDate: '2026-01-04' });
  for (const p of s.nonLatin) contact({ ...p, AccountId: account('Global Partners KK') });
  org.insert('Case', { Subject: 'Cannot log in', Status: 'New', Origin: 'Web', Priority: 'Medium', ContactId: grace, AccountId: accounts.get('Acme Corp'), OwnerId: users[1], ...system() });

  if (size === 'full') {
    while (accounts.size < 200) account(`${pick(COMPANY_WORDS)} ${pick(COMPANY_TAILS)} ${accounts.size}`);
    const accountIds = [...accounts.values()];
    for (let i = 0; i < 990; i++) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const digits = `${200 + Math.floor(rnd() * 700)}${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`;
      const email = `${first}.${last}${i}@${pick(['example.com', 'mail.example.org', 'Example.NET'])}`;
      contact({
        FirstName: first,
        LastName: last,
        Email: rnd() < 0.3 ? email.toUpperCase() : email.toLowerCase(),
        Phone: rnd() < 0.9 ? pick(PHONE_FORMATS)(digits) : null,
        Title: pick(['Buyer', 'CTO', 'Office Manager', 'Engineer', null]),
        AccountId: rnd() < 0.9 ? pick(accountIds) : null,
      });
    }
    for (let i = 0; i < 297; i++) {
      const first = pick(FIRST);
      const last = pick(LAST);
      lead({ FirstName: first, LastName: last, Email: `${first}.${last}.lead${i}@example.com`.toLowerCase(), Company: `${pick(COMPANY_WORDS)} ${pick(COMPANY_TAILS)}`, Phone: pick(PHONE_FORMATS)(`${300 + i}5550${String(i).padStart(3, '0')}`.slice(0, 10)) });
    }
    const contactIds = [...org.table('Contact').keys()];
    for (let i = 0; i < 100; i++) {
      const who = pick(contactIds);
      org.insert('Case', { Subject: pick(['Refund request', 'Login problem', 'Shipping delay', 'Invoice question']), Status: pick(['New', 'Working', 'Closed']), Origin: pick(['Web', 'Phone', 'Email']), Priority: pick(['High', 'Medium', 'Low']), ContactId: who, AccountId: org.table('Contact').get(who)?.AccountId ?? null, OwnerId: owner(), ...system() });
    }
    for (let i = 0; i < 150; i++) {
      org.insert('Task', { Subject: pick(['Call', 'Send Quote', 'Other']), Status: pick(['Not Started', 'Completed']), Priority: 'Normal', WhoId: pick(contactIds), OwnerId: owner(), ActivityDate: '2026-01-10', ...system() });
    }
  }
  return users;
}
