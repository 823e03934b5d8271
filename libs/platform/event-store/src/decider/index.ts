// Deciders live in @billing/decider (a pure lib domain code may import); re-exported for convenience.
export * from '@billing/decider';
