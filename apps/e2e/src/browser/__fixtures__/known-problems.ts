// Serious axe findings (and uncaught page errors) already reported to the page engineers, per
// role, page (the screenshot name) and axe rule (or the error as the checks word it), each with
// what it is; or a step's expectation (Portal.expectOrKnown) by a rule naming it. A finding listed
// here is printed, not failed; any other finding fails the run. Remove an entry as soon as its
// page is fixed: the list only shrinks.
export interface KnownProblem {
  role: 'admin' | 'agent' | 'customer';
  page: string;
  rule: string;
  what: string;
}

// empty: every finding reported so far was fixed (the last run met none of them)
export const KNOWN_PROBLEMS: readonly KnownProblem[] = [];

export function isKnown(role: string, page: string, rule: string): boolean {
  return KNOWN_PROBLEMS.some((known) => known.role === role && known.page === page && known.rule === rule);
}
