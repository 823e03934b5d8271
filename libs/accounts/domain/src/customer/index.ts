export type * from './customer.commands.js';
export type * from './customer.events.js';
export * from './customer.state.js';
export { customerDecider, customerStreamId } from './customer.decider.js';
export { decideCustomer } from './customer.decide.js';
export { evolveCustomer } from './customer.evolve.js';
export { resolveCustomerTerms } from './resolve-customer-terms.js';
export type { CustomerCredentials } from './customer-credentials.js';
