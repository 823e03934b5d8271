// @billing/postgres — PostgreSQL plumbing shared by the apps and the tests: an embedded server
// (standalone mode, test runs without DATABASE_URL) and pg pools with the project's defaults.
export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded.js';
export { createPool, quoteIdentifier, type CreatePoolOptions } from './pool.js';
export { bigintTypes, installBigintTypeParsers, PG_OID } from './pg-types.js';
