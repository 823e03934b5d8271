// The PostgreSQL adapter against the shared EventStore contract (always runs).
import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { openTestStore } from './test-database.js';

describeEventStoreContract('PostgreSQL', () => openTestStore('es_contract'), { atomicMultiStream: true, inbox: true });
