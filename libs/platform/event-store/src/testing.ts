// Test-only entry point: the decider Given/When/Then helper (kept here for existing imports).
export * from '@billing/decider/testing';
