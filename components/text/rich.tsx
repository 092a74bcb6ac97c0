import type { ComponentChildren } from 'preact';

const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Named substitutions that leave a marker where each element goes (see `rich`). */
export function slots<K extends string>(...names: K[]): Record<K, string> {
  return Object.fromEntries(names.map((n) => [n, `${OPEN}${n}${CLOSE}`])) as Record<K, string>;
}

/**
 * A translated sentence with elements inside it (a name in <bdi>, a link, a button): the message
 * is translated whole, so each language puts the elements where its word order wants them.
 * `rich(i18n.t('key', slots('name')), { name: <bdi>{name}</bdi> })`.
 */
export function rich(message: string, parts: Record<string, ComponentChildren>): ComponentChildren[] {
  return message.split(new RegExp(`${OPEN}(\\w+)${CLOSE}`)).map((piece, i) => (i % 2 ? parts[piece] : piece));
}
