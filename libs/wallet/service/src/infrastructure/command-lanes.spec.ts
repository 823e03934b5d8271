// The lanes against a writer whose commits we release by hand: what is batched together, what
// waits, and in which order each account sees its commands.
import type { WalletCommand } from '@billing/wallet-domain';
import { CommandLanes, LedgerOverloadedError, MAX_BATCH_STREAMS, type BatchWriter } from './command-lanes.js';
import type { CommandUnit, UnitOutcome } from './command-unit.js';
import type { Settled } from './ledger-writer.js';

const meta = { actor: 'system', now: '2026-12-02T00:00:00.000Z' };
const charge = (customerId: string, callId = `call-${customerId}`): WalletCommand => ({ type: 'ChargeCall', customerId, callId, costMicros: 1n, meta });
const transfer = (agentId: string, customerId: string): WalletCommand => ({
  type: 'TransferToCustomer',
  transferId: `t-${agentId}-${customerId}`,
  agentId,
  customerId,
  amountMicros: 1n,
  agentCommissionMicroPercent: 0n,
  meta,
});
const unitOf = (command: WalletCommand, key: string): CommandUnit => ({ commands: [command], key, metadata: { actor: 'system', correlationId: key, causationId: key } });

/** Records each batch; a batch's commit resolves when the test releases it. */
class HeldWriter implements BatchWriter {
  readonly batches: string[][] = [];
  private readonly releases: (() => void)[] = [];
  failNext: unknown;

  commit(units: readonly CommandUnit[]): Promise<Settled<UnitOutcome>[]> {
    this.batches.push(units.map((unit) => unit.key));
    const failure = this.failNext;
    this.failNext = undefined;
    return new Promise((resolve, reject) => {
      this.releases.push(() => (failure === undefined ? resolve(units.map(() => ({ ok: true, value: { kind: 'committed', outcomes: [] } }))) : reject(failure)));
    });
  }

  get waiting(): number {
    return this.releases.length;
  }

  /** Releases the oldest batch still held. */
  release(): void {
    const next = this.releases.shift();
    if (next === undefined) throw new Error('no batch is held');
    next();
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const limits = { maxBatchCommands: 128, maxBatchesInFlight: 2, maxQueuedUnits: 10_000 };

describe('command lanes', () => {
  it('puts charges of many customers submitted together into few batches, each within the stream bound', async () => {
    const writer = new HeldWriter();
    const total = 2 * MAX_BATCH_STREAMS + 20;
    const lanes = new CommandLanes(writer, { ...limits, maxBatchCommands: 1_000 });
    const done = Promise.all(Array.from({ length: total }, (_, i) => lanes.submit(unitOf(charge(`c${i}`), `k${i}`))));
    await settle();
    expect(writer.batches.map((batch) => batch.length)).toEqual([MAX_BATCH_STREAMS, MAX_BATCH_STREAMS]);
    writer.release();
    await settle();
    expect(writer.batches.map((batch) => batch.length)).toEqual([MAX_BATCH_STREAMS, MAX_BATCH_STREAMS, 20]);
    writer.release();
    writer.release();
    await expect(done).resolves.toHaveLength(total);
  });

  it('never runs two batches on one account at once, and keeps each account in submission order', async () => {
    const writer = new HeldWriter();
    const lanes = new CommandLanes(writer, limits);
    const first = lanes.submit(unitOf(charge('a', 'a1'), 'a1'));
    await settle();
    // a2 waits for a1; t (agent x → customer a) waits behind a2; b1 and the transfer to b go now
    const rest = [
      lanes.submit(unitOf(charge('a', 'a2'), 'a2')),
      lanes.submit(unitOf(transfer('x', 'a'), 'xa')),
      lanes.submit(unitOf(charge('b', 'b1'), 'b1')),
      lanes.submit(unitOf(transfer('x', 'b'), 'xb')),
    ];
    await settle();
    // x's accounts are held by the skipped transfer to a, so the transfer to b may not overtake it
    expect(writer.batches).toEqual([['a1'], ['b1']]);
    writer.release();
    await settle();
    expect(writer.batches[2]).toEqual(['a2', 'xa']);
    writer.release();
    writer.release();
    await settle();
    expect(writer.batches[3]).toEqual(['xb']);
    writer.release();
    await Promise.all([first, ...rest]);
    expect(writer.waiting).toBe(0);
  });

  it('close right after a submit in the same task still waits for that unit', async () => {
    const writer = new HeldWriter();
    const lanes = new CommandLanes(writer, limits);
    const submitted = lanes.submit(unitOf(charge('a'), 'k1'));
    let closed = false;
    const closing = lanes.close().then(() => (closed = true));
    await settle();
    expect(writer.batches).toEqual([['k1']]);
    expect(closed).toBe(false);
    writer.release();
    await Promise.all([submitted, closing]);
    expect(closed).toBe(true);
  });

  it('splits a batch at the command bound', async () => {
    const writer = new HeldWriter();
    const lanes = new CommandLanes(writer, { ...limits, maxBatchCommands: 3, maxBatchesInFlight: 1 });
    const done = Promise.all(Array.from({ length: 7 }, (_, i) => lanes.submit(unitOf(charge('same', `call-${i}`), `k${i}`))));
    for (let i = 0; i < 3; i += 1) {
      await settle();
      writer.release();
    }
    await done;
    expect(writer.batches.map((batch) => batch.length)).toEqual([3, 3, 1]);
  });

  it('gives every unit of a failed batch the error, and goes on with the next', async () => {
    const writer = new HeldWriter();
    const lanes = new CommandLanes(writer, { ...limits, maxBatchesInFlight: 1 });
    writer.failNext = new Error('disk on fire');
    const failed = [lanes.submit(unitOf(charge('a'), 'k1')), lanes.submit(unitOf(charge('b'), 'k2'))];
    await settle();
    const after = lanes.submit(unitOf(charge('a', 'again'), 'k3'));
    writer.release();
    await expect(failed[0]).rejects.toThrow('disk on fire');
    await expect(failed[1]).rejects.toThrow('disk on fire');
    await settle();
    writer.release();
    await expect(after).resolves.toEqual({ kind: 'committed', outcomes: [] });
  });

  it('refuses beyond the queue bound and after close, and close waits for the queued work', async () => {
    const writer = new HeldWriter();
    const lanes = new CommandLanes(writer, { ...limits, maxBatchesInFlight: 1, maxQueuedUnits: 2 });
    const accepted = [lanes.submit(unitOf(charge('a', '1'), 'k1')), lanes.submit(unitOf(charge('a', '2'), 'k2'))];
    await expect(lanes.submit(unitOf(charge('a', '3'), 'k3'))).rejects.toBeInstanceOf(LedgerOverloadedError);
    await settle();
    let closed = false;
    const closing = lanes.close().then(() => (closed = true));
    await expect(lanes.submit(unitOf(charge('a', '4'), 'k4'))).rejects.toThrow('shutting down');
    await settle();
    expect(closed).toBe(false);
    writer.release();
    await Promise.all([...accepted, closing]);
    expect(closed).toBe(true);
  });
});
