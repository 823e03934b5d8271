// Which suites a run measures: BENCH_SUITES=eventstore,wallet,rating,distributed (any subset; default all).
// Each suite owns one section of docs/benchmarks.md (sections.ts), so a partial run keeps the
// other suites' last published sections.
export const SUITES = ['eventstore', 'wallet', 'rating', 'distributed'] as const;
export type SuiteName = (typeof SUITES)[number];

export function selectedSuites(raw = process.env.BENCH_SUITES): SuiteName[] {
  if (raw === undefined || raw.trim() === '') return [...SUITES];
  const names = raw.split(',').map((name) => name.trim()).filter((name) => name !== '');
  for (const name of names) {
    if (!(SUITES as readonly string[]).includes(name)) throw new Error(`BENCH_SUITES: unknown suite "${name}" (known: ${SUITES.join(', ')})`);
  }
  return SUITES.filter((suite) => names.includes(suite));
}
