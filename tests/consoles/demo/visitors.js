// Deterministic visitors for the demo console, the e2e suite and the benchmarks: realistic
// people in many scripts and phone formats, and every few, a hostile one. Plain ES module so
// the page and Node can both import it.

/** mulberry32: a tiny seeded PRNG, good enough for test data. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = [
  ['Grace', 'Hopper', 'US', '+1 (415) 555-0100'],
  ['José', 'Núñez', 'ES', '+34 612 34 56 78'],
  ['Zoë', 'Ødegård', 'NO', '412 34 567'],
  ['Łukasz', 'Wiśniewski', 'PL', '+48 512 345 678'],
  ['美咲', '佐藤', 'JP', '090-1234-5678'],
  ['Анна', 'Иванова', 'RU', '8 (912) 345-67-89'],
  ['محمد', 'العلي', 'AE', '+971 50 123 4567'],
  ['נועה', 'כהן', 'IL', '050-123-4567'],
  ['Aarav', 'Sharma', 'IN', '098765 43210'],
  ['Chloé', 'Dubois', 'FR', '06 12 34 56 78'],
  ['Jürgen', 'Müller', 'DE', '0151 23456789'],
  ['Siobhán', "O'Brien", 'IE', '087 123 4567'],
  ['Thabo', 'Nkosi', 'ZA', '082 123 4567'],
  ['Mei', 'Chen', 'CN', '+86 138 0013 8000'],
  ['Olivia', 'Smith', 'GB', '07700 900123'],
];
const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella GmbH', 'Stark Industries', 'Société Générale', '株式会社テスト', ''];
const DEPARTMENTS = ['Sales', 'Support', 'Billing', 'IT'];
const PRODUCTS = ['Starter plan', 'Pro plan', 'Enterprise', 'Add-on: SSO'];
const BROWSERS = [['Chrome 131', 'Windows 11'], ['Safari 18', 'macOS 15'], ['Firefox 133', 'Ubuntu 24.04'], ['Edge 131', 'Windows 10']];
const PAGES = ['https://shop.example.com/pricing', 'https://shop.example.com/checkout?step=2', 'https://shop.example.com/docs/sso'];

/** Strings that break naive code: quotes, markup, SOQL/SOSL syntax, RTL, emoji, huge text. */
export const HOSTILE_NAMES = [
  `Robert'); DROP TABLE Contact;--`,
  '<img src=x onerror=alert(1)>Mallory',
  'Eve \\\' OR Name LIKE \'%',
  '‮evil‬ Ärger 👩🏽‍💻',
  'Zalgo Z̴̤͎a̵l̸g̷o',
  '{!$Api.Session_ID} & {FIND}',
];

function slug(text) {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\w]+/g, '.').replace(/^\.|\.$/g, '').toLowerCase() || 'visitor';
}

/** Visitor number `n` of the stream with `seed`: the same numbers always give the same person. */
export function makeVisitor(n, seed = 1) {
  const rnd = random(seed * 100003 + n);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const [first, last, country, phone] = pick(PEOPLE);
  const hostile = n % 7 === 6;
  const name = hostile ? pick(HOSTILE_NAMES) : `${first} ${last}`;
  const local = hostile ? `hostile+${n}` : `${slug(first)}.${slug(last)}`;
  // Mixed case on purpose: Salesforce stores emails as typed, matching must not care.
  const email = n % 3 === 0 ? `${local}@Example.COM` : `${local}@example.com`;
  const [browser, os] = pick(BROWSERS);
  const company = pick(COMPANIES);
  return {
    name,
    email,
    phone,
    visits: 1 + Math.floor(rnd() * 20),
    chats: Math.floor(rnd() * 5),
    session: {
      ip: `198.51.100.${Math.floor(rnd() * 254) + 1}`,
      country,
      city: pick(['Springfield', 'Lisbon', 'Osaka', 'Dubai', 'Oslo', 'Cape Town']),
      browser,
      os,
      language: pick(['en-US', 'es-ES', 'ja-JP', 'ar-AE', 'he-IL', 'de-DE']),
      timeZone: pick(['America/Los_Angeles', 'Europe/Madrid', 'Asia/Tokyo', 'Asia/Dubai']),
      referrer: pick(['https://www.google.com/', 'https://news.example.org/review', '']),
      landingPage: pick(PAGES),
      currentPage: pick(PAGES),
      searchEngine: 'Google',
      searchKeywords: pick(['crm chat integration', 'pricing', '']),
      screenResolution: pick(['1920x1080', '1440x900', '390x844']),
    },
    preChat: {
      Name: name,
      Email: email,
      Phone: phone,
      Company: company,
      Department: pick(DEPARTMENTS),
      Product: pick(PRODUCTS),
    },
    custom: { plan: pick(['free', 'pro', 'enterprise']), cartValue: String(Math.floor(rnd() * 500)), userId: `u-${10000 + n}` },
    firstMessage: hostile ? `<script>alert("${n}")</script> please help` : pick(['Hi, I have a question about my order.', 'Can I upgrade my plan?', 'The checkout fails with an error.', '¿Hablan español?']),
  };
}
