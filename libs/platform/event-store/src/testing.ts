// Test-only entry point (imports Jest's `expect`): never import from production code.
export * from './decider/decider-spec.js';
