// Test-only entry point (uses Jest's `expect`): never import from production code.
export * from './decider-spec.js';
