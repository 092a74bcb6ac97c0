import { getCountries, getExampleNumber, type CountryCode, type PhoneNumber } from 'libphonenumber-js/min';
import examples from 'libphonenumber-js/examples.mobile.json';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { parsePhone, phoneRegions, samePhone } from '@/utils/identify/phone';
import { rankCandidates } from '@/utils/identify/rank';
import { guessPhoneField, identifyRequests } from '@/utils/identify/request';
import type { IdentifyRules } from '@/utils/identify/rules';
import { Org } from '../../salesforce-emulator/org';
import { runSearch } from '../../salesforce-emulator/sosl';

/**
 * The phone table: every region's example number (libphonenumber's own), stored on a contact in
 * one spelling and given by a visitor from that region in another. One org per stored spelling
 * holds all regions' contacts at once, so a number sharing another country's national digits
 * (France's 6 12 34 56 78, Spain's 612 34 56 78) is there to be wrongly found.
 */

/** The org's own region: where its users typed numbers with an exit code (011 in the US). */
export const ORG_REGION: CountryCode = 'US';

type Spell = (number: PhoneNumber) => string | undefined;

/** Spellings a contact is stored in and a visitor gives, but for the exit code (below). */
export const SPELLINGS: Record<string, Spell> = {
  e164: (n) => n.number,
  international: (n) => n.formatInternational(),
  national: (n) => n.formatNational(),
  'national digits': (n) => n.formatNational().replace(/\D/g, ''),
  '00': (n) => n.formatInternational().replace(/^\+/, '00 '),
  // Dialled from the org's region (011 33 6 12 34 56 78 from the US): typed by the org's users,
  // or given by a visitor who is in that region.
  'exit code': (n) => (n.country === ORG_REGION ? undefined : n.format('IDD', { fromCountry: ORG_REGION })),
  tel: (n) => n.getURI(),
  // "+33 (0)6 12 34 56 78": the trunk prefix kept in brackets, common across Europe.
  'trunk in brackets': (n) => {
    const national = n.formatNational();
    return /^0[1-9]/.test(national) ? `+${n.countryCallingCode} (0)${national.slice(1)}` : undefined;
  },
  // Argentina's mobiles are as often written without the 9 they are dialled with from abroad.
  'without the mobile 9': (n) => (n.country === 'AR' && n.nationalNumber.startsWith('9') ? `+54 ${n.nationalNumber.slice(1)}` : undefined),
};

export type Lookup = { region: CountryCode; stored: string; storedAs: string; chat: string; chatAs: string };
/**
 * found: the visitor's contact first; wrong: another person first; tied: the visitor's contact and
 * another are equally good (the same national spelling in two countries, no country on either:
 * nothing in the org tells them apart, and the panel lists both); not found: neither.
 */
export type Outcome = Lookup & { result: 'found' | 'wrong' | 'tied' | 'not found'; first?: string };

const RULES: IdentifyRules = { contacts: [{ chatField: 'visitor.phone', sfField: 'Phone' }], leads: [], accounts: [] };

export function exampleNumbers(): { region: CountryCode; number: PhoneNumber }[] {
  return getCountries().flatMap((region) => {
    const number = getExampleNumber(region, examples);
    return number ? [{ region, number }] : [];
  });
}

/** Every lookup of the table, run through the real request building, the emulator's SOSL and the real ranking. */
export function runPhoneTable(): Outcome[] {
  const numbers = exampleNumbers();
  const outcomes: Outcome[] = [];
  for (const [storedAs, spellStored] of Object.entries(SPELLINGS)) {
    const org = new Org();
    // Regions sharing one example number (Australia's with Christmas Island's) share its one contact.
    const byNumber = new Map<string, string>();
    const ids = new Map<CountryCode, string>();
    for (const { region, number } of numbers) {
      const stored = spellStored(number);
      if (!stored) continue;
      const known = byNumber.get(number.number);
      const id = known ?? org.insert('Contact', { LastName: `Person of ${region}`, Phone: stored }).Id;
      byNumber.set(number.number, id);
      ids.set(region, id);
    }
    for (const { region, number } of numbers) {
      const id = ids.get(region);
      if (!id) continue;
      const stored = spellStored(number)!;
      for (const [chatAs, spellChat] of Object.entries(SPELLINGS)) {
        const chat = spellChat(number);
        if (chatAs === storedAs || !chat || chat === stored) continue;
        // A visitor who dials out with the org region's exit code is in that region.
        const country = chatAs === 'exit code' ? ORG_REGION : region;
        // Stored without its country, a number is read in the visitor's region: from elsewhere,
        // nothing says it is theirs, so that is no lookup that can succeed (and none is counted).
        if (storedAs.startsWith('national') && country !== region) continue;
        const snapshot = { ...emptySnapshot(`chat-${region}`, 'demo'), visitor: { phone: chat }, session: { country } };
        const requests = identifyRequests(snapshot, RULES, '62.0', { isPhone: guessPhoneField, region: ORG_REGION });
        const responses = requests.map((r) => ({
          referenceId: r.referenceId, httpStatusCode: 200,
          body: runSearch(org, decodeURIComponent(r.url.slice(r.url.indexOf('?q=') + 3))),
        }));
        const ranked = rankCandidates(responses, snapshot, RULES, { isPhone: guessPhoneField, region: ORG_REGION }).contacts;
        const first = ranked[0];
        const doubt = (phone?: string) => samePhone(phone, parsePhone(chat, phoneRegions(country, ORG_REGION))!, phoneRegions(country, ORG_REGION));
        const right = ranked.find((c) => c.id === id);
        const result = !first ? 'not found' : first.id === id ? 'found' : right && doubt(right.phone) === doubt(first.phone) ? 'tied' : 'wrong';
        outcomes.push({ region, stored, storedAs, chat, chatAs, result, ...(first && first.id !== id ? { first: first.name } : {}) });
      }
    }
  }
  return outcomes;
}

/**
 * The figures the bench prints: the share found first, how many showed another person first, and
 * the ties (two people nothing in the org tells apart): the panel asks the agent to choose and the
 * automatic write waits for them, so a tie is no wrong record.
 */
export function phoneFigures(outcomes: Outcome[]): { found_pct: number; wrong_record: number; tied: number; lookups: number } {
  const count = (result: Outcome['result']) => outcomes.filter((o) => o.result === result).length;
  return { found_pct: Math.round((count('found') / outcomes.length) * 1000) / 10, wrong_record: count('wrong'), tied: count('tied'), lookups: outcomes.length };
}
