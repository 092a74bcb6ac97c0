let graphemes: Intl.Segmenter | undefined;

/**
 * The text within `max` UTF-16 units (what Salesforce counts), marker included, cut on a whole
 * character: never half a surrogate pair (half an emoji), never inside a combining sequence
 * (é as e + ◌́, 👩🏽‍💻). Unchanged when it fits.
 */
export function cutText(text: string, max: number, marker = ''): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - marker.length);
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  // The character the cut falls in starts at the last boundary that fits.
  const end = room < text.length ? graphemes.segment(text).containing(room)!.index : text.length;
  return text.slice(0, end) + marker;
}
