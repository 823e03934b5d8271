export * from './port.js';
export * from './decider/index.js';
