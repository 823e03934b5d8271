export type BatchState = { status: 'none' } | { status: 'opened'; batchId: string; customerIds: readonly string[] };

export function initialBatchState(): BatchState {
  return { status: 'none' };
}
