import type { ChatSnapshot } from '../chat/snapshot';
import { chatValue } from '../identify/rules';

export type PersonName = { first?: string; last: string };

// Family name first, no space needed between the parts: Chinese, Japanese, Korean.
const FAMILY_FIRST = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HAN = /^\p{Script=Han}+$/u;
const HANGUL = /^\p{Script=Hangul}+$/u;
// Two-character family names, read as one: 欧阳 修, 남궁 민.
const COMPOUND_FAMILY = new Set(['欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '东方', '東方', '皇甫', '尉迟', '尉遲', '公孙', '公孫', '慕容', '令狐', '夏侯', '长孙', '長孫', '남궁', '황보', '제갈', '선우', '독고', '사공', '서문']);
// Courtesy titles before a name: not part of it.
const TITLE = /^(mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|frau|mme|mlle|sr|sra|srta|dott|dott\.ssa)\.?$/i;
// Particles that begin a family name in given-family order: Ludwig van Beethoven, María de la Cruz, Mohammed bin Salman.
const PARTICLE = /^(van|von|der|den|de|del|della|dello|di|da|das|dos|du|la|le|ter|ten|zu|bin|binti|bint|ibn|al|el|ben|abu|ap|st\.?|بن|بنت|ابن|آل|أبو|ابو)$/i;
// Generational and academic suffixes stay with the family name: King Jr.
const SUFFIX = /^(jr|sr|ii|iii|iv|v|phd|md|esq)\.?$/i;

/**
 * A full name as FirstName and LastName. Family-first scripts (Chinese, Japanese, Korean) give
 * the family name first, with or without a space; other names give it last, with its particles
 * (van, de la, bin). One word is a LastName alone (Salesforce requires it). Titles are dropped. A
 * name made only of punctuation is kept as typed: it is what the visitor wrote.
 */
export function splitName(full: string): PersonName | null {
  let text = full.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  // "King, Martin Luther, Jr." and "Lovelace, Ada": the family name before the comma.
  const parts = text.split(/\s*,\s*/).filter(Boolean);
  const suffix = parts.length > 1 && SUFFIX.test(parts.at(-1)!) ? parts.pop()! : '';
  if (parts.length === 2 && suffix === '' && parts.every((p) => /\p{L}/u.test(p))) {
    return { last: parts[0]!, first: parts[1]! };
  }
  text = parts.join(' ');
  const words = text.split(' ');
  if (suffix) words[words.length - 1] += `, ${suffix}`;
  else if (words.length > 2 && SUFFIX.test(words.at(-1)!)) words.push(`${words.splice(-2).join(' ')}`);
  while (words.length > 1 && TITLE.test(words[0]!)) words.shift();
  if (FAMILY_FIRST.test(words[0]!)) {
    if (words.length > 1) return { last: words[0]!, first: words.slice(1).join(' ') };
    const word = words[0]!;
    // Japanese written without a space cannot be split safely: all of it is the family name.
    if ((HAN.test(word) || HANGUL.test(word)) && [...word].length >= 2 && [...word].length <= 4) {
      const chars = [...word];
      const family = chars.length >= 3 && COMPOUND_FAMILY.has(chars.slice(0, 2).join('')) ? 2 : 1;
      return { last: chars.slice(0, family).join(''), first: chars.slice(family).join('') };
    }
    return { last: word };
  }
  if (words.length === 1) return { last: words[0]! };
  // The family name starts at its first particle (not the first word), else is the last word.
  const particle = words.findIndex((w, i) => i > 0 && i < words.length - 1 && PARTICLE.test(w));
  const start = particle > 0 ? particle : words.length - 1;
  return { first: words.slice(0, start).join(' '), last: words.slice(start).join(' ') };
}

const FIRST_KEYS = ['firstName', 'givenName', 'first name', 'given name', 'first_name', 'forename'];
const LAST_KEYS = ['lastName', 'familyName', 'surname', 'last name', 'family name', 'last_name'];

/**
 * The visitor's name as FirstName and LastName: the console's own first and last name fields
 * (visitor or pre-chat) win; else the full name, split.
 */
export function visitorName(snapshot: ChatSnapshot): PersonName | null {
  if (snapshot.masked.includes('visitor.name')) return null;
  const pick = (keys: string[]) => {
    for (const group of ['visitor', 'preChat']) {
      for (const key of keys) {
        const value = chatValue(snapshot, `${group}.${key}`)?.trim();
        if (value) return value;
      }
    }
    return undefined;
  };
  const last = pick(LAST_KEYS);
  if (last) return { last, ...(pick(FIRST_KEYS) ? { first: pick(FIRST_KEYS) } : {}) };
  return snapshot.visitor.name ? splitName(snapshot.visitor.name) : null;
}
