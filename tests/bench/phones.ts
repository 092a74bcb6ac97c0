import { phoneFigures, runPhoneTable } from '../unit/identify/phone-table';

/**
 * phones.found_pct / phones.wrong_record / phones.tied over the phone table (every region's
 * example number, stored in one spelling, given by a visitor in another: see phone-table.ts). A
 * tie is asked of the agent (nothing is written automatically), so it is not a wrong record.
 */
export function measurePhones(): Record<string, number> {
  const figures = phoneFigures(runPhoneTable());
  return { 'phones.lookups': figures.lookups, 'phones.found_pct': figures.found_pct, 'phones.wrong_record': figures.wrong_record, 'phones.tied': figures.tied };
}
