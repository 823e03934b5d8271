// The EventStoreDB adapter against the shared EventStore contract. Runs when
// EVENTSTORE_CONNECTION_STRING points at a server (e.g. esdb://localhost:2113?tls=false);
// otherwise every case is reported as skipped, with the reason printed.
import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

describeEventStoreContract(
  'EventStoreDB',
  async () => {
    if (connectionString === undefined) throw new Error('unreachable: the suite is skipped without a connection string');
    const store = await EventStoreDbEventStore.connect({ connectionString });
    // Each case uses its own stream ids; ESDB streams cannot be dropped, so nothing is removed.
    return { store, headCheckpoint: () => store.headCheckpoint(), teardown: () => store.close() };
  },
  // No cross-stream transactions in ESDB: the suite checks that those cases are refused instead.
  { atomicMultiStream: false, inbox: false },
  connectionString ? {} : { skipReason: 'EVENTSTORE_CONNECTION_STRING is not set (no EventStoreDB reachable)' },
);
