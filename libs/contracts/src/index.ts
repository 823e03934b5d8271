export * from './envelope.js';
export * from './money.js';
export * from './ip-network.js';
export * from './names.js';
export * from './wallet/index.js';
export * from './accounts/index.js';
export * from './rating/index.js';
