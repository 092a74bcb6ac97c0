import safeRegex from 'safe-regex2';

/** Every `pattern` an adapter holds, wherever it is. */
function patternsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => patternsOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'pattern' && typeof inner === 'string') out.push(inner);
      else patternsOf(inner, out);
    }
  }
  return out;
}

/**
 * The adapter's patterns that can backtrack catastrophically (a repeated group inside a repeat,
 * such as `^(a+)+$`: 27 characters of visitor text blocked a console tab for 1.9 s). Refused
 * when an admin sets them; the others run on capped text only.
 */
export function unsafePatterns(adapter: unknown): string[] {
  return patternsOf(adapter).filter((pattern) => !safeRegex(pattern));
}
