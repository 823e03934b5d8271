import type { Decider } from '@billing/decider';
import type { BatchCommand } from './batch.commands.js';
import { decideBatch } from './batch.decide.js';
import type { BatchEvent } from './batch.events.js';
import { evolveBatch } from './batch.evolve.js';
import { initialBatchState, type BatchState } from './batch.state.js';

export const batchDecider: Decider<BatchCommand, BatchEvent, BatchState> = {
  decide: decideBatch,
  evolve: evolveBatch,
  initialState: initialBatchState,
};

export function batchStreamId(batchId: string): string {
  return `batch-${batchId}`;
}
