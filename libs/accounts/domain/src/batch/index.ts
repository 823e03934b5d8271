export type * from './batch.commands.js';
export type * from './batch.events.js';
export * from './batch.state.js';
export { batchDecider, batchStreamId } from './batch.decider.js';
export { decideBatch } from './batch.decide.js';
export { evolveBatch } from './batch.evolve.js';
export { customerCommandsOfBatch } from './batch-customers.js';
