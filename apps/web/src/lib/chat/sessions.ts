/**
 * Facilitated sessions are scheduled in UTC from a plain form (works without JavaScript, and no
 * browser time zone has to be trusted). `datetime-local` gives "2026-11-24T20:00"; the API wants ISO 8601.
 */
export function utcFromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** "alex, sam ,  river" → ["alex", "sam", "river"]: facilitators by username, at most ten. */
export function usernameList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
    .slice(0, 10);
}
