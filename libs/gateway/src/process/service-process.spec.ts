// Which variables a distributed process refuses to start without: the shared database, broker and
// switch key for every process; the internal service key only for the processes that call or
// serve the internal routes (accounts, wallet, rating name it in `requiredEnv`) — the gateway and
// notifications never use it, so they start without it (their internal routes stay closed).
import { INTERNAL_SERVICE_KEY_ENV, missingEnv } from './service-process.js';

const shared = { DATABASE_URL: 'postgres://db', KAFKA_BROKERS: 'kafka:9092', SWITCH_API_KEY: 'a-switch-key-of-24-chars' };

describe('a distributed process starts', () => {
  it('without INTERNAL_SERVICE_KEY when it does not use the internal routes (gateway, notifications)', () => {
    expect(missingEnv({ requiredEnv: ['ACCOUNTS_URL'] }, { ...shared, ACCOUNTS_URL: 'http://accounts:3001' })).toEqual([]);
    expect(missingEnv({}, shared)).toEqual([]);
  });

  it('only with INTERNAL_SERVICE_KEY when it does (accounts, wallet, rating), and never without the shared ones', () => {
    expect(missingEnv({ requiredEnv: [INTERNAL_SERVICE_KEY_ENV] }, shared)).toEqual(['INTERNAL_SERVICE_KEY']);
    expect(missingEnv({ requiredEnv: [INTERNAL_SERVICE_KEY_ENV] }, { ...shared, INTERNAL_SERVICE_KEY: '' })).toEqual(['INTERNAL_SERVICE_KEY']);
    expect(missingEnv({}, { DATABASE_URL: 'postgres://db' })).toEqual(['KAFKA_BROKERS', 'SWITCH_API_KEY']);
  });
});
