/** Emails as Salesforce compares them: trimmed, case-insensitive. Null when it is no email. */
export function normalizeEmail(raw: string | undefined): string | null {
  const value = raw?.trim().toLowerCase();
  return value && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : null;
}
