export type * from './trunk-address.types.js';
export { decideTrunkAddress, sameAddress, TECH_PREFIX, trunkAddressOf } from './trunk-address.decide.js';
export { evolveTrunkAddresses } from './trunk-address.evolve.js';
export { MAX_TECH_PREFIX_CHARS, MAX_TRUNK_ADDRESSES, trunkAddressRejections } from './trunk-address.rejections.js';
export { prefixesDistinguish, trunkAddressesConflict } from './trunk-address.rules.js';
