export type * from './agent.commands.js';
export type * from './agent.events.js';
export * from './agent.state.js';
export { agentDecider, agentStreamId } from './agent.decider.js';
export { decideAgent } from './agent.decide.js';
export { evolveAgent } from './agent.evolve.js';
