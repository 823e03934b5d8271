// Test-only entry point: the decider Given/When/Then helper (kept here for existing imports).
export * from '@billing/decider/testing';
// The adapter contract suite (Jest globals): describeEventStoreContract(name, factory, capabilities).
export { describeEventStoreContract, type ContractCapabilities, type ContractHarness, type ContractOptions, type HarnessFactory } from './contract/event-store.contract.js';
