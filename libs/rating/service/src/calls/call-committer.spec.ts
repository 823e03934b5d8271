// The committer against a CallStore stand-in whose commits we release by hand.
import { WrongExpectedVersionError } from '@billing/event-store';
import { initialCall } from '@billing/rating-domain';
import { CallCommitter } from './call-committer.js';
import type { CallDecision, CallStore, CommittedCall } from './call-store.js';

const decision = (callId: string): CallDecision => ({ call: { callId, version: -1, state: initialCall() }, events: [], commandId: null });
const metadata = (id: string) => ({ actor: 'switch', correlationId: id });
const settle = () => new Promise((resolve) => setImmediate(resolve));

class HeldStore {
  readonly batches: string[][] = [];
  readonly metadataSeen: (string | undefined)[][] = [];
  private readonly held: (() => void)[] = [];
  failWhen: (callIds: string[]) => boolean = () => false;

  commit(decisions: readonly CallDecision[]): Promise<CommittedCall[]> {
    const callIds = decisions.map((d) => d.call.callId);
    this.batches.push(callIds);
    this.metadataSeen.push(decisions.map((d) => d.metadata?.correlationId));
    const fail = this.failWhen(callIds);
    return new Promise((resolve, reject) =>
      this.held.push(() => (fail ? reject(new WrongExpectedVersionError(callIds[0]!, -1, 0)) : resolve(callIds.map((callId) => ({ callId, state: initialCall(), version: 0, written: true }))))),
    );
  }

  releaseAll(): void {
    for (const release of this.held.splice(0)) release();
  }
}

const committerOn = (store: HeldStore) => new CallCommitter(store as unknown as CallStore);

describe('CallCommitter', () => {
  it('writes the decisions that gather while a batch is in flight in one commit, each with its own metadata', async () => {
    const store = new HeldStore();
    const committer = committerOn(store);
    const first = committer.commit(decision('a'), metadata('m-a'));
    const second = committer.commit(decision('b'), metadata('m-b'));
    const rest = ['c', 'd', 'e'].map((id) => committer.commit(decision(id), metadata(`m-${id}`)));
    expect(store.batches).toEqual([['a'], ['b']]);
    store.releaseAll();
    await Promise.all([first, second]);
    await settle();
    expect(store.batches[2]).toEqual(['c', 'd', 'e']);
    expect(store.metadataSeen[2]).toEqual(['m-c', 'm-d', 'm-e']);
    store.releaseAll();
    await expect(Promise.all(rest)).resolves.toMatchObject([{ callId: 'c' }, { callId: 'd' }, { callId: 'e' }]);
  });

  it('keeps two decisions on one call apart, in order', async () => {
    const store = new HeldStore();
    const committer = committerOn(store);
    const done = [committer.commit(decision('x'), metadata('1')), committer.commit(decision('x'), metadata('2')), committer.commit(decision('y'), metadata('3'))];
    expect(store.batches).toEqual([['x'], ['y']]);
    store.releaseAll();
    await settle();
    expect(store.batches[2]).toEqual(['x']);
    expect(store.metadataSeen[2]).toEqual(['2']);
    store.releaseAll();
    await Promise.all(done);
  });

  it('rewrites a failed batch one decision at a time: only the racing call gets the error', async () => {
    const store = new HeldStore();
    const committer = committerOn(store);
    const blockers = [committer.commit(decision('p'), metadata('p')), committer.commit(decision('q'), metadata('q'))];
    const batch = Promise.allSettled(['r', 'bad', 's'].map((id) => committer.commit(decision(id), metadata(id))));
    store.failWhen = (callIds) => callIds.includes('bad');
    store.releaseAll();
    await Promise.all(blockers);
    for (let i = 0; i < 5; i += 1) {
      await settle();
      store.releaseAll();
    }
    const outcomes = await batch;
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect(store.batches.slice(2)).toEqual([['r', 'bad', 's'], ['r'], ['bad'], ['s']]);
  });
});
