/** Today's and this month's start as UTC instants (the overview's "today" is the UTC day). */
export function periodStarts(now: Date): { today: string; month: string } {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return { today: today.toISOString().replace('.000Z', 'Z'), month: month.toISOString().replace('.000Z', 'Z') };
}

/** The UTC day (YYYY-MM-DD) of an instant: the reports' `from`/`to` take days. */
export function utcDay(instant: string): string {
  return instant.slice(0, 10);
}
