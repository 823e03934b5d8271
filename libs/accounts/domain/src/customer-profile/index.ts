export type * from './customer-profile.commands.js';
export type * from './customer-profile.events.js';
export * from './customer-profile.state.js';
export { customerProfileDecider, customerProfileStreamId } from './customer-profile.decider.js';
export { decideCustomerProfile } from './customer-profile.decide.js';
export { evolveCustomerProfile } from './customer-profile.evolve.js';
export { checkProfileName, checkProfileNameFree, isProfileRename, profileNameKey, type ProfileNamed } from './profile-name.js';
